/**
 * Which fetched updates Telegram may forget. getUpdates confirms every update
 * below the offset it is called with, so the offset moves past an update only
 * once handling it has ended with something committed. An update whose turn
 * could not be written (the database is down) stays, Telegram returns it
 * again, and it is handed to the bot again once its retry is due.
 */
import type { Update } from 'grammy/types';

type State = 'running' | 'done' | 'waiting';

export class OffsetLedger {
  /** fetched updates not yet confirmed to Telegram */
  readonly #states = new Map<number, State>();
  #highest = -1;

  /** The getUpdates offset: every update below it is done. */
  get offset(): number {
    let lowest = this.#highest + 1;
    for (const [id, state] of this.#states) if (state !== 'done' && id < lowest) lowest = id;
    return lowest;
  }

  /**
   * The offset for the next getUpdates call. Updates below it are forgotten
   * here only now: an answer to an earlier call may still bring them back.
   */
  confirm(): number {
    const offset = this.offset;
    for (const id of this.#states.keys()) if (id < offset) this.#states.delete(id);
    return offset;
  }

  /** True while some update waits to be handed to the bot again. */
  get waiting(): boolean {
    for (const state of this.#states.values()) if (state === 'waiting') return true;
    return false;
  }

  /**
   * Of a getUpdates answer, the updates to hand to the bot now: the new ones,
   * and the waiting ones when their retry is due. Ones being handled or done
   * are what Telegram returns because the offset could not pass them yet.
   *
   * @example
   * const toHandle = ledger.take(await api.getUpdates({ offset: ledger.confirm() }), retryDue);
   */
  take(updates: Update[], retryDue: boolean): Update[] {
    const toHandle: Update[] = [];
    for (const update of updates) {
      const id = update.update_id;
      const state = this.#states.get(id);
      if (state === 'running' || state === 'done') continue;
      if (state === 'waiting' && !retryDue) continue;
      this.#highest = Math.max(this.#highest, id);
      this.#states.set(id, 'running');
      toHandle.push(update);
    }
    return toHandle;
  }

  /** Handling ended: committed (or nothing to commit), or left for Telegram to deliver again. */
  settle(updateId: number, committed: boolean): void {
    this.#states.set(updateId, committed ? 'done' : 'waiting');
  }
}
