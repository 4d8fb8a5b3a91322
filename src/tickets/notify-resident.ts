/**
 * Tells the resident who filed a ticket what happened to it: one message in
 * their language, queued in the outbox for every chat of the identity that
 * filed it, inside the caller's transaction. An anonymous complaint has no
 * one to tell.
 */
import { isLocale, type Locale } from '../i18n/translate.ts';
import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { prismaTurnStatements } from '../store/prisma-turn-statements.ts';

export async function notifyResident(
  tx: Tx,
  cipher: FieldCipher,
  originIdentityId: string | null,
  compose: (locale: Locale) => string,
  causeKey: string,
  now: Date,
): Promise<number> {
  if (!originIdentityId) return 0;
  const identity = await tx.channelIdentity.findUnique({
    where: { id: originIdentityId },
    select: { locale: true, conversations: { select: { channel: true, chatKey: true } } },
  });
  if (!identity) return 0;
  const text = compose(isLocale(identity.locale) ? identity.locale : 'id');
  for (const chat of identity.conversations) {
    await writeOutbox(
      prismaTurnStatements(tx),
      cipher,
      chat,
      `${causeKey}>${chat.channel}:${chat.chatKey}`,
      [{ text, options: [] }],
      now,
    );
  }
  return identity.conversations.length;
}
