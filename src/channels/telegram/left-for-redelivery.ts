/**
 * Whether handling an update ended with nothing committed, so Telegram must
 * keep it and deliver it again (webhook: 503; long polling: the offset stays
 * below it). grammY wraps what a handler threw in a BotError.
 */
import { BotError } from 'grammy';
import { NotCommitted } from '../../runtime/not-committed.ts';

/**
 * @example
 * await bot.handleUpdate(update).then(() => 200, (error) => (leftForRedelivery(error) ? 503 : 200));
 */
export function leftForRedelivery(error: unknown): boolean {
  return (error instanceof BotError ? error.error : error) instanceof NotCommitted;
}
