/**
 * Counts the updates being handled, so stopping the channel can wait for them
 * to finish before the database closes under them.
 */
import type { Context, MiddlewareFn } from 'grammy';

export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  /** Middleware to install first: it sees every update until its handling ends. */
  readonly middleware: MiddlewareFn<Context> = async (_ctx, next) => {
    const handling = next();
    this.#running.add(handling);
    try {
      await handling;
    } finally {
      this.#running.delete(handling);
    }
  };

  /** Resolves once every update that was in flight has been handled (or failed). */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}
