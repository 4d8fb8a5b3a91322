/**
 * Dashboard tokens: the one-time login link's and the browser session's. 256
 * random bits, URL-safe; only a keyed hash is stored, like invite codes, so a
 * copy of the database opens no dashboard.
 */
import { randomBytes } from 'node:crypto';
import type { FieldCipher } from '../security/field-cipher.ts';

export function newDashboardToken(random: (n: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(32)).toString('base64url');
}

/** The stored form; the purpose keeps it apart from every other keyed hash. */
export function dashboardTokenHash(cipher: FieldCipher, token: string): string {
  return cipher.lookupHash('dashboard', token);
}

/** What a token looks like: rejects junk before it reaches the database. */
export function isDashboardToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
