/**
 * Free text people type (a ticket's description, a staff message, a reason,
 * a feedback comment, a referral note) is personal data under UU PDP: a KDRT
 * story, an illness, a NIK or a name typed inline. It is stored sealed with
 * the field cipher, like names and NIK, and opened only where it is shown.
 *
 * Rows an older desk wrote in clear are sealed once at start
 * (tickets/plain-free-text.ts), so readers can be strict: a value that does
 * not open is an error, never shown as it is. The empty string stays empty
 * both ways: it hides nothing and is a column default ("no note").
 *
 * @example
 * const stored = sealText(cipher, 'Suami saya memukul, NIK 3204…'); // 'v1.…'
 * openText(cipher, stored); // 'Suami saya memukul, NIK 3204…'
 * sealText(cipher, null); // null, and '' stays ''
 */
import type { FieldCipher } from './field-cipher.ts';

/** `v1.<iv 12 bytes>.<tag 16 bytes>.<data>` in base64url: what FieldCipher.encrypt writes. */
const SEALED = /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

export function sealText(cipher: FieldCipher, text: string): string;
export function sealText(cipher: FieldCipher, text: string | null | undefined): string | null;
export function sealText(cipher: FieldCipher, text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text === '' ? '' : cipher.encrypt(text);
}

/** Throws when the value was sealed with another key or is not sealed at all. */
export function openText(cipher: FieldCipher, stored: string): string;
export function openText(cipher: FieldCipher, stored: string | null): string | null;
export function openText(cipher: FieldCipher, stored: string | null): string | null {
  if (stored === null || stored === '') return stored;
  return cipher.decrypt(stored);
}

/** Whether a stored value has the shape of sealed text (typed text never does in practice). */
export function looksSealed(stored: string): boolean {
  return SEALED.test(stored);
}
