/**
 * Does one SLA action at most once: the SlaNotice row and whatever the action
 * writes (outbox rows, a ticket change, events) commit together or not at all.
 * A sweep that finds the row already there, or loses the insert to another
 * process, does nothing; after a crash nothing was committed, so the next sweep
 * does the whole action.
 */
import type { Db, Tx } from '../store/database.ts';
import { isUniqueViolation } from '../store/unique-violation.ts';
import type { SlaThreshold } from './sla-thresholds.ts';

export interface NoticeKey {
  ticketId: string;
  referralId?: string;
  kind: 'first_response' | 'resolution' | 'referral' | 'feedback';
  threshold: SlaThreshold;
  dueAt: Date;
}

function where(key: NoticeKey) {
  return {
    ticketId_referralId_kind_threshold_dueAt: {
      ticketId: key.ticketId,
      referralId: key.referralId ?? '',
      kind: key.kind,
      threshold: key.threshold,
      dueAt: key.dueAt,
    },
  };
}

/** Thrown inside `work` when the ticket changed meanwhile: nothing is recorded and the next sweep looks again. */
export class NotNow extends Error {}

/** Runs `work` with the notice recorded; false when it was done before (or is being done elsewhere). */
export async function doOnce(
  prisma: Db,
  key: NoticeKey,
  now: Date,
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  if (await prisma.slaNotice.findUnique({ where: where(key), select: { id: true } })) return false;
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.slaNotice.create({
          data: { ...key, referralId: key.referralId ?? '', createdAt: now },
        });
        await work(tx);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    return true;
  } catch (error) {
    if (isUniqueViolation(error) || error instanceof NotNow) return false;
    throw error;
  }
}
