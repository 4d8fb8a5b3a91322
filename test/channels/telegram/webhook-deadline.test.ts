/**
 * The webhook's 10 s deadline: an update still running then gets 503 (never
 * 200 before its outcome is known), and Telegram's redelivery joins the
 * running handling instead of starting a second one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { Bot } from 'grammy';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webhookRoute } from '../../../src/channels/telegram/webhook.ts';
import { createLogger } from '../../../src/log.ts';

const SECRET = 'webhook-secret';

function post(body: unknown): IncomingMessage {
  const req = new PassThrough() as unknown as IncomingMessage;
  req.headers = { 'x-telegram-bot-api-secret-token': SECRET };
  (req as unknown as PassThrough).end(JSON.stringify(body));
  return req;
}

function response(): { res: ServerResponse; status: () => number | undefined } {
  let status: number | undefined;
  const res = {
    writeHead(code: number) {
      status = code;
      return res;
    },
    end() {
      return res;
    },
  } as unknown as ServerResponse;
  return { res, status: () => status };
}

describe('webhook deadline', () => {
  afterEach(() => vi.useRealTimers());

  it('answers 503 after 10 s, and the redelivery waits for the same handling', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const handleUpdate = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const bot = { handleUpdate } as unknown as Bot;
    const route = webhookRoute(bot, SECRET, () => true, createLogger('silent'));
    const update = { update_id: 7, message: { message_id: 1 } };

    const first = response();
    const firstDone = route(post(update), first.res);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(first.status()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await firstDone;
    expect(first.status()).toBe(503);

    const again = response();
    const againDone = route(post(update), again.res);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(again.status()).toBeUndefined();
    finish();
    await againDone;
    expect(again.status()).toBe(200);
    expect(handleUpdate).toHaveBeenCalledTimes(1);
    // the answered request left no deadline timer behind
    expect(vi.getTimerCount()).toBe(0);
  });
});
