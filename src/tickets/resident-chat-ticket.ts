/**
 * Which ticket a message queued for a resident's chat was about, for the
 * unit to be told when it could not be delivered.
 *
 * Outbox rows carry no ticket id, and their dedupe keys are made by many
 * writers in many shapes (a turn's message id, `cmd:…:resident`, `sla:…`),
 * so parsing them would break with the next writer. The chat leads there
 * instead, through links the desk itself keeps:
 *   chat (channel, chatKey) → its Conversation → the ChannelIdentity
 *   → tickets filed from that identity (Ticket.originIdentityId, the very
 *     link notifyResident follows to write the resident's updates).
 * Of those tickets: the one with an event at the instant the row was written
 * (a status update is written in the event's transaction, with the same
 * clock reading), else the one with the latest event before it (a reply in
 * the resident's own conversation about it), else the latest filed. A chat
 * that is a staff chat, or an identity that is staff, is never a resident's.
 */
import type { Tx } from '../store/database.ts';

export interface ResidentTicket {
  id: string;
  code: string;
  unitId: string;
}

export async function residentTicketOfChat(
  tx: Tx,
  chat: { channel: string; chatKey: string },
  writtenAt: Date,
): Promise<ResidentTicket | null> {
  const key = { channel: chat.channel, chatKey: chat.chatKey };
  const staffChat = await tx.staffChat.findUnique({ where: { channel_chatKey: key } });
  if (staffChat) return null;
  const conversation = await tx.conversation.findUnique({
    where: { channel_chatKey: key },
    select: { identity: { select: { id: true, staffId: true } } },
  });
  const identity = conversation?.identity;
  if (!identity || identity.staffId) return null;
  const tickets = await tx.ticket.findMany({
    where: { originIdentityId: identity.id },
    orderBy: { createdAt: 'desc' },
    select: { id: true, code: true, unitId: true },
  });
  if (tickets.length === 0) return null;
  const event = await tx.ticketEvent.findFirst({
    where: { ticketId: { in: tickets.map((t) => t.id) }, createdAt: { lte: writtenAt } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { ticketId: true },
  });
  return tickets.find((t) => t.id === event?.ticketId) ?? tickets[0] ?? null;
}
