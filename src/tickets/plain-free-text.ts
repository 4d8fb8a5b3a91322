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
import { parseJsonOrNull } from '../core/parse-json.ts';
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

/**
 * Prisma's delegates share these two calls; typing them loosely lets one
 * definition serve all five columns instead of five copies of the same query.
 */
interface Delegate {
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
  updateMany(args: unknown): Promise<{ count: number }>;
}

function column(delegate: unknown, field: string): Column {
  const table = delegate as Delegate;
  return {
    page: async (after) =>
      (
        await table.findMany({
          where: {
            id: { gt: after },
            [field]: filled,
            OR: [{ [field]: unsealed }, { [field]: spaced }],
          },
          select: { id: true, [field]: true },
          ...byId,
        })
      ).map((r) => ({ id: r.id as string, value: r[field] as string | null })),
    write: async (row, sealed) =>
      (
        await table.updateMany({
          where: { id: row.id, [field]: row.value },
          data: { [field]: sealed },
        })
      ).count,
  };
}

function columns(prisma: Db): Record<string, Column> {
  return {
    'Ticket.description': column(prisma.ticket, 'description'),
    'TicketEvent.message': column(prisma.ticketEvent, 'message'),
    'Feedback.comment': column(prisma.feedback, 'comment'),
    'Referral.note': column(prisma.referral, 'note'),
    'Referral.reason': column(prisma.referral, 'reason'),
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
  const value = parseJsonOrNull(text);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
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
