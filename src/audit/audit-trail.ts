/**
 * Reads the audit trail (TicketEvent) for an administrator: one ticket's
 * whole history, or what one staff member did across tickets, optionally
 * within Jakarta calendar days. Nothing sealed is opened: a message shows as
 * "[pesan terenkripsi]" and a sealed value inside before/after as
 * "[terenkripsi]", so printing or exporting the trail discloses no personal
 * data. Events are never deleted, so this is the whole history.
 *
 * @example
 * const rows = await readAuditTrail(prisma, { ticketCode: 'PB-7K4M2Q' });
 * rows[0] // { at, ticketCode: 'PB-7K4M2Q', type: 'created', actorKind: 'warga', … }
 */
import { looksSealed } from '../security/sealed-text.ts';
import type { Db } from '../store/database.ts';

export const SEALED_MESSAGE = '[pesan terenkripsi]';
const SEALED_VALUE = '[terenkripsi]';

export type AuditQuery =
  | { ticketId: string; fromDay?: string; toDay?: string }
  | { actorId: string; fromDay?: string; toDay?: string };

export interface AuditRow {
  at: Date;
  ticketCode: string;
  type: string;
  actorKind: string;
  actorId: string | null;
  /** the staff member's display name, when the actor is staff */
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  visibility: string;
  /** readable before/after values and the sealed-message marker; never a decrypted value */
  detail: string;
}

/** Start of a Jakarta day (00:00 WIB) as an instant. */
export function startOfJakartaDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** "2026-11-27 09:05 WIB". */
export function formatWib(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 16)} WIB`;
}

export async function readAuditTrail(prisma: Db, query: AuditQuery): Promise<AuditRow[]> {
  const period = {
    ...(query.fromDay ? { gte: startOfJakartaDay(query.fromDay) } : {}),
    ...(query.toDay ? { lt: startOfJakartaDay(nextDay(query.toDay)) } : {}),
  };
  const events = await prisma.ticketEvent.findMany({
    // The ticket's own index (ticketId, createdAt) or the actor's (actorId, createdAt).
    where: {
      ...('ticketId' in query ? { ticketId: query.ticketId } : { actorId: query.actorId }),
      ...(query.fromDay || query.toDay ? { createdAt: period } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { ticket: { select: { code: true } } },
  });
  const staffIds = [...new Set(events.map((e) => e.actorId).filter((id) => id !== null))];
  const staff = await prisma.staff.findMany({
    where: { id: { in: staffIds } },
    select: { id: true, displayName: true },
  });
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  return events.map((event) => ({
    at: event.createdAt,
    ticketCode: event.ticket.code,
    type: event.type,
    actorKind: event.actorKind,
    actorId: event.actorId,
    actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    visibility: event.visibility,
    detail: detailOf(event),
  }));
}

function nextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** "fields=nik,kk channel=telegram; [pesan terenkripsi]" */
function detailOf(event: { before: string | null; after: string | null; message: string | null }) {
  const before = readable(event.before);
  const after = readable(event.after);
  return [
    before ? `before: ${before}` : '',
    after && before ? `after: ${after}` : after,
    event.message ? SEALED_MESSAGE : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** A JSON object as `key=value` pairs, sealed values hidden; anything else as-is unless sealed. */
function readable(stored: string | null): string {
  if (!stored) return '';
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return looksSealed(stored) ? SEALED_VALUE : stored;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return plain(value);
  // The status is in its own columns already.
  return Object.entries(value)
    .filter(([key]) => key !== 'status')
    .map(([key, v]) => `${key}=${plain(v)}`)
    .join(' ');
}

function plain(value: unknown): string {
  if (typeof value === 'string') return looksSealed(value) ? SEALED_VALUE : value;
  if (Array.isArray(value)) return value.map(plain).join(',');
  if (value === null || value === undefined) return '-';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
