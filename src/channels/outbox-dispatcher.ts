/**
 * Sends what turns and staff actions queued in the outbox. Each chat's
 * messages leave in the order they were written; a chat whose oldest message
 * is waiting to be retried holds the ones behind it, so a resident never reads
 * "Tiket selesai" before "Tiket diterima". Rows are claimed with a short lease
 * renewed while they are sent (outbox-lease.ts), so several desk processes on
 * one PostgreSQL never send the same row together, and the chats of a process
 * that died are sent again within seconds. A message to a resident that is
 * given up tells the ticket's unit in the same transaction
 * (staff-desk/undelivered-alert.ts), so nobody waits for news that never came.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { OutboundMessage } from '../runtime/messages.ts';
import { openOutboxPayload } from '../runtime/outbox-payload.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { alertUnitOfUndelivered } from '../staff-desk/undelivered-alert.ts';
import type { Db } from '../store/database.ts';
import { type ChannelAdapter, DeliveryError } from './channel-adapter.ts';
import { OUTBOX_LEASE_MS, OutboxLeases } from './outbox-lease.ts';

export interface DispatcherOptions {
  prisma: Db;
  /** opens the sealed payloads (the key the desk's writers sealed them with) */
  cipher: FieldCipher;
  adapters: ChannelAdapter[];
  logger: Logger;
  clock?: () => Date;
  /** how often to look for due rows when nobody calls wake() */
  pollMs?: number;
  /** how long a claim lasts without renewal; renewed while the send is in progress */
  leaseMs?: number;
  /** attempts before a row is given up as failed */
  maxAttempts?: number;
  /** chats served at the same time */
  concurrency?: number;
  /**
   * false while the database cannot be written without waiting (another
   * process holds the SQLite file): the pass is skipped, not left to stop the desk
   */
  writable?: () => boolean;
}

export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
}

const BATCH = 500;
const MAX_BACKOFF_MS = 10 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

type Row = {
  id: number;
  channel: string;
  chatKey: string;
  payload: string;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  createdAt: Date;
};

export class OutboxDispatcher {
  readonly #adapters: Map<string, ChannelAdapter>;
  readonly #leases: OutboxLeases;
  readonly #clock: () => Date;
  #running: Promise<void> | null = null;
  #stopped = true;
  #wakeUp: (() => void) | null = null;
  #woken = false;

  constructor(private readonly options: DispatcherOptions) {
    this.#adapters = new Map(options.adapters.map((a) => [a.channel, a]));
    this.#clock = options.clock ?? (() => new Date());
    this.#leases = new OutboxLeases({
      prisma: options.prisma,
      worker: randomUUID(),
      leaseMs: options.leaseMs ?? OUTBOX_LEASE_MS,
      clock: this.#clock,
      logger: options.logger,
    });
  }

  start(): void {
    if (!this.#stopped || this.#adapters.size === 0) return;
    this.#stopped = false;
    this.#running = this.#loop();
  }

  /** Finishes the pass in progress and stops. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.wake();
    await this.#running;
    this.#running = null;
  }

  /** Something was queued: look now instead of at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#wakeUp?.();
  }

  /** One pass over every due row; the loop calls it, tests may too. */
  async runOnce(): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, retrying: 0, failed: 0 };
    const ready = [...this.#adapters.values()].filter((a) => a.ready?.() ?? true);
    if (ready.length === 0 || this.options.writable?.() === false) return report;
    const rows: Row[] = await this.options.prisma.outbox.findMany({
      where: { status: 'pending', channel: { in: ready.map((a) => a.channel) } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: {
        id: true,
        channel: true,
        chatKey: true,
        payload: true,
        attempts: true,
        nextAttemptAt: true,
        lockedUntil: true,
        createdAt: true,
      },
    });
    const chats = new Map<string, Row[]>();
    for (const row of rows) {
      const key = `${row.channel}\u0000${row.chatKey}`;
      chats.set(key, [...(chats.get(key) ?? []), row]);
    }
    const queue = [...chats.values()];
    const workers = Array.from({ length: this.options.concurrency ?? 4 }, async () => {
      for (let chat = queue.shift(); chat; chat = queue.shift()) {
        await this.#sendChat(chat, report);
      }
    });
    await Promise.all(workers);
    return report;
  }

  async #sendChat(rows: Row[], report: DispatchReport): Promise<void> {
    for (const row of rows) {
      const now = this.#clock();
      if (row.nextAttemptAt > now || (row.lockedUntil && row.lockedUntil > now)) return;
      if (!(await this.#leases.claim(row.id, now))) return;
      const adapter = this.#adapters.get(row.channel) as ChannelAdapter;
      try {
        const message = openPayload(this.options.cipher, row.payload);
        const delivered = await this.#leases.hold(row.id, () =>
          adapter.deliver(row.chatKey, message),
        );
        await this.options.prisma.outbox.update({
          where: { id: row.id },
          data: {
            status: 'sent',
            sentAt: this.#clock(),
            attempts: row.attempts + 1,
            platformMessageId: delivered.platformMessageId ?? null,
            lockedUntil: null,
            lockedBy: null,
            lastError: null,
          },
        });
        report.sent += 1;
      } catch (error) {
        const failed = await this.#recordFailure(row, error);
        report[failed ? 'failed' : 'retrying'] += 1;
        // A given-up row no longer holds the chat; a retrying one does.
        if (!failed) return;
      }
    }
  }

  /** Returns true when the row was given up. */
  async #recordFailure(row: Row, error: unknown): Promise<boolean> {
    const attempts = row.attempts + 1;
    const known = error instanceof DeliveryError ? error.options : {};
    const givenUp = known.permanent === true || attempts >= (this.options.maxAttempts ?? 20);
    const waitMs = known.retryAfterMs ?? backoffMs(attempts);
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    const now = this.#clock();
    await this.options.prisma.$transaction(async (tx) => {
      await tx.outbox.update({
        where: { id: row.id },
        data: {
          status: givenUp ? 'failed' : 'pending',
          attempts,
          nextAttemptAt: new Date(now.getTime() + waitMs),
          lockedUntil: null,
          lockedBy: null,
          lastError: reason,
        },
      });
      if (givenUp) await alertUnitOfUndelivered(tx, this.options.cipher, { ...row, attempts }, now);
    });
    // The unit's alert was queued after this pass read its rows: look again soon.
    if (givenUp) this.#woken = true;
    // The chat key is a phone number on WhatsApp: the row id is enough to find it.
    const log = { outboxId: row.id, channel: row.channel, attempts, reason };
    if (givenUp) this.options.logger.error(log, 'message could not be delivered; gave up');
    else
      this.options.logger.warn({ ...log, retryInMs: waitMs }, 'message not delivered; will retry');
    return givenUp;
  }

  async #loop(): Promise<void> {
    while (!this.#stopped) {
      this.#woken = false;
      try {
        await this.runOnce();
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox pass failed');
      }
      if (this.#stopped || this.#woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
        this.#wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wakeUp = null;
    }
  }
}

/**
 * A payload sealed with another key, or damaged, can never be sent: it is given
 * up at once, and the error says nothing of what it holds.
 */
function openPayload(cipher: FieldCipher, payload: string): OutboundMessage {
  try {
    return openOutboxPayload(cipher, payload);
  } catch {
    throw new DeliveryError('the outbox payload cannot be opened with this data key', {
      permanent: true,
    });
  }
}
