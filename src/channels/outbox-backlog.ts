/**
 * How far behind the outbox is: rows waiting to be sent, how long the oldest
 * has waited, and rows given up on. Both queries are served by the
 * (status, nextAttemptAt) index and read only rows in those two statuses,
 * never the sent rows kept for the retention days.
 *
 * @example
 * await readOutboxBacklog(prisma, new Date()); // { pending: 2, oldestPendingSeconds: 14, failed: 0 }
 */
import type { Db } from '../store/database.ts';

export interface OutboxBacklog {
  pending: number;
  /** 0 when nothing is pending */
  oldestPendingSeconds: number;
  failed: number;
}

export async function readOutboxBacklog(prisma: Db, now: Date): Promise<OutboxBacklog> {
  const [pending, failed] = await Promise.all([
    prisma.outbox.aggregate({
      where: { status: 'pending' },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
    prisma.outbox.count({ where: { status: 'failed' } }),
  ]);
  const oldest = pending._min.createdAt;
  return {
    pending: pending._count._all,
    oldestPendingSeconds: oldest
      ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000))
      : 0,
    failed,
  };
}
