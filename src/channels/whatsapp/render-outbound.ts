/**
 * Turns an OutboundMessage into WhatsApp texts. WhatsApp (through Baileys)
 * has no buttons the desk may rely on, so options become a list, one a line,
 * with a hint to reply with the number; the runtime reads "2", "2." or the
 * label. A step's options arrive numbered (runtime/messages.ts
 * `numberOptions`), the same as Telegram's buttons, so no number is added here.
 *
 * @example
 * renderOutbound({ text: 'Pilih bahasa:', options: [{ id: 'id', label: '1. Bahasa Indonesia' }] }, 'Balas dengan nomor pilihan.');
 * // ['Pilih bahasa:\n\n1. Bahasa Indonesia\n\n_Balas dengan nomor pilihan._']
 */
import type { OutboundMessage } from '../../runtime/messages.ts';

/**
 * WhatsApp accepts far longer texts, but phones show a long message folded
 * behind "Read more"; past this the text is sent as several messages.
 */
export const MAX_TEXT = 4000;

const NUMBERED = /^\d+\. /;

export function renderOutbound(message: OutboundMessage, optionsHint: string): string[] {
  const parts = splitText(message.text, MAX_TEXT);
  if (message.options.length === 0) return parts;
  const list = message.options.map((option) => option.label).join('\n');
  // Staff options are commands to type ("Ambil: /ambil PB-…"), not numbered: no number hint.
  const numbered = message.options.every((option) => NUMBERED.test(option.label));
  const choices = numbered ? `${list}\n\n_${optionsHint}_` : list;
  const last = parts.at(-1) ?? '';
  if (last.length + 2 + choices.length <= MAX_TEXT) {
    parts[parts.length - 1] = last === '' ? choices : `${last}\n\n${choices}`;
    return parts;
  }
  return [...parts, ...splitText(choices, MAX_TEXT)];
}

/** Cuts a text into pieces of at most `max` characters, at a line break or a space when there is one. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const cut = newline > max / 2 ? newline : space > max / 2 ? space : max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  parts.push(rest);
  return parts;
}
