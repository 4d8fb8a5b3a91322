/**
 * Webhook mode, for deployments with a public https URL and for several desk
 * processes behind a load balancer. Telegram posts each update to
 * POST /telegram/webhook with the secret we registered in a header; anything
 * without it is refused before a byte of the body is read.
 */
import { timingSafeEqual } from 'node:crypto';
import { type Bot, webhookCallback } from 'grammy';
import type { RouteHandler } from '../../http/server.ts';
import type { Logger } from '../../log.ts';
import { ALLOWED_UPDATES } from './inbound-handlers.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * A turn takes milliseconds, so Telegram normally gets its 200 after the
 * message is committed (a crash before that means Telegram sends it again and
 * the runtime recognises it). A slow one (a large file on a slow link) gets
 * its 200 after this long and finishes in the background, so Telegram does not
 * time out and resend it meanwhile.
 */
const ANSWER_WITHIN_MS = 10_000;

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
 * while the channel is not taking updates (Telegram retries later), otherwise
 * the update goes to the bot.
 *
 * @example
 * routes['POST /telegram/webhook'] = webhookRoute(bot, secret, () => open);
 */
export function webhookRoute(bot: Bot, secret: string, isOpen: () => boolean): RouteHandler {
  const handle = webhookCallback(bot, 'http', {
    onTimeout: 'return',
    timeoutMilliseconds: ANSWER_WITHIN_MS,
  });
  return async (req, res) => {
    if (!sameSecret(req.headers[SECRET_HEADER], secret)) {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"forbidden"}');
      return;
    }
    if (!isOpen()) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"not ready"}');
      return;
    }
    await handle(req, res);
  };
}

/** Compares in constant time, so response timing does not reveal the secret. */
function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
