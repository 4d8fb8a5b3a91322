/**
 * A desk process's claim on the outbox rows it is sending: a short lease,
 * renewed for as long as the send is in progress. A live process keeps a slow
 * send (Telegram waiting out a rate limit, WhatsApp spacing its messages) for
 * as long as it takes, so no other process sends the same row meanwhile; a
 * process that died stops renewing, and its chats are free again within one
 * lease instead of waiting a minute.
 *
 * @example
 * const leases = new OutboxLeases({ prisma, worker: randomUUID(), leaseMs: OUTBOX_LEASE_MS, clock, logger });
 * if (await leases.claim(row.id, clock())) {
 *   const delivered = await leases.hold(row.id, () => adapter.deliver(row.chatKey, message));
 * }
 */
import type { Logger } from '../log.ts';
import type { Db } from '../store/database.ts';

/**
 * How long a claim lasts unless renewed: the longest the chats of a process
 * that died wait for another process (or its restart) to send their messages.
 */
export const OUTBOX_LEASE_MS = 10_000;

export interface OutboxLeaseOptions {
  prisma: Db;
  /** this process's id, written into lockedBy */
  worker: string;
  leaseMs: number;
  clock: () => Date;
  logger: Logger;
}

export class OutboxLeases {
  readonly #held = new Set<number>();
  #timer: NodeJS.Timeout | null = null;
  #renewing = false;

  constructor(private readonly options: OutboxLeaseOptions) {}

  /** Takes a row still pending and not held by anyone; false when another process has it. */
  async claim(id: number, now: Date): Promise<boolean> {
    const claimed = await this.options.prisma.outbox.updateMany({
      where: {
        id,
        status: 'pending',
        OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
      },
      data: { lockedUntil: this.#until(now), lockedBy: this.options.worker },
    });
    return claimed.count === 1;
  }

  /**
   * Runs `send` for a claimed row and keeps the claim alive until it settles.
   * Renewal runs every third of the lease, so one late renewal (a busy
   * database) still leaves time for the next before the claim runs out.
   */
  async hold<T>(id: number, send: () => Promise<T>): Promise<T> {
    this.#held.add(id);
    if (!this.#timer) {
      this.#timer = setInterval(() => void this.#renew(), this.options.leaseMs / 3);
      // Renewal alone must not keep a stopping process alive.
      this.#timer.unref();
    }
    try {
      return await send();
    } finally {
      this.#held.delete(id);
      if (this.#held.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    }
  }

  async #renew(): Promise<void> {
    if (this.#renewing || this.#held.size === 0) return;
    this.#renewing = true;
    const ids = [...this.#held];
    try {
      const renewed = await this.options.prisma.outbox.updateMany({
        // A row already marked sent or failed, or taken over, is not renewed.
        where: { id: { in: ids }, status: 'pending', lockedBy: this.options.worker },
        data: { lockedUntil: this.#until(this.options.clock()) },
      });
      if (renewed.count < ids.length) await this.#reportLost(ids);
    } catch (error) {
      this.options.logger.warn(
        { err: error, outboxIds: ids },
        'could not renew the claim on outbox rows being sent; retrying',
      );
    } finally {
      this.#renewing = false;
    }
  }

  /**
   * Only a process stalled for longer than the lease gets here: another one
   * may have taken the row and send it too. Rows whose send ended while the
   * renewal ran are not lost, just done.
   */
  async #reportLost(ids: number[]): Promise<void> {
    const stillSending = ids.filter((id) => this.#held.has(id));
    if (stillSending.length === 0) return;
    const rows = await this.options.prisma.outbox.findMany({
      where: { id: { in: stillSending }, status: 'pending' },
      select: { id: true, lockedBy: true },
    });
    const takenOver = rows.filter((row) => row.lockedBy !== this.options.worker);
    if (takenOver.length === 0) return;
    this.options.logger.warn(
      { outboxIds: takenOver.map((row) => row.id), leaseMs: this.options.leaseMs },
      'lost the claim on outbox rows while sending them; they may reach the chat twice',
    );
  }

  #until(now: Date): Date {
    return new Date(now.getTime() + this.options.leaseMs);
  }
}
