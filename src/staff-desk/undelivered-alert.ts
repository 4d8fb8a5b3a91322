/**
 * When the desk gives up delivering a message to a resident, the unit of the
 * ticket it was about is told at once in its staff chats: the resident may be
 * waiting for news that never came. The text carries the code and the
 * channel, nothing of the message. An internal `resident_unreachable` event
 * keeps it in the ticket's audit trail (and its /tiket history), and is what
 * makes each failed row tell the unit once, even if an operator retries it
 * (`outbox retry`) and it fails again: events are never deleted, while the
 * alert's own outbox rows are purged once sent.
 */
import { t } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { residentTicketOfChat } from '../tickets/resident-chat-ticket.ts';
import { tellStaffChats } from './staff-chats.ts';

/** The ticket event recording that a resident could not be reached. */
export const RESIDENT_UNREACHABLE = 'resident_unreachable';

export interface GivenUpRow {
  id: number;
  channel: string;
  chatKey: string;
  attempts: number;
  createdAt: Date;
}

/** Returns how many staff chats were told (0 for a staff chat, or a resident without a ticket). */
export async function alertUnitOfUndelivered(
  tx: Tx,
  cipher: FieldCipher,
  row: GivenUpRow,
  now: Date,
): Promise<number> {
  // Fixed key order: the exact string finds the record of this row.
  const record = JSON.stringify({ outboxId: row.id, channel: row.channel });
  const told = await tx.ticketEvent.findFirst({
    where: { type: RESIDENT_UNREACHABLE, after: record },
    select: { id: true },
  });
  if (told) return 0;
  const ticket = await residentTicketOfChat(tx, row, row.createdAt);
  if (!ticket) return 0;
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      type: RESIDENT_UNREACHABLE,
      actorKind: 'sistem',
      after: record,
      visibility: 'internal',
      createdAt: now,
    },
  });
  const params = { code: ticket.code, channel: row.channel, attempts: row.attempts };
  return tellStaffChats(
    tx,
    cipher,
    { unitId: ticket.unitId },
    // Each staff member's own chat in their language, a group room in Indonesian.
    (locale) => ({ text: t(locale, 'outbox.undelivered.alert', params), options: [] }),
    `undelivered:${row.id}`,
    now,
  );
}
