/**
 * The chats where staff are reached. A staff member's private chat is
 * remembered when they use it; a group becomes a unit's staff room when a
 * staff member of that unit joins or works from it there.
 */

import type { Locale } from '../i18n/translate.ts';
import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { prismaTurnStatements } from '../store/prisma-turn-statements.ts';
import type { Actor } from './actor.ts';
import { localeOfChat, renderer, type StaffText } from './staff-locale.ts';

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
  const chats = await staffChatsOf(tx, to);
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
      [render(chat.locale)],
      now,
    );
    told += 1;
  }
  return told;
}

/**
 * The chats with the language each is written in, in one statement: StaffChat
 * has no relation to Staff in the schema, and a model query took two (the
 * chats, then their owners' languages) on every filing and status change.
 */
async function staffChatsOf(
  tx: Tx,
  to: { unitId: string } | { partnerId: string },
): Promise<(ChatRef & { locale: Locale })[]> {
  type Row = ChatRef & { kind: string; staffId: string | null; staffLocale: string | null };
  const rows =
    'unitId' in to
      ? await tx.$queryRaw<Row[]>`SELECT c."channel", c."chatKey", c."kind", c."staffId",
            s."locale" AS "staffLocale"
          FROM "StaffChat" c LEFT JOIN "Staff" s ON s."id" = c."staffId"
          WHERE c."unitId" = ${to.unitId} ORDER BY c."createdAt" ASC`
      : await tx.$queryRaw<Row[]>`SELECT c."channel", c."chatKey", c."kind", c."staffId",
            s."locale" AS "staffLocale"
          FROM "StaffChat" c LEFT JOIN "Staff" s ON s."id" = c."staffId"
          WHERE c."partnerId" = ${to.partnerId} ORDER BY c."createdAt" ASC`;
  return rows.map((row) => ({
    channel: row.channel,
    chatKey: row.chatKey,
    locale: localeOfChat(row, row.staffLocale),
  }));
}
