/**
 * Keeps a chat's updates in order when one of them could not be committed:
 * until that update has been handled again, the chat's later updates are
 * refused as not committed too, so a command typed after a failed one never
 * runs before it. Only for long polling, where the desk hands updates back to
 * Telegram itself; in webhook mode Telegram's own per-chat queue does this.
 */
import type { Context, MiddlewareFn } from 'grammy';
import { NotCommitted } from '../../runtime/not-committed.ts';
import { leftForRedelivery } from './left-for-redelivery.ts';

export class ChatHolds {
  /** chat id → the earliest of its updates left for redelivery */
  readonly #held = new Map<number, number>();

  /** Middleware to install right after sequentialize, so it sees each chat's updates in order. */
  readonly middleware: MiddlewareFn<Context> = async (ctx, next) => {
    const chatId = ctx.chat?.id;
    const updateId = ctx.update.update_id;
    if (chatId === undefined) return next();
    const held = this.#held.get(chatId);
    if (held !== undefined && updateId > held) {
      throw new NotCommitted('an earlier update of this chat waits to be delivered again');
    }
    try {
      await next();
    } catch (error) {
      if (leftForRedelivery(error)) {
        this.#held.set(chatId, updateId); // updateId ≤ held here: later ones were refused above
        throw error;
      }
      if (held === updateId) this.#held.delete(chatId);
      throw error;
    }
    if (held === updateId) this.#held.delete(chatId);
  };
}
