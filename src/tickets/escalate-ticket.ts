/**
 * Moves a ticket up to the unit above (desa → kecamatan → kabupaten) and tells
 * everyone who must know: the resident (in their language) and the new unit's
 * staff chats. Shared by `/eskalasi` and the SLA sweeper's automatic escalation,
 * so both leave the same audit event and the same messages.
 *
 * @example
 * const result = await escalateTicket(tx, cipher, { ticket, actor: { kind: 'sistem', id: null },
 *   reason: 'batas waktu terlewati', causeKey: 'sla:…', now });
 * if (result.outcome === 'top') alertUnit();
 */

import type { TicketStatus } from '../core/ticket-lifecycle.ts';
import { t } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { announceEscalation } from '../staff-desk/announcements.ts';
import type { ChatRef } from '../staff-desk/staff-chats.ts';
import type { Tx } from '../store/database.ts';
import { type ChangeResult, changeTicket, type TicketActor } from './change-ticket.ts';
import { notifyResident } from './notify-resident.ts';

export interface EscalatedTicket {
  id: string;
  code: string;
  status: TicketStatus;
  unitName: string;
  unitParentId: string | null;
  originIdentityId: string | null;
}

export type EscalateResult =
  | { outcome: 'escalated'; above: { id: string; name: string } }
  | { outcome: 'top' }
  | { outcome: 'refused'; change: Extract<ChangeResult, { ok: false }> };

export async function escalateTicket(
  tx: Tx,
  cipher: FieldCipher,
  input: {
    ticket: EscalatedTicket;
    actor: TicketActor;
    reason: string;
    /** what caused it, for the outbox dedupe keys */
    causeKey: string;
    now: Date;
    /** a staff chat that knows already (the one that typed /eskalasi) */
    except?: ChatRef | undefined;
  },
): Promise<EscalateResult> {
  const { ticket, now } = input;
  const above = ticket.unitParentId
    ? await tx.unit.findUnique({
        where: { id: ticket.unitParentId },
        select: { id: true, name: true },
      })
    : null;
  if (!above) return { outcome: 'top' };
  const change = await changeTicket(tx, cipher, {
    ticket,
    action: { type: 'escalate' },
    actor: input.actor,
    eventType: 'escalated',
    visibility: 'public',
    message: input.reason,
    also: { unitId: above.id, assigneeId: null },
    now,
  });
  if (!change.ok) return { outcome: 'refused', change };
  await notifyResident(
    tx,
    cipher,
    ticket.originIdentityId,
    (locale) => t(locale, 'notify.escalated', { code: ticket.code, unit: above.name }),
    `${input.causeKey}:resident`,
    now,
  );
  await announceEscalation(
    tx,
    cipher,
    { code: ticket.code, from: ticket.unitName, to: above.id, reason: input.reason },
    now,
    input.except,
  );
  return { outcome: 'escalated', above };
}
