/**
 * Where a ticket's reminder goes: the assigned staff member's private chat
 * (in their language) when someone has claimed it and the desk knows their
 * chat, otherwise every staff chat of the ticket's unit.
 */
import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { tellStaffChats } from '../staff-desk/staff-chats.ts';
import { chatLocale, renderer, type StaffText, staffLocales } from '../staff-desk/staff-locale.ts';
import type { Tx } from '../store/database.ts';
import { prismaTurnStatements } from '../store/prisma-turn-statements.ts';

export async function remindTicketStaff(
  tx: Tx,
  cipher: FieldCipher,
  ticket: { unitId: string; assigneeId: string | null },
  message: StaffText,
  causeKey: string,
  now: Date,
): Promise<number> {
  if (ticket.assigneeId) {
    const chats = await tx.staffChat.findMany({
      where: { staffId: ticket.assigneeId, kind: 'private' },
      select: { channel: true, chatKey: true, kind: true, staffId: true },
    });
    if (chats.length > 0) {
      const locales = await staffLocales(tx, [ticket.assigneeId]);
      const render = renderer(message);
      for (const chat of chats) {
        await writeOutbox(
          prismaTurnStatements(tx),
          cipher,
          { channel: chat.channel, chatKey: chat.chatKey },
          `${causeKey}>${chat.channel}:${chat.chatKey}`,
          [render(chatLocale(chat, locales))],
          now,
        );
      }
      return chats.length;
    }
  }
  return tellStaffChats(tx, cipher, { unitId: ticket.unitId }, message, causeKey, now);
}
