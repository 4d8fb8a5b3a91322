/**
 * A grammY API transformer that logs each failed Bot API attempt. It names the
 * method and Telegram's answer, never the payload: payloads carry what
 * residents wrote and what the desk replied.
 */
import { HttpError, type Transformer } from 'grammy';
import type { Logger } from '../../log.ts';

/**
 * @example
 * bot.api.config.use(logFailedCalls(logger));
 */
export function logFailedCalls(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        logger.warn(
          {
            method,
            errorCode: result.error_code,
            description: result.description,
            retryAfter: result.parameters?.retry_after,
          },
          'Telegram refused a Bot API call',
        );
      }
      return result;
    } catch (error) {
      // An aborted call is the runner stopping or a deadline we set: not news.
      if (error instanceof HttpError && !signal?.aborted) {
        logger.warn({ method, reason: error.message }, 'Telegram could not be reached');
      }
      throw error;
    }
  };
}
