/**
 * Reads a failed Bot API call as the outbox needs it: may it be tried again,
 * and when. The error keeps Telegram's method and description, never the
 * payload (the text we tried to send).
 */
import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../channel-adapter.ts';

/**
 * - 403: the resident blocked the bot or deleted the account; nothing to retry.
 * - 400: Telegram rejected this very request (chat not found, invalid markup);
 *   the same request cannot succeed later either.
 * - 429 that outlived auto-retry: try again after Telegram's retry_after.
 * - anything else (5xx, network, our deadline): temporary, the outbox backs off.
 *
 * @example
 * try { await api.sendMessage(chat, text); } catch (error) { throw toDeliveryError(error); }
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof GrammyError) {
    const reason = `Telegram refused ${error.method} (${error.error_code}: ${error.description})`;
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after;
      return new DeliveryError(reason, {
        retryAfterMs: seconds === undefined ? undefined : seconds * 1000,
      });
    }
    if (error.error_code === 403 || error.error_code === 400) {
      return new DeliveryError(reason, { permanent: true });
    }
    return new DeliveryError(reason);
  }
  if (error instanceof HttpError)
    return new DeliveryError(`Telegram could not be reached (${error.message})`, {
      unreachable: true,
    });
  const reason = error instanceof Error ? error.message : String(error);
  return new DeliveryError(`sending to Telegram failed (${reason})`);
}
