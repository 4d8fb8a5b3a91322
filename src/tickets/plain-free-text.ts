/**
 * Descriptions, audit messages, feedback comments and referral notes and
 * reasons written before free text was sealed are in clear. They are sealed
 * in place once, at start, before anything reads them, so readers can be
 * strict and a database copy taken after the upgrade holds none of them.
 *
 * Each update is conditional on the value read, so two processes starting
 * together on one PostgreSQL seal a row once. Plain text is told from sealed
 * text by shape (see sealed-text.ts); the database narrows the candidates to
 * values that do not start with "v1." or contain a space, which sealed text
 * never does.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import { looksSealed, sealText } from '../security/sealed-text.ts';
import type { Db } from '../store/database.ts';

const PAGE = 500;
const PREFIX = 'v1.';

interface Row {
  id: string;
  value: string | null;
}

/** One page of candidate rows with an id above `after`, and a conditional write. */
interface Column {
  page(after: string): Promise<Row[]>;
  write(row: Row, sealed: string): Promise<number>;
}

const byId = { orderBy: { id: 'asc' as const }, take: PAGE };
const unsealed = { not: { startsWith: PREFIX } };
const spaced = { contains: ' ' };
/** Empty stays empty (sealed-text.ts), and NULL is no text. */
const filled = { not: '' };

function columns(prisma: Db): Record<string, Column> {
  return {
    'Ticket.description': {
      page: async (after) =>
        (
          await prisma.ticket.findMany({
            where: {
              id: { gt: after },
              description: filled,
              OR: [{ description: unsealed }, { description: spaced }],
            },
            select: { id: true, description: true },
            ...byId,
          })
        ).map((r) => ({ id: r.id, value: r.description })),
      write: async (row, sealed) =>
        (
          await prisma.ticket.updateMany({
            where: { id: row.id, description: row.value ?? '' },
            data: { description: sealed },
          })
        ).count,
    },
    'TicketEvent.message': {
      page: async (after) =>
        (
          await prisma.ticketEvent.findMany({
            where: {
              id: { gt: after },
              message: filled,
              OR: [{ message: unsealed }, { message: spaced }],
            },
            select: { id: true, message: true },
            ...byId,
          })
        ).map((r) => ({ id: r.id, value: r.message })),
      write: async (row, sealed) =>
        (
          await prisma.ticketEvent.updateMany({
            where: { id: row.id, message: row.value },
            data: { message: sealed },
          })
        ).count,
    },
    'Feedback.comment': {
      page: async (after) =>
        (
          await prisma.feedback.findMany({
            where: {
              id: { gt: after },
              comment: filled,
              OR: [{ comment: unsealed }, { comment: spaced }],
            },
            select: { id: true, comment: true },
            ...byId,
          })
        ).map((r) => ({ id: r.id, value: r.comment })),
      write: async (row, sealed) =>
        (
          await prisma.feedback.updateMany({
            where: { id: row.id, comment: row.value },
            data: { comment: sealed },
          })
        ).count,
    },
    'Referral.note': {
      page: async (after) =>
        (
          await prisma.referral.findMany({
            where: { id: { gt: after }, note: filled, OR: [{ note: unsealed }, { note: spaced }] },
            select: { id: true, note: true },
            ...byId,
          })
        ).map((r) => ({ id: r.id, value: r.note })),
      write: async (row, sealed) =>
        (
          await prisma.referral.updateMany({
            where: { id: row.id, note: row.value ?? '' },
            data: { note: sealed },
          })
        ).count,
    },
    'Referral.reason': {
      page: async (after) =>
        (
          await prisma.referral.findMany({
            where: {
              id: { gt: after },
              reason: filled,
              OR: [{ reason: unsealed }, { reason: spaced }],
            },
            select: { id: true, reason: true },
            ...byId,
          })
        ).map((r) => ({ id: r.id, value: r.reason })),
      write: async (row, sealed) =>
        (
          await prisma.referral.updateMany({
            where: { id: row.id, reason: row.value },
            data: { reason: sealed },
          })
        ).count,
    },
  };
}

async function sealColumn(column: Column, cipher: FieldCipher): Promise<number> {
  let sealed = 0;
  for (let after = ''; ; ) {
    const rows = await column.page(after);
    for (const row of rows) {
      if (!row.value || looksSealed(row.value)) continue;
      sealed += await column.write(row, sealText(cipher, row.value));
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return sealed;
    after = last.id;
  }
}

/**
 * A reopening once kept the resident's reason in its readable `after` too;
 * the same words are in its message, sealed by the pass above.
 */
async function dropReasonsFromAfter(prisma: Db): Promise<number> {
  const events = await prisma.ticketEvent.findMany({
    where: { type: 'reopened', after: { contains: '"reason"' } },
    select: { id: true, after: true },
  });
  let dropped = 0;
  for (const event of events) {
    const after = parseObject(event.after);
    if (!after || typeof after.reason !== 'string') continue;
    const { reason: _, ...kept } = after;
    const { count } = await prisma.ticketEvent.updateMany({
      where: { id: event.id, after: event.after },
      data: { after: JSON.stringify(kept) },
    });
    dropped += count;
  }
  return dropped;
}

function parseObject(text: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Seals every free-text value still in clear; returns how many were sealed
 * per column (only columns that had any), for the start-up log.
 *
 * @example
 * await sealPlainFreeText(db.prisma, cipher); // { 'Ticket.description': 120, … } on the first start after the upgrade, then {}
 */
export async function sealPlainFreeText(
  prisma: Db,
  cipher: FieldCipher,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, column] of Object.entries(columns(prisma))) {
    const sealed = await sealColumn(column, cipher);
    if (sealed > 0) counts[name] = sealed;
  }
  const reasons = await dropReasonsFromAfter(prisma);
  if (reasons > 0) counts['TicketEvent.after'] = reasons;
  return counts;
}
