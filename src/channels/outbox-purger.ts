/**
 * Deletes sent outbox rows once the retention period has passed. A sent
 * message has done its job; keeping it would only keep a copy of what
 * residents and staff were told (names, NIK, KK), sealed or not. Failed rows
 * stay: an operator needs them to see what never arrived.
 *
 * @example
 * const purger = new OutboxPurger({ prisma, cipher, logger, retentionDays: 7 });
 * await purger.start(); // seals rows kept in clear, purges now, then once an hour
 * await purger.stop();
 */
import type { Logger } from '../log.ts';
import { PeriodicPass } from '../periodic-pass.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';
import { sealPlainOutboxRows } from './outbox-plain-rows.ts';

const DAY_MS = 24 * 60 * 60_000;

export interface OutboxPurgerOptions {
  prisma: Db;
  cipher: FieldCipher;
  logger: Logger;
  /** sent rows older than this many days are deleted */
  retentionDays: number;
  clock?: () => Date;
  /** the pause after each purge before the next (default an hour) */
  everyMs?: number;
  /**
   * false while the database cannot be written without waiting (another
   * process holds the SQLite file): the pass is skipped, not left to stop the desk
   */
  writable?: () => boolean;
}

/** Deletes the rows sent before `cutoff`; returns how many. */
export async function purgeSentOutbox(prisma: Db, cutoff: Date): Promise<number> {
  const { count } = await prisma.outbox.deleteMany({
    // A row is sent only once due, so nextAttemptAt <= sentAt: the extra bound
    // lets the (status, nextAttemptAt) index find the rows without a table scan.
    where: { status: 'sent', nextAttemptAt: { lt: cutoff }, sentAt: { lt: cutoff } },
  });
  return count;
}

export class OutboxPurger {
  readonly #clock: () => Date;
  readonly #purges: PeriodicPass;
  #started = false;

  constructor(private readonly options: OutboxPurgerOptions) {
    this.#clock = options.clock ?? (() => new Date());
    this.#purges = new PeriodicPass(
      async () => {
        if (options.writable?.() === false) return;
        await this.#guard(() => this.runOnce());
      },
      options.everyMs ?? 60 * 60_000,
    );
  }

  /**
   * Seals rows written before payloads were sealed (resolved once done, so the
   * dispatcher can start after it), then purges now and every hour.
   */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await this.#guard(async () => {
      const { sealed, dropped } = await sealPlainOutboxRows(
        this.options.prisma,
        this.options.cipher,
      );
      if (sealed > 0) this.options.logger.info({ sealed }, 'sealed outbox rows kept in clear');
      if (dropped > 0) {
        this.options.logger.warn(
          { dropped },
          'deleted outbox rows kept in clear that are not a message',
        );
      }
    });
    this.#purges.start();
  }

  async stop(): Promise<void> {
    await this.#purges.stop();
  }

  /** One purge; returns how many rows were deleted. */
  async runOnce(): Promise<number> {
    const cutoff = new Date(this.#clock().getTime() - this.options.retentionDays * DAY_MS);
    const purged = await purgeSentOutbox(this.options.prisma, cutoff);
    if (purged > 0) this.options.logger.info({ purged }, 'deleted sent outbox rows past retention');
    return purged;
  }

  async #guard(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.options.logger.error({ err: error }, 'outbox housekeeping failed; will try again');
    }
  }
}
