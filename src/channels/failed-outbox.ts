/**
 * The messages the dispatcher gave up on, for the operator: what they are
 * (never their text, which is sealed and quotes NIK and names) and a way to
 * send them again. A retried row is `pending` with fresh attempts; the
 * dispatcher of a running desk polls for it within a second.
 *
 * @example
 * const rows = await listFailedOutbox(prisma, 100);
 * await retryFailedOutbox(prisma, { ids: [rows[0].id] }, new Date());
 */
import { maskNumbersIn } from '../core/mask-personal-data.ts';
import type { Db } from '../store/database.ts';

export interface FailedRow {
  id: number;
  channel: string;
  /** the chat key with its digits masked: a phone number on WhatsApp */
  chat: string;
  attempts: number;
  errorClass: ErrorClass;
  /** when the message was written: its age is how long the resident has waited */
  createdAt: Date;
}

export type ErrorClass =
  | 'chat-unreachable'
  | 'rate-limited'
  | 'network'
  | 'payload-unreadable'
  | 'rejected'
  | 'other';

/**
 * What kind of failure the stored error was, without repeating the platform's
 * words (they may quote the chat or the message).
 */
export function errorClassOf(lastError: string | null): ErrorClass {
  const error = (lastError ?? '').toLowerCase();
  if (
    /blocked|deactivated|chat not found|kicked|not a member|forbidden|no longer|gone|not a whatsapp/.test(
      error,
    )
  ) {
    return 'chat-unreachable';
  }
  if (/too many requests|429|retry after|rate/.test(error)) return 'rate-limited';
  if (
    /timeout|timed out|econn|enotfound|eai_again|socket|network|fetch failed|could not be reached/.test(
      error,
    )
  ) {
    return 'network';
  }
  if (/data key|cannot be opened/.test(error)) return 'payload-unreadable';
  if (/bad request|400|invalid/.test(error)) return 'rejected';
  return 'other';
}

/** `6281234567890@s.whatsapp.net` → `6281****7890@s.whatsapp.net`; short keys keep their ends only. */
export function maskChatKey(chatKey: string): string {
  const masked = maskNumbersIn(chatKey);
  if (masked !== chatKey || chatKey.length <= 4) return masked;
  return `${chatKey.slice(0, 2)}${'*'.repeat(chatKey.length - 4)}${chatKey.slice(-2)}`;
}

export async function countFailedOutbox(prisma: Db): Promise<number> {
  return prisma.outbox.count({ where: { status: 'failed' } });
}

/** The oldest failed rows first, at most `limit`. */
export async function listFailedOutbox(prisma: Db, limit: number): Promise<FailedRow[]> {
  const rows = await prisma.outbox.findMany({
    where: { status: 'failed' },
    orderBy: { id: 'asc' },
    take: limit,
    select: {
      id: true,
      channel: true,
      chatKey: true,
      attempts: true,
      lastError: true,
      createdAt: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    chat: maskChatKey(row.chatKey),
    attempts: row.attempts,
    errorClass: errorClassOf(row.lastError),
    createdAt: row.createdAt,
  }));
}

/** Puts failed rows back to pending with fresh attempts; returns the ids it changed. */
export async function retryFailedOutbox(
  prisma: Db,
  which: { ids: readonly number[] } | 'all',
  now: Date,
): Promise<number[]> {
  const where = {
    status: 'failed',
    ...(which === 'all' ? {} : { id: { in: [...which.ids] } }),
  };
  return prisma.$transaction(async (tx) => {
    const rows = await tx.outbox.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } });
    await tx.outbox.updateMany({
      where: { ...where, id: { in: rows.map((r) => r.id) } },
      data: {
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        lockedBy: null,
      },
    });
    return rows.map((r) => r.id);
  });
}
