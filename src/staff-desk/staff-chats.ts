/**
 * The chats where staff are reached. A staff member's private chat is
 * remembered when they use it; a group becomes a unit's staff room when a
 * staff member of that unit joins or works from it there.
 */

import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { prismaTurnStatements } from '../store/prisma-turn-statements.ts';
import type { Actor } from './actor.ts';
import { chatLocale, renderer, type StaffText, staffLocales } from './staff-locale.ts';

export interface ChatRef {
  channel: string;
  chatKey: string;
}

export async function rememberStaffChat(tx: Tx, actor: Actor, chat: ChatRef): Promise<void> {
  const data = {
    kind: actor.inGroup ? 'room' : 'private',
    // A room belongs to the unit; a partner's group is reached through its contacts.
    staffId: actor.inGroup ? null : actor.staffId,
    unitId: actor.role === 'mitra' ? null : actor.unitId,
    partnerId: actor.inGroup ? null : (actor.partner?.id ?? null),
  };
  if (actor.inGroup && actor.role === 'mitra') return;
  await tx.staffChat.upsert({
    where: { channel_chatKey: chat },
    create: { ...chat, ...data },
    update: data,
  });
}

/**
 * Queues one message for every chat of a unit's staff, or of a partner's
 * contacts: each staff member's own chat in their language, group rooms in
 * Indonesian (see staff-locale.ts). A function message is rendered once per
 * language, not once per chat.
 */
export async function tellStaffChats(
  tx: Tx,
  cipher: FieldCipher,
  to: { unitId: string } | { partnerId: string },
  message: StaffText,
  causeKey: string,
  now: Date,
  except?: ChatRef,
): Promise<number> {
  const chats = await tx.staffChat.findMany({
    where: to,
    select: { channel: true, chatKey: true, kind: true, staffId: true },
    orderBy: { createdAt: 'asc' },
  });
  const privateStaff = chats.flatMap((c) => (c.kind === 'private' && c.staffId ? [c.staffId] : []));
  const locales = await staffLocales(tx, privateStaff);
  const render = renderer(message);
  let told = 0;
  for (const chat of chats) {
    if (except && chat.channel === except.channel && chat.chatKey === except.chatKey) continue;
    const target = { channel: chat.channel, chatKey: chat.chatKey };
    await writeOutbox(
      prismaTurnStatements(tx),
      cipher,
      target,
      `${causeKey}>${chat.channel}:${chat.chatKey}`,
      [render(chatLocale(chat, locales))],
      now,
    );
    told += 1;
  }
  return told;
}
