/**
 * One-time invite codes (`/masuk K7M2Q-9XAPR`): 10 Crockford base32 symbols,
 * 50 bits, readable over the phone. Only a keyed hash is stored.
 */
import { randomBytes } from 'node:crypto';
import { CROCKFORD_ALPHABET } from '../core/tracking-code.ts';
import type { FieldCipher } from '../security/field-cipher.ts';

const LENGTH = 10;

export function newInviteCode(random: (n: number) => Uint8Array = randomBytes): string {
  const symbols = [...random(LENGTH)].map((byte) => CROCKFORD_ALPHABET.charAt(byte & 31)).join('');
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/** Canonical form of what someone typed: case, spaces, dashes and O/I/L look-alikes forgiven. */
export function normaliseInviteCode(typed: string): string | null {
  const symbols = typed
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== LENGTH || [...symbols].some((c) => !CROCKFORD_ALPHABET.includes(c))) {
    return null;
  }
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

export function inviteCodeHash(cipher: FieldCipher, code: string): string {
  return cipher.lookupHash('invite', code);
}
