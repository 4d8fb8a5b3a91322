/**
 * Remembers a channel's state and when it last changed, for /healthz. Setting
 * the state it already has keeps the original time, so "down since" counts
 * from the first failure, not the latest.
 *
 * @example
 * const status = new StatusClock<'connecting' | 'up' | 'down'>('connecting');
 * status.set('down'); // since now
 * status.set('down'); // still since the first time
 */
import type { ChannelStatus } from './channel-adapter.ts';

export class StatusClock<S extends string> {
  #state: S;
  #since: Date;

  constructor(
    initial: S,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#state = initial;
    this.#since = clock();
  }

  set(state: S): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#since = this.clock();
  }

  get state(): S {
    return this.#state;
  }

  read(): ChannelStatus & { state: S } {
    return { state: this.#state, since: this.#since };
  }
}
