/**
 * Baileys' `getMessage`: the content of a message the desk sent, looked up
 * by its WhatsApp id when a resident's phone could not decrypt it and asks
 * for it again (a retry receipt, common right after the phone reinstalled
 * WhatsApp or the desk's keys were renewed). Without it the resident sees
 * "Waiting for this message" for good.
 *
 * The outbox row that was delivered keeps the WhatsApp id of its (last)
 * message; its sealed payload is opened and rendered again exactly as
 * `deliver` rendered it. Files are not rebuilt: a photo or document would
 * have to be uploaded again, so their retry goes unanswered, as before.
 *
 * @example
 * const getMessage = sentMessageLookup({ prisma, cipher, logger, locale: chatLocale });
 * makeWASocket({ ..., getMessage });
 */
import type { proto, WAMessageKey } from '@whiskeysockets/baileys';
import { type Locale, t } from '../../i18n/translate.ts';
import type { Logger } from '../../log.ts';
import { openOutboxPayload } from '../../runtime/outbox-payload.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import type { Db } from '../../store/database.ts';
import { errorReason } from './error-reason.ts';
import { renderOutbound } from './render-outbound.ts';

export interface SentMessageLookupDeps {
  prisma: Db;
  cipher: FieldCipher;
  logger: Logger;
  /** the language the chat's options hint was written in */
  locale(chatKey: string): Promise<Locale>;
}

export type GetMessage = (key: WAMessageKey) => Promise<proto.IMessage | undefined>;

export function sentMessageLookup(deps: SentMessageLookupDeps): GetMessage {
  return async (key) => {
    if (!key.id) return undefined;
    try {
      const row = await deps.prisma.outbox.findFirst({
        where: { channel: 'whatsapp', platformMessageId: key.id },
        select: { chatKey: true, payload: true },
      });
      if (!row) return undefined;
      const message = openOutboxPayload(deps.cipher, row.payload);
      if (message.attachment) return undefined;
      const hint = t(await deps.locale(row.chatKey), 'channel.optionsHint');
      // The row's id is that of the last part `deliver` sent.
      const text = renderOutbound(message, hint).at(-1);
      // What sendMessage builds for `{ text }` (the link preview, if any, is not fetched again).
      return text === undefined ? undefined : { extendedTextMessage: { text } };
    } catch (error) {
      deps.logger.warn(
        { messageId: key.id, reason: errorReason(error) },
        'WhatsApp asked for a sent message again, but it could not be read from the outbox',
      );
      return undefined;
    }
  };
}
