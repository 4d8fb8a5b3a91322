/**
 * What /healthz says about Telegram: up once the bot is polling, down (since
 * the first failure) while getUpdates cannot get an answer, up again when it
 * does. Never the token.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTelegramDesk, type TelegramDesk } from './telegram-desk.ts';
import { TelegramUser } from './telegram-user.ts';

describe('telegram › status for /healthz', () => {
  let desk: TelegramDesk;
  beforeAll(async () => {
    desk = await startTelegramDesk();
  });
  afterAll(() => desk.close());

  const status = () => desk.telegram.status?.();

  it('is up after start, down while getUpdates fails, and up again once Telegram answers', async () => {
    expect(status()?.state).toBe('up');
    const upSince = status()?.since.getTime() ?? 0;

    // Failures auto-retry does not retry (it holds 5xx for up to 21 s), so each reaches the poller.
    desk.emulator.failNext('getUpdates', 3, {
      ok: false,
      error_code: 400,
      description: 'Bad Request: service unavailable (test)',
    });
    // An update ends the poll in progress, so the next getUpdates meets the failures.
    desk.emulator.pushUpdate(new TelegramUser(desk, 85_100_001).text('halo'));
    await vi.waitFor(() => expect(status()?.state).toBe('down'), { timeout: 5000, interval: 5 });
    const downSince = status()?.since.getTime() ?? 0;
    expect(downSince).toBeGreaterThanOrEqual(upSince);
    // Still down after the next failure: "since" stays at the first one.
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (status()?.state === 'down') expect(status()?.since.getTime()).toBe(downSince);

    await vi.waitFor(() => expect(status()?.state).toBe('up'), { timeout: 10_000, interval: 5 });
    expect(JSON.stringify(status())).not.toContain(desk.emulator.token);
  });
});
