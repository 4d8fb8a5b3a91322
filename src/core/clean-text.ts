/**
 * Removes the characters nobody means to type but a platform, a pasted text
 * or a mischievous client can carry: NUL (which PostgreSQL refuses in a text
 * column, failing the whole turn), the other C0 and C1 control characters,
 * the invisible bidi marks, embeddings, overrides and isolates (which can make
 * a note or a name read backwards on a staff member's screen, "Trojan Source"
 * style), and halves of a surrogate pair (which no database encodes).
 * Newlines and tabs stay; a carriage return becomes a newline.
 *
 * Applied once, where every inbound message is validated (runtime/messages.ts),
 * so flows, commands and storage never see these characters.
 *
 * @example
 * cleanText('Bu\u0000di \u202Eoknab\u202C') // → 'Budi oknab'
 * cleanText('baris 1\r\nbaris 2')          // → 'baris 1\nbaris 2'
 */
const UNWANTED = new RegExp(
  [
    // C0 controls except \t (09) and \n (0A), DEL and the C1 controls
    '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]',
    // bidi marks (ALM, LRM, RLM), embeddings and overrides, isolates
    '[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]',
    // a high surrogate without its low half, or a low one without its high half
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNWANTED, '');
}
