/**
 * Turns a channel-neutral OutboundMessage into the Telegram messages that show
 * it: options become an inline keyboard, one button a row, labelled as they
 * come. A step's options arrive numbered ("1. Ya, kirim", runtime/messages.ts
 * `numberOptions`), so typing the number works as well as pressing. A button carries the option id
 * as callback data, which Telegram caps at 64 bytes and 100 buttons; an option
 * that cannot get a button is not dropped: the options are then listed in the
 * text, so the resident can still type its number. Text over 4096 characters
 * is split into several messages with the keyboard under the last.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { splitText } from './split-text.ts';

export const TEXT_LIMIT = 4096;
export const CALLBACK_DATA_LIMIT_BYTES = 64;
export const BUTTON_LIMIT = 100;

export interface TelegramMessagePart {
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

/**
 * @example
 * renderMessage({ text: 'Kirim?', options: [{ id: 'send', label: '1. Ya, kirim' }] });
 * // [{ text: 'Kirim?', keyboard: { inline_keyboard: [[{ text: '1. Ya, kirim', callback_data: 'send' }]] } }]
 */
export function renderMessage(message: OutboundMessage): TelegramMessagePart[] {
  const options = message.options.map((option, index) => ({
    ...option,
    pressable: index < BUTTON_LIMIT && fitsCallbackData(option.id),
  }));
  const buttons = options.filter((option) => option.pressable);
  const text =
    buttons.length === options.length
      ? message.text
      : `${message.text}\n\n${options.map((option) => option.label).join('\n')}`;
  const pieces = splitText(text, TEXT_LIMIT);
  if (buttons.length === 0) return pieces.map((piece) => ({ text: piece }));
  const keyboard: InlineKeyboardMarkup = {
    inline_keyboard: buttons.map((option) => [{ text: option.label, callback_data: option.id }]),
  };
  return pieces.map((piece, index) =>
    index === pieces.length - 1 ? { text: piece, keyboard } : { text: piece },
  );
}

function fitsCallbackData(id: string): boolean {
  const bytes = Buffer.byteLength(id, 'utf8');
  return bytes >= 1 && bytes <= CALLBACK_DATA_LIMIT_BYTES;
}
