/**
 * The part of a ticket's audit trail a resident may see, as short lines in
 * their language. Only events marked `public` are ever passed in, and only
 * the event type, the new status and the date are read: free text (staff
 * notes, messages, reasons) can carry personal data and anyone who knows a
 * tracking code may ask for this.
 */
import type { TicketStatus } from '../core/ticket-lifecycle.ts';
import { formatLongDate } from '../i18n/format-date.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';

/** The fields of a TicketEvent this module reads. */
export interface PublicEvent {
  type: string;
  toStatus: string | null;
  createdAt: Date;
}

/**
 * Event types with their own wording. Writers of public events should use
 * these names; any other type still shows as "status changed to X".
 */
const EVENT_TEXTS: Readonly<Record<string, Key>> = {
  created: 'status.event.created',
  referral_sent: 'status.event.referralSent',
  referred: 'status.event.referralSent',
  referral_accepted: 'status.event.referralAccepted',
  message: 'status.event.message',
  staff_message: 'status.event.message',
  reopened: 'status.event.reopened',
};

/** At most this many lines, the newest ones, so a long history stays readable on a phone. */
export const TIMELINE_LIMIT = 10;

/** The human name of a ticket status ("Sedang dikerjakan"). */
export function ticketStatusLabel(locale: Locale, status: string): string {
  return t(locale, `status.ticket.${status as TicketStatus}`);
}

function eventText(locale: Locale, event: PublicEvent): string {
  const key = EVENT_TEXTS[event.type];
  if (key) return t(locale, key);
  if (event.toStatus) {
    return t(locale, 'status.event.statusChanged', {
      status: ticketStatusLabel(locale, event.toStatus),
    });
  }
  return t(locale, 'status.event.updated');
}

/**
 * One line per event, oldest first.
 *
 * @example
 * publicTimeline('id', [{ type: 'created', toStatus: 'BARU', createdAt }]);
 * // '- Jumat, 27 November 2026: Tiket dibuat.'
 */
export function publicTimeline(locale: Locale, events: readonly PublicEvent[]): string {
  if (events.length === 0) return t(locale, 'status.timeline.empty');
  return [...events]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .slice(-TIMELINE_LIMIT)
    .map((event) =>
      t(locale, 'status.timeline.line', {
        date: formatLongDate(locale, event.createdAt),
        text: eventText(locale, event),
      }),
    )
    .join('\n');
}
