/**
 * Webhook mode, for deployments with a public https URL and for several desk
 * processes behind a load balancer. Telegram posts each update to
 * POST /telegram/webhook with the secret we registered in a header; anything
 * without it is refused before a byte of the body is read.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { BodyTooLargeError, readBody } from '../../http/read-body.ts';
import type { RouteHandler } from '../../http/server.ts';
import type { Logger } from '../../log.ts';
import { ALLOWED_UPDATES } from './inbound-handlers.ts';
import { leftForRedelivery } from './left-for-redelivery.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * A turn takes milliseconds, so Telegram normally gets its 200 once the message
 * is committed. One still running after this long (a large file on a slow
 * link, a database waiting on a lock) gets 503 and goes on in the background:
 * Telegram asks again later, and the retry waits for the same handling
 * instead of starting a second one. Never 200 before the outcome is known.
 */
const ANSWER_WITHIN_MS = 10_000;

/** Telegram updates are a few kilobytes; anything near this is not one. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

/** The one field the route relies on; the rest is grammY's to read. */
const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookConfig {
  url: string;
  secret: string;
}

/** Tells Telegram where to post updates. Pending updates are kept. */
export async function registerWebhook(bot: Bot, webhook: WebhookConfig, logger: Logger) {
  if (!new URL(webhook.url).pathname.endsWith(WEBHOOK_PATH)) {
    logger.warn(
      { path: WEBHOOK_PATH },
      'TELEGRAM_WEBHOOK_URL does not end with the webhook path; unless a proxy rewrites it, updates will not arrive',
    );
  }
  await bot.api.setWebhook(webhook.url, {
    secret_token: webhook.secret,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
  });
}

/**
 * The route for POST /telegram/webhook: 403 without the right secret, 503
 * while the channel is not taking updates, 413 for a body over 1 MiB, 400 for
 * one that is not an update. Otherwise 200 once the update is handled, or 503
 * when nothing of it could be committed (the database is down) or it is still
 * running: Telegram keeps the update and posts it again.
 *
 * @example
 * routes['POST /telegram/webhook'] = webhookRoute(bot, secret, () => open, logger);
 */
export function webhookRoute(
  bot: Bot,
  secret: string,
  isOpen: () => boolean,
  logger: Logger,
): RouteHandler {
  const handling = new Map<number, Promise<number>>();
  const handle = (update: Update): Promise<number> => {
    const running = handling.get(update.update_id);
    if (running) return running;
    const outcome = bot.handleUpdate(update).then(
      () => 200,
      (error: unknown) => {
        if (!leftForRedelivery(error)) return 200; // logged by the error boundary
        logger.warn(
          { updateId: update.update_id },
          'update not committed (database unavailable); answered 503 so Telegram posts it again',
        );
        return 503;
      },
    );
    handling.set(update.update_id, outcome);
    void outcome.finally(() => handling.delete(update.update_id));
    return outcome;
  };

  return async (req, res) => {
    if (!sameSecret(req.headers[SECRET_HEADER], secret)) return answer(res, 403, 'forbidden');
    if (!isOpen()) return answer(res, 503, 'not ready');
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPDATE_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return answer(res, 413, 'update too large');
      throw error;
    }
    const update = parseUpdate(body);
    if (!update) return answer(res, 400, 'not a Telegram update');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<number>((resolve) => {
      timer = setTimeout(resolve, ANSWER_WITHIN_MS, 503);
    });
    const status = await Promise.race([handle(update), deadline]).finally(() =>
      clearTimeout(timer),
    );
    answer(res, status, status === 200 ? 'ok' : 'try again later');
  };
}

function parseUpdate(body: Buffer): Update | null {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  return updateSchema.safeParse(json).success ? (json as Update) : null;
}

function answer(res: ServerResponse, status: number, message: string): void {
  const body = status === 200 ? '{"ok":true}' : JSON.stringify({ error: message });
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/** Compares in constant time, so response timing does not reveal the secret. */
function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
