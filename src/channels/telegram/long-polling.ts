/**
 * Long polling with @grammyjs/runner: getUpdates in the background, updates
 * handled concurrently across chats (the bot's sequentialize keeps each chat
 * in order). The default mode: it needs no public URL.
 */
import { type RunnerHandle, run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Logger } from '../../log.ts';
import { ALLOWED_UPDATES } from './inbound-handlers.ts';

/**
 * Starts polling. A webhook left over from an earlier webhook deployment would
 * make every getUpdates fail with 409, so it is removed first (pending updates
 * are kept and arrive by polling instead).
 *
 * @example
 * const runner = await startLongPolling(bot, logger);
 * await stopLongPolling(runner);
 */
export async function startLongPolling(bot: Bot, logger: Logger): Promise<RunnerHandle> {
  const webhook = await bot.api.getWebhookInfo();
  if (webhook.url) {
    logger.warn('Telegram had a webhook set for this bot; removed it to use long polling');
    await bot.api.deleteWebhook({ drop_pending_updates: false });
  }
  const runner = run(bot, {
    runner: {
      fetch: { timeout: 30, allowed_updates: [...ALLOWED_UPDATES] },
      // Failed attempts are logged by the bot's API transformer, through pino.
      silent: true,
    },
  });
  runner.task()?.catch((error: unknown) => {
    // Only unrecoverable errors end the runner: a revoked token (401) or a
    // second process polling the same bot (409).
    logger.error(
      { reason: (error as Error).message },
      'Telegram long polling stopped: is another desk process polling this bot, or was the token revoked?',
    );
  });
  return runner;
}

/** Stops fetching updates; resolves when the runner's loop has ended. */
export async function stopLongPolling(runner: RunnerHandle): Promise<void> {
  if (runner.isRunning()) await runner.stop();
}
