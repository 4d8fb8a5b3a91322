import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../src/security/field-cipher.ts';
import { looksSealed, openText, sealText } from '../../src/security/sealed-text.ts';
import { testCipher } from '../support/test-cipher.ts';

const cipher = testCipher();
const STORY = 'Suami saya memukul saya, NIK 3204054512900001.';

describe('sealed free text', () => {
  it('seals typed text so it is unreadable and opens it back exactly', () => {
    const stored = sealText(cipher, STORY);
    expect(stored).not.toContain('NIK');
    expect(looksSealed(stored)).toBe(true);
    expect(openText(cipher, stored)).toBe(STORY);
  });

  it('keeps "no text" as it is: null stays null, an empty note stays empty', () => {
    expect(sealText(cipher, null)).toBeNull();
    expect(sealText(cipher, undefined)).toBeNull();
    expect(sealText(cipher, '')).toBe('');
    expect(openText(cipher, null)).toBeNull();
    expect(openText(cipher, '')).toBe('');
  });

  it('refuses to show text in clear or sealed with another key, rather than show it as it is', () => {
    expect(() => openText(cipher, STORY)).toThrow();
    const other = sealText(new FieldCipher(Buffer.alloc(32, 7)), STORY);
    expect(() => openText(cipher, other)).toThrow();
  });

  it.each([
    ['plain text', STORY],
    ['text that starts like a ciphertext', 'v1. langkah pertama: lapor RT'],
    ['a version number', 'v1.2.3'],
  ])('does not take %s for sealed text', (_, text) => {
    expect(looksSealed(text)).toBe(false);
  });
});
