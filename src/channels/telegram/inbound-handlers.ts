/**
 * What the bot does with each update it takes: private and group messages and
 * inline-keyboard presses become InboundMessages for the gateway. Edited
 * messages are never asked for (see ALLOWED_UPDATES), so a resident editing
 * their NIK after the fact does not replay a step.
 */
import { Composer, type Context } from 'grammy';
import { isLocale, t } from '../../i18n/translate.ts';
import type { Logger } from '../../log.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import { type FileIntakeDeps, FileNotReceived, type FileOutcome, takeFile } from './file-intake.ts';
import { chatTypeOf, messageEnvelope, readMessage } from './read-message.ts';

/** The update types the bot asks Telegram for, in polling and webhook mode alike. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface InboundHandlerDeps {
  gateway: InboundGateway;
  logger: Logger;
  files: FileIntakeDeps;
}

/**
 * @example
 * bot.errorBoundary(logError).use(inboundHandlers({ gateway, logger, files }));
 */
export function inboundHandlers(deps: InboundHandlerDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.on('message', async (ctx) => {
    const message = ctx.message;
    const reading = readMessage(message);
    if (reading.type === 'ignore' || !message.from) return;
    const envelope = messageEnvelope(message, message.from.id);
    if (reading.type === 'content') {
      await deps.gateway.receive({ ...envelope, ...reading.content });
      return;
    }
    let file: FileOutcome;
    if (envelope.chatType === 'group') {
      // Files in groups are not fetched: nobody there consented to the desk keeping them.
      file = { kind: 'unsupported', unsupported: 'media' };
    } else {
      try {
        file = await takeFile(deps.files, envelope.sender.id, reading.file);
      } catch (error) {
        if (!(error instanceof FileNotReceived)) throw error;
        deps.logger.warn(
          { updateId: ctx.update.update_id, reason: error.message },
          'a file could not be fetched from Telegram; asked the sender to send it again',
        );
        // No turn ran, so there is no outbox row to carry this: it goes straight back.
        // The resident's chosen language lives behind the runtime; their app's is the best guess here.
        const locale = (ctx.from?.language_code ?? 'id').split('-')[0] ?? 'id';
        await ctx.reply(t(isLocale(locale) ? locale : 'id', 'channel.fileNotReceived'));
        return;
      }
    }
    await deps.gateway.receive({ ...envelope, ...file, text: reading.caption });
  });

  composer.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    try {
      const chat = query.message?.chat;
      // Presses on messages sent inline elsewhere have no chat of ours: nothing to do.
      if (!chat || query.data === undefined) return;
      await deps.gateway.receive({
        channel: 'telegram',
        conversationKey: String(chat.id),
        messageId: `cb:${query.id}`,
        sender: { id: String(query.from.id) },
        receivedAt: new Date(),
        kind: 'option',
        optionId: query.data,
        chatType: chatTypeOf(chat),
      });
    } finally {
      // Until answered, Telegram shows the button spinning, whatever happened to the turn.
      await ctx.answerCallbackQuery().catch((error: unknown) => {
        deps.logger.warn(
          { updateId: ctx.update.update_id, reason: (error as Error).message },
          'could not answer a button press',
        );
      });
    }
  });

  return composer;
}
