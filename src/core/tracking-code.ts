import { randomBytes } from 'node:crypto';

/**
 * Ticket tracking codes such as `PB-7K4M2Q`: short, and safe to read over the phone.
 *
 * The body is 6 characters of Crockford base32, which leaves out I, L, O and U so nothing
 * can be misread as 1 or 0. That is 2^30 ≈ 1.07 billion codes: random codes *will* collide
 * now and then (about 5 pairs among 100,000), so the store must insert with a unique
 * constraint and draw again on a clash.
 */

/** Crockford's base32 alphabet: digits and letters without I, L, O, U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A well-formed code in canonical form. No `g` flag, so `test()` keeps no state. */
export const TRACKING_CODE_PATTERN = /\b(PB|PG)-[0-9A-HJKMNP-TV-Z]{6}\b/;

/** The two kinds of ticket; each has its own prefix so staff see the kind at a glance. */
export type TicketKind = 'permohonan' | 'pengaduan';

/** Returns `n` random bytes; inject a fake in tests. */
export type RandomSource = (n: number) => Uint8Array;

const PREFIX: Readonly<Record<TicketKind, 'PB' | 'PG'>> = { permohonan: 'PB', pengaduan: 'PG' };
const BODY_LENGTH = 6;

/**
 * Draws a new code. Each random byte maps to `byte & 31`: 32 divides 256, so every symbol
 * is equally likely and no byte has to be thrown away.
 *
 * @example
 * newTrackingCode('permohonan'); // 'PB-7K4M2Q' (random)
 */
export function newTrackingCode(kind: TicketKind, random: RandomSource = randomBytes): string {
  const bytes = random(BODY_LENGTH);
  if (bytes.length < BODY_LENGTH) {
    throw new RangeError(`random source gave ${bytes.length} bytes, need ${BODY_LENGTH}`);
  }
  let body = '';
  for (const byte of bytes.subarray(0, BODY_LENGTH)) {
    body += CROCKFORD_ALPHABET.charAt(byte & 31);
  }
  return `${PREFIX[kind]}-${body}`;
}

/** No free code after this many draws means the code space is nearly full: a bug, not bad luck. */
const MAX_DRAWS = 32;

/**
 * Draws codes until `take` takes one: the store's insert, which its unique
 * index refuses for a code already issued (by this process or another), so no
 * code is checked in a round trip of its own.
 *
 * @example
 * await drawUniqueTrackingCode('pengaduan', (code) => insertTicket({ ...ticket, code })); // 'PG-…'
 */
export async function drawUniqueTrackingCode(
  kind: TicketKind,
  take: (code: string) => Promise<boolean>,
  random: RandomSource = randomBytes,
): Promise<string> {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const code = newTrackingCode(kind, random);
    if (await take(code)) return code;
  }
  throw new Error(`no free ${kind} tracking code after ${MAX_DRAWS} draws`);
}

/**
 * Finds a code in whatever a resident typed and returns it in canonical form, or null.
 * Tolerates any letter case, a space or nothing instead of the dash ("pb 7k4m2q",
 * "PB7K4M2Q"), and reads O as 0 and I/L as 1 as Crockford prescribes, so a resident who
 * types the letter O still finds their ticket. The code must stand alone, not inside a word.
 *
 * @example
 * parseTrackingCode('status pb 7k4m2o dong'); // 'PB-7K4M20'
 */
export function parseTrackingCode(text: string): string | null {
  for (const match of text.matchAll(LOOSE_CODE)) {
    const kind = match[1];
    const body = match[2] === undefined ? null : normaliseBody(match[2]);
    if (kind !== undefined && body !== null) return `P${kind.toUpperCase()}-${body}`;
  }
  return null;
}

/** P + B/G, optional separators, 6 alphanumerics, with no letter or digit on either side. */
const LOOSE_CODE = /(?<![0-9A-Z])P([BG])[\s._\-–—]*([0-9A-Z]{6})(?![0-9A-Z])/gi;

const READ_ALOUD: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

function normaliseBody(raw: string): string | null {
  let body = '';
  for (const char of raw.toUpperCase()) {
    const symbol = READ_ALOUD[char] ?? char;
    if (!CROCKFORD_ALPHABET.includes(symbol)) return null;
    body += symbol;
  }
  return body;
}
