import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/core/clean-text.ts';

/** Every character the desk must never store, one of each kind. */
const UNWANTED = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uD800',
  '\uDFFF',
];
/** Written as code points rather than a pattern, so the test does not share the module's regex. */
function unwanted(character: string): boolean {
  const c = character.codePointAt(0) ?? 0;
  return (
    (c <= 0x1f && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}
const hasUnwanted = (text: string) => Array.from(text).some(unwanted);

/** Text as UTF-16 code units: anything a platform or a client could send, lone surrogates too. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    fc.constantFrom(...UNWANTED, '\r', '\n', '\t', '😀', 'é'),
  ),
});

/** Well-formed UTF-16 survives a round trip through UTF-8; a lone surrogate does not. */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

describe('cleanText', () => {
  it('removes NUL, controls, bidi overrides and isolates, and keeps what people type', () => {
    expect(cleanText('Bu\u0000di \u202Eoknab\u202C, RT 03/\u2066RW 05\u2069')).toBe(
      'Budi oknab, RT 03/RW 05',
    );
    expect(cleanText('Ibu saya sakit 🙏\n\tmohon dibantu, Bapak Dédé')).toBe(
      'Ibu saya sakit 🙏\n\tmohon dibantu, Bapak Dédé',
    );
  });

  it('turns a carriage return into a newline', () => {
    expect(cleanText('baris 1\r\nbaris 2\rbaris 3')).toBe('baris 1\nbaris 2\nbaris 3');
  });

  it('removes half of a surrogate pair and keeps whole ones', () => {
    expect(cleanText('a\uD83Db\uDE00c\uD83D\uDE00')).toBe('abc😀');
  });

  it('leaves none of those characters in any text, and gives well-formed text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanText(text);
        expect(hasUnwanted(clean)).toBe(false);
        expect(clean).not.toContain('\r');
        expect(wellFormed(clean)).toBe(true);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (text) => cleanText(cleanText(text)) === cleanText(text)));
  });

  it('changes nothing in well-formed text without those characters', () => {
    const typed = fc.string({ unit: 'grapheme' }).filter((text) => !hasUnwanted(text));
    fc.assert(fc.property(typed, (text) => cleanText(text) === text));
  });
});
