/**
 * Alerts to a unit's staff chats the moment a resident does something that
 * needs a person soon: reopens a finished ticket, rates it 1 or 2, answers
 * a /minta request (the ticket runs again), or has their data erased, which
 * closes their open tickets under the hands of whoever works them. Each carries the code and the
 * Lihat/Ambil options, and nothing the resident typed: the reopening reason
 * and the rating comment can hold personal data and these chats are often
 * groups (staff read them with /tiket, where the audience rules apply).
 * The answer itself already reaches the chats as the resident's message.
 */
import { formatLongDate } from '../i18n/format-date.ts';
import { type Locale, t } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { viewAndClaim } from './announcements.ts';
import { tellStaffChats } from './staff-chats.ts';

/** Ratings at or below this reach the unit at once. */
export const LOW_RATING = 2;

export type ResidentAlert =
  | { kind: 'reopened' }
  | { kind: 'lowRating'; rating: number }
  | { kind: 'answered' }
  /** the resident had their data erased ("Hapus data saya"), which closed the ticket */
  | { kind: 'withdrawn' };

/** The event of a ticket closed because its resident had their data erased. */
export const WITHDRAWN_BY_CITIZEN = 'withdrawn_by_citizen';

/** The audit event each alert follows; counting them numbers the alerts of one ticket. */
const EVENT_OF: Readonly<Record<ResidentAlert['kind'], string>> = {
  reopened: 'reopened',
  lowRating: 'feedback',
  answered: 'citizen_replied',
  withdrawn: WITHDRAWN_BY_CITIZEN,
};

/**
 * Tells the ticket's unit, after the change is recorded (so a reopened
 * ticket's new due date shows and the alert is numbered by its event: the
 * same turn run again queues no second alert). A rating above LOW_RATING
 * tells nobody.
 */
export async function alertUnit(
  tx: Tx,
  cipher: FieldCipher,
  ticketId: string,
  alert: ResidentAlert,
  now: Date,
): Promise<number> {
  if (alert.kind === 'lowRating' && alert.rating > LOW_RATING) return 0;
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { code: true, unitId: true, status: true, slaDueAt: true },
  });
  const code = ticket.code;
  const nth = await tx.ticketEvent.count({ where: { ticketId, type: EVENT_OF[alert.kind] } });
  const text = (locale: Locale) =>
    alert.kind === 'reopened'
      ? t(locale, 'staff.alert.reopened', {
          code,
          due: ticket.slaDueAt ? formatLongDate(locale, ticket.slaDueAt) : '-',
        })
      : alert.kind === 'lowRating'
        ? t(locale, 'staff.alert.lowRating', { code, rating: alert.rating })
        : alert.kind === 'withdrawn'
          ? t(locale, 'staff.alert.withdrawn', { code })
          : t(locale, 'staff.alert.answered', { code, status: ticket.status });
  return tellStaffChats(
    tx,
    cipher,
    { unitId: ticket.unitId },
    // A closed ticket has nothing left to take.
    (locale) => ({
      text: text(locale),
      options: alert.kind === 'withdrawn' ? [] : viewAndClaim(locale, code),
    }),
    `alert:${alert.kind}:${code}:${nth}`,
    now,
  );
}
