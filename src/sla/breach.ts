/**
 * A missed deadline: the ticket goes up to the unit above automatically, with a
 * `sistem` event; the unit it leaves, the unit it reaches and the resident are
 * told. A ticket that cannot go up (already at the top unit, or with a partner
 * in DIRUJUK) stays, and its unit is alerted once instead.
 */
import { TICKET_TRANSITIONS } from '../core/ticket-lifecycle.ts';
import { type Locale, t } from '../i18n/translate.ts';
import { tellStaffChats } from '../staff-desk/staff-chats.ts';
import type { Tx } from '../store/database.ts';
import { escalateTicket } from '../tickets/escalate-ticket.ts';
import { type SlaDeps, STAFF_LOCALE } from './sla-deps.ts';
import { NotNow } from './sla-notice.ts';
import type { WatchedTicket } from './ticket-deadlines.ts';

export async function handleBreach(
  deps: SlaDeps,
  tx: Tx,
  ticket: WatchedTicket,
  /** the texts' placeholders, in the language of the chat they are written for */
  params: (locale: Locale) => { code: string; deadline: string; due: string },
  causeKey: string,
  now: Date,
): Promise<void> {
  const alert = (key: 'sla.breach.top' | 'sla.breach.alert') =>
    tellStaffChats(
      tx,
      deps.cipher,
      { unitId: ticket.unitId },
      (locale) => ({ text: t(locale, key, params(locale)), options: [] }),
      `${causeKey}:alert`,
      now,
    );
  if (!TICKET_TRANSITIONS[ticket.status as keyof typeof TICKET_TRANSITIONS]?.escalate) {
    await alert('sla.breach.alert');
    return;
  }
  const result = await escalateTicket(tx, deps.cipher, {
    ticket: {
      id: ticket.id,
      code: ticket.code,
      status: ticket.status as keyof typeof TICKET_TRANSITIONS,
      unitName: ticket.unit.name,
      unitParentId: ticket.unit.parentId,
      originIdentityId: ticket.originIdentityId,
    },
    actor: { kind: 'sistem', id: null },
    reason: t(STAFF_LOCALE, 'sla.escalated.reason', params(STAFF_LOCALE)),
    causeKey,
    now,
  });
  if (result.outcome === 'top') {
    await alert('sla.breach.top');
    return;
  }
  if (result.outcome === 'refused') throw new NotNow(ticket.id);
  await tellStaffChats(
    tx,
    deps.cipher,
    { unitId: ticket.unitId },
    (locale) => ({
      text: t(locale, 'sla.escalated.from', { ...params(locale), unit: result.above.name }),
      options: [],
    }),
    `${causeKey}:from`,
    now,
  );
}
