/**
 * A person using Telegram, for tests: builds the updates Telegram sends when
 * they type, press a button, send a photo or a sticker, with the field shapes
 * of real Bot API payloads, and hands them to the desk one turn at a time.
 */
import type { Chat, Message } from 'grammy/types';
import { BOT_USER, type NewUpdate, type SentMessage } from '../../support/bot-api-emulator.ts';
import type { TelegramDesk } from './telegram-desk.ts';

let callbackSerial = 0;

export class TelegramUser {
  readonly from: { id: number; is_bot: false; first_name: string; language_code: string };
  readonly chat: Chat;

  constructor(
    private readonly desk: TelegramDesk,
    readonly id: number,
    /** a group the user writes in, instead of their private chat with the bot */
    group?: { id: number; title: string },
  ) {
    this.from = { id, is_bot: false, first_name: `Warga ${id}`, language_code: 'id' };
    this.chat = group
      ? { id: group.id, type: 'supergroup', title: group.title }
      : { id, type: 'private', first_name: this.from.first_name };
  }

  /** A message update, numbered in the chat's sequence as Telegram does. */
  message(content: Partial<Message>): NewUpdate {
    const message = {
      message_id: this.desk.emulator.nextMessageId(this.chat.id),
      date: Math.floor(Date.now() / 1000),
      chat: this.chat,
      from: this.from,
      ...content,
    } as Message;
    return { message } as NewUpdate;
  }

  text(text: string): NewUpdate {
    const command = /^\/\S+/.exec(text)?.[0];
    const entities = command
      ? [{ type: 'bot_command' as const, offset: 0, length: command.length }]
      : undefined;
    return this.message(entities ? { text, entities } : { text });
  }

  /** Pressing the button labelled `label` under the bot message `under`. */
  pressUpdate(under: SentMessage, label: string): NewUpdate {
    const button = under.keyboard?.inline_keyboard.flat().find((b) => b.text === label);
    if (!button || !('callback_data' in button)) {
      const shown = under.keyboard?.inline_keyboard.flat().map((b) => b.text) ?? [];
      throw new Error(`no button "${label}" under the message; buttons: ${JSON.stringify(shown)}`);
    }
    callbackSerial += 1;
    const message = {
      message_id: under.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat,
      from: BOT_USER,
      text: under.text,
      reply_markup: under.keyboard,
    };
    return {
      callback_query: {
        id: `${this.id}${String(callbackSerial).padStart(6, '0')}`,
        from: this.from,
        chat_instance: `ci-${this.chat.id}`,
        message,
        data: button.callback_data,
      },
    } as NewUpdate;
  }

  /** Types a message and returns the replies that reach the chat. */
  say(text: string): Promise<SentMessage[]> {
    return this.desk.turn(this.text(text));
  }

  /** Presses a button under the last bot message in this chat that has a keyboard. */
  press(label: string): Promise<SentMessage[]> {
    const withKeyboard = this.desk.emulator.sentTo(this.chat.id).filter((m) => m.keyboard);
    const last = withKeyboard.at(-1);
    if (!last) throw new Error('no message with buttons in this chat');
    return this.desk.turn(this.pressUpdate(last, label));
  }

  /** Sends a photo (as a phone does: several resolutions of one picture). */
  photoUpdate(bytes: Uint8Array, caption?: string): NewUpdate {
    const file = this.desk.emulator.addFile(bytes);
    const thumb = this.desk.emulator.addFile(bytes.slice(0, 2));
    return this.message({
      photo: [
        { ...thumb, width: 90, height: 67 },
        { ...file, width: 1280, height: 960 },
      ],
      ...(caption ? { caption } : {}),
    });
  }

  documentUpdate(bytes: Uint8Array, mimeType: string, fileName: string, declaredSize?: number) {
    const file = this.desk.emulator.addFile(bytes, declaredSize);
    return this.message({ document: { ...file, file_name: fileName, mime_type: mimeType } });
  }

  send(update: NewUpdate): Promise<SentMessage[]> {
    return this.desk.turn(update);
  }
}
