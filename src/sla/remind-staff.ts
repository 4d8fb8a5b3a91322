/**
 * Where a ticket's reminder goes: the assigned staff member's private chat
 * when someone has claimed it and the desk knows their chat, otherwise every
 * staff chat of the ticket's unit.
 */
import type { OutboundMessage } from '../runtime/messages.ts';
import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { tellStaffChats } from '../staff-desk/staff-chats.ts';
import type { Tx } from '../store/database.ts';

export async function remindTicketStaff(
  tx: Tx,
  cipher: FieldCipher,
  ticket: { unitId: string; assigneeId: string | null },
  message: OutboundMessage,
  causeKey: string,
  now: Date,
): Promise<number> {
  if (ticket.assigneeId) {
    const chats = await tx.staffChat.findMany({
      where: { staffId: ticket.assigneeId, kind: 'private' },
      select: { channel: true, chatKey: true },
    });
    for (const chat of chats) {
      await writeOutbox(
        tx,
        cipher,
        chat,
        `${causeKey}>${chat.channel}:${chat.chatKey}`,
        [message],
        now,
      );
    }
    if (chats.length > 0) return chats.length;
  }
  return tellStaffChats(tx, cipher, { unitId: ticket.unitId }, message, causeKey, now);
}
