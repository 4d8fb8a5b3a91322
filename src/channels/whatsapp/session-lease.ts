/**
 * A named lease in the database that at most one desk process holds at a time.
 * WhatsApp allows one connection per linked device: two processes on the same
 * session would knock each other off ("connection replaced") and corrupt the
 * Signal keys, so only the holder of the 'whatsapp' lease connects.
 *
 * Every step is one atomic statement (a conditional UPDATE, or an INSERT that
 * loses to a unique violation), which holds on SQLite and on PostgreSQL alike.
 *
 * @example
 * const lease = new SessionLease(prisma, { name: 'whatsapp', ttlMs: 30_000 });
 * if ((await lease.tryAcquire()) !== null) connect();
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/database.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';

export interface SessionLeaseOptions {
  name: string;
  /** how long the lease lasts unless renewed; a crashed holder loses it after this */
  ttlMs: number;
  /** who we are; a random id per process by default */
  holder?: string;
  clock?: () => Date;
}

export class SessionLease {
  readonly holder: string;
  readonly #clock: () => Date;

  constructor(
    private readonly prisma: Db,
    private readonly options: SessionLeaseOptions,
  ) {
    this.holder = options.holder ?? randomUUID();
    this.#clock = options.clock ?? (() => new Date());
  }

  /**
   * Takes the lease when it is free, expired or already ours. Returns the new
   * expiry, or null while another process holds it.
   */
  async tryAcquire(): Promise<Date | null> {
    const now = this.#clock();
    const expiresAt = new Date(now.getTime() + this.options.ttlMs);
    const taken = await this.prisma.lease.updateMany({
      where: {
        name: this.options.name,
        OR: [{ holder: this.holder }, { expiresAt: { lte: now } }],
      },
      data: { holder: this.holder, expiresAt },
    });
    if (taken.count === 1) return expiresAt;
    try {
      await this.prisma.lease.create({
        data: { name: this.options.name, holder: this.holder, expiresAt },
      });
      return expiresAt;
    } catch (error) {
      // Someone holds it (or created it a moment before us): not ours.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Extends the lease we hold; null when another process has taken it meanwhile. */
  async renew(): Promise<Date | null> {
    const expiresAt = new Date(this.#clock().getTime() + this.options.ttlMs);
    const renewed = await this.prisma.lease.updateMany({
      where: { name: this.options.name, holder: this.holder },
      data: { expiresAt },
    });
    return renewed.count === 1 ? expiresAt : null;
  }

  /** Gives the lease up at once so another process need not wait for it to expire. */
  async release(): Promise<void> {
    await this.prisma.lease.deleteMany({ where: { name: this.options.name, holder: this.holder } });
  }
}
