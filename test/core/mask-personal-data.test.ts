import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersIn, maskName, maskNumbersIn } from '../../src/core/mask-personal-data.ts';

/** What the masks must leave no trace of: 8 or more digits in a row, however spaced. */
const LONG_NUMBER = /\d(?:[ .\-–—]?\d){7,}/;

describe('maskName', () => {
  it('keeps the first letter of each word', () => {
    expect(maskName('Siti Aminah')).toBe('S*** A*****');
    expect(maskName("Ujang Nur'aini")).toBe('U**** N*******');
  });
});

describe('maskIdNumbersIn', () => {
  it('masks a NIK or KK however it is spaced, and leaves phone numbers and dates', () => {
    expect(maskIdNumbersIn('NIK 3204054512900001, KK 3204.0512.3456.0001')).toBe(
      'NIK 3204********0001, KK 3204********0001',
    );
    expect(maskIdNumbersIn('hp 081234567890, tgl 27-11-2026')).toBe(
      'hp 081234567890, tgl 27-11-2026',
    );
  });
});

describe('maskNumbersIn', () => {
  it('masks phone numbers written the ways people write them', () => {
    expect(maskNumbersIn('hubungi 0812-3456-7890 atau +62 812 3456 7890')).toBe(
      'hubungi 0812****7890 atau +628******7890',
    );
  });

  it('leaves no long number readable in any text', () => {
    const digitsAndSpacing = fc.string({
      unit: fc.constantFrom(...'0123456789 .-–—+abc\n'.split('')),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), digitsAndSpacing), (text) => {
        expect(maskNumbersIn(text)).not.toMatch(LONG_NUMBER);
        expect(maskIdNumbersIn(text).replace(/\D/g, '').length).toBeLessThanOrEqual(
          text.replace(/\D/g, '').length,
        );
      }),
    );
  });
});
