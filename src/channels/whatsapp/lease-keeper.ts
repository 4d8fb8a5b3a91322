/**
 * Keeps a SessionLease over time: renews it while held, retries to take it
 * while another process holds it, and tells the owner when it gained or lost
 * it. The WhatsApp channel connects on `onGained` and disconnects on `onLost`.
 *
 * @example
 * const keeper = new LeaseKeeper(lease, { ttlMs: 30_000, logger, onGained: connect, onLost: disconnect });
 * await keeper.start(); // resolves after the first attempt, held or not
 */
import type { Logger } from '../../log.ts';
import { errorReason } from './error-reason.ts';
import type { SessionLease } from './session-lease.ts';

export interface LeaseKeeperOptions {
  /** the lease's lifetime; it is renewed (or retried) every third of it */
  ttlMs: number;
  logger: Logger;
  clock?: () => Date;
  onGained(): Promise<void>;
  onLost(): Promise<void>;
}

export class LeaseKeeper {
  #heldUntil: Date | null = null;
  #timer: NodeJS.Timeout | null = null;
  #tick: Promise<void> = Promise.resolve();
  #stopped = true;
  #saidIdle = false;
  readonly #clock: () => Date;

  constructor(
    private readonly lease: SessionLease,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.#clock = options.clock ?? (() => new Date());
  }

  get held(): boolean {
    return this.#heldUntil !== null;
  }

  /** Makes the first attempt and keeps going in the background until stop(). */
  async start(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    await this.#run();
  }

  /** Stops renewing and gives the lease up (after the owner has let go of the session). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#tick;
    if (!this.held) return;
    this.#heldUntil = null;
    await this.options.onLost();
    await this.lease.release().catch((error: unknown) => {
      this.options.logger.warn(
        { reason: errorReason(error) },
        'could not release the WhatsApp session lease; it expires by itself',
      );
    });
  }

  #run(): Promise<void> {
    this.#tick = this.#step().finally(() => {
      if (this.#stopped) return;
      this.#timer = setTimeout(() => void this.#run(), Math.max(1, this.options.ttlMs / 3));
    });
    return this.#tick;
  }

  async #step(): Promise<void> {
    try {
      if (this.held) await this.#renew();
      else await this.#acquire();
    } catch (error) {
      this.options.logger.error(
        { reason: errorReason(error) },
        'WhatsApp session lease step failed',
      );
    }
  }

  async #acquire(): Promise<void> {
    const until = await this.lease.tryAcquire();
    if (until === null) {
      if (!this.#saidIdle) {
        this.options.logger.info(
          'WhatsApp session is held by another desk process; this one stays idle',
        );
        this.#saidIdle = true;
      }
      return;
    }
    this.#heldUntil = until;
    this.#saidIdle = false;
    if (this.#stopped) return;
    try {
      await this.options.onGained();
    } catch (error) {
      // Holding the lease without using it would keep every other process idle for nothing.
      this.#heldUntil = null;
      await this.options.onLost();
      await this.lease.release();
      throw error;
    }
  }

  async #renew(): Promise<void> {
    let until: Date | null;
    try {
      until = await this.lease.renew();
    } catch (error) {
      // The database may be back before the lease runs out: keep the session until then.
      if (this.#clock() < (this.#heldUntil as Date)) throw error;
      until = null;
    }
    if (until) {
      this.#heldUntil = until;
      return;
    }
    this.#heldUntil = null;
    this.options.logger.warn(
      'WhatsApp session lease lost; disconnecting so only one process uses it',
    );
    await this.options.onLost();
  }
}
