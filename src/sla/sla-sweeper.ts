/**
 * Watches every deadline from the database, never from in-memory timers: each
 * sweep reads what is due with indexed queries and acts on it once (see
 * sla-notice.ts). Several desk processes may run; only the holder of the
 * 'sla-sweeper' lease sweeps, and a crashed holder's lease expires.
 *
 * @example
 * const sweeper = new SlaSweeper({ prisma, cipher, ref, logger, everyMs: 60_000 });
 * sweeper.start(); // sweeps now, then every minute
 * await sweeper.stop();
 */
import { SessionLease } from '../channels/whatsapp/session-lease.ts';
import { PeriodicPass } from '../periodic-pass.ts';
import { closeUnratedTickets } from './feedback-timeout.ts';
import { sweepReferralDeadlines } from './referral-deadlines.ts';
import type { SlaDeps } from './sla-deps.ts';
import { sweepTicketDeadlines } from './ticket-deadlines.ts';

export interface SlaSweeperOptions extends SlaDeps {
  /** the pause after each sweep before the next */
  everyMs: number;
  clock?: () => Date;
  /** who we are in the lease table; random per process by default */
  holder?: string;
  /** how long the lease outlives a silent holder (default 3 sweeps, at least a minute) */
  leaseMs?: number;
  /**
   * false while the database cannot be written without waiting (another
   * process holds the SQLite file): the pass is skipped, not left to stop the desk
   */
  writable?: () => boolean;
}

export interface SweepCounts {
  deadlines: number;
  referrals: number;
  closed: number;
}

export class SlaSweeper {
  readonly #clock: () => Date;
  readonly #lease: SessionLease;
  readonly #sweeps: PeriodicPass;

  constructor(private readonly options: SlaSweeperOptions) {
    this.#clock = options.clock ?? (() => new Date());
    this.#lease = new SessionLease(options.prisma, {
      name: 'sla-sweeper',
      // Outlives one slow sweep, yet a crashed holder is replaced within minutes.
      ttlMs: options.leaseMs ?? Math.max(3 * options.everyMs, 60_000),
      // The lease is about live processes, so it runs on real time even when a test moves the deadline clock.
      ...(options.holder ? { holder: options.holder } : {}),
    });
    this.#sweeps = new PeriodicPass(() => this.#guarded(), options.everyMs);
  }

  start(): void {
    this.#sweeps.start();
  }

  async stop(): Promise<void> {
    await this.#sweeps.stop();
    await this.#lease.release().catch(() => undefined);
  }

  /** One sweep if this process holds the lease; null when another process is the sweeper. */
  async runOnce(): Promise<SweepCounts | null> {
    if ((await this.#lease.tryAcquire()) === null) return null;
    const now = this.#clock();
    const counts = {
      deadlines: await sweepTicketDeadlines(this.options, now),
      referrals: await sweepReferralDeadlines(this.options, now),
      closed: await closeUnratedTickets(this.options, now),
    };
    if (counts.deadlines + counts.referrals + counts.closed > 0) {
      this.options.logger.info(counts, 'SLA sweep sent reminders or acted on deadlines');
    }
    return counts;
  }

  async #guarded(): Promise<void> {
    if (this.options.writable?.() === false) return;
    try {
      await this.runOnce();
    } catch (error) {
      this.options.logger.error({ err: error }, 'SLA sweep failed; will try again');
    }
  }
}
