/**
 * The grammY Bot the Telegram channel talks through. Every Bot API call goes
 * through two transformers: a log line for each failed attempt (method and
 * error only, never the payload, which holds what residents wrote) and
 * auto-retry, which waits out 429 retry_after and backs off on 5xx and network
 * errors.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot } from 'grammy';
import type { Logger } from '../../log.ts';
import { logFailedCalls } from './log-failed-calls.ts';

/**
 * Bounds on auto-retry. Without them it retries forever; with them one call
 * waits at most ~3 × 10 s for rate limits (or 3 + 6 + 12 s for 5xx backoff),
 * inside the deadline the sender sets. A longer retry_after is handed to the
 * outbox, which reschedules the message instead of holding a worker.
 */
export const RETRY_LIMITS = { maxRetryAttempts: 3, maxDelaySeconds: 10 } as const;

/**
 * Longest a single HTTP request may take. Long polling asks Telegram to hold
 * getUpdates for 30 s, so this must stay above that.
 */
const REQUEST_TIMEOUT_SECONDS = 60;

/**
 * Creates the bot for one token. Handlers are added by the caller.
 *
 * @example
 * const bot = createTelegramBot('123:ABC…', 'https://api.telegram.org', logger);
 */
export function createTelegramBot(token: string, apiRoot: string, logger: Logger): Bot {
  const bot = new Bot(token, {
    client: { apiRoot: apiRoot.replace(/\/+$/, ''), timeoutSeconds: REQUEST_TIMEOUT_SECONDS },
  });
  // Installed first, so it sits inside auto-retry and sees every attempt.
  bot.api.config.use(logFailedCalls(logger));
  bot.api.config.use(autoRetry(RETRY_LIMITS));
  return bot;
}
