/**
 * Validation of NIK (Nomor Induk Kependudukan) and KK (Kartu Keluarga) numbers.
 *
 * Both are 16 digits: 2 province + 2 regency + 2 kecamatan, then 6 date digits and a
 * 4-digit serial. We catch typing mistakes here, before a resident waits days for a petugas
 * to notice; we cannot prove a number belongs to a real person (only Dukcapil can).
 * Every refusal says exactly what is wrong, so the chat can ask the resident to fix *that*.
 *
 * @example
 * validateNik('3204 0552 0590 0002', areas, { today: new Date() });
 * // { ok: true, value: '3204055205900002', birthDate: '1990-05-12', sex: 'female' }
 */

/** The only thing validation needs from the area index: does this regency code exist? */
export interface RegencyLookup {
  /** `code4` is province + regency without a dot, e.g. `'3204'` for Kab. Bandung. */
  hasRegency(code4: string): boolean;
}

export interface NikOptions {
  /** "Now", injected so results do not depend on the clock. Defaults to the current time. */
  today?: Date;
}

export type Sex = 'male' | 'female';

/** Refusals shared by NIK and KK; `code` is also the locale catalog key for the message. */
type ShapeRefusal<P extends 'nik' | 'kk'> =
  | { code: `${P}.empty` }
  | { code: `${P}.letters` }
  | { code: `${P}.lookalike` }
  | { code: `${P}.length.short`; count: number; missing: number }
  | { code: `${P}.length.long`; count: number; extra: number }
  | { code: `${P}.unknownRegion`; region: string };

export type NikRefusal = ShapeRefusal<'nik'> | { code: 'nik.birthDate' } | { code: 'nik.serial' };
export type KkRefusal = ShapeRefusal<'kk'>;

export type NikResult =
  | { ok: true; value: string; birthDate: string; sex: Sex }
  | { ok: false; reason: NikRefusal };
export type KkResult = { ok: true; value: string } | { ok: false; reason: KkRefusal };

const LENGTH = 16;

/**
 * Validates a NIK. Spaces, dots and dashes are dropped first; letters are refused, even an
 * O that was meant as 0 (`nik.lookalike` says so), because guessing a resident's identity
 * number is worse than asking again. Digits 7–12 are the birth date DDMMYY, women's day + 40.
 * The century is not written, so a date is accepted if it exists and is not in the future
 * in 19YY or in 20YY; `birthDate` (ISO `YYYY-MM-DD`) takes the later of the two.
 */
export function validateNik(
  input: string,
  areas: RegencyLookup,
  options: NikOptions = {},
): NikResult {
  const shape = checkShape('nik', input, areas);
  if (!shape.ok) return shape;
  const digits = shape.value;
  const birth = birthOf(digits.slice(6, 12), indonesianToday(options.today ?? new Date()));
  if (birth === null) return { ok: false, reason: { code: 'nik.birthDate' } };
  if (digits.endsWith('0000')) return { ok: false, reason: { code: 'nik.serial' } };
  return { ok: true, value: digits, ...birth };
}

/**
 * Validates a KK number: same normalisation, length and region checks as the NIK. Digits
 * 7–12 (issue date) and the serial are deliberately not checked: we know of no rule that
 * holds for every card in circulation, and refusing a real card locks a family out, while a
 * typo is caught by the petugas who sees the card.
 */
export function validateKk(input: string, areas: RegencyLookup): KkResult {
  return checkShape('kk', input, areas);
}

/**
 * Masks a NIK or KK for display: first 4 and last 4 digits stay, e.g. `3204********0001`.
 * Anything shorter than 12 characters is masked entirely, so at least half stays hidden.
 */
export function maskNik(value: string): string {
  const clean = value.replace(SEPARATORS, '');
  if (clean.length < 12) return '*'.repeat(clean.length);
  return `${clean.slice(0, 4)}${'*'.repeat(clean.length - 8)}${clean.slice(-4)}`;
}

/** What people type between digit groups: spaces, dots and (en/em) dashes. */
const SEPARATORS = /[\s.\-–—]/g;

function checkShape<P extends 'nik' | 'kk'>(
  prefix: P,
  input: string,
  areas: RegencyLookup,
): { ok: true; value: string } | { ok: false; reason: ShapeRefusal<P> } {
  const refuse = (reason: ShapeRefusal<P>) => ({ ok: false as const, reason });
  const clean = input.replace(SEPARATORS, '');
  if (clean === '') return refuse({ code: `${prefix}.empty` });
  if (!/^\d+$/.test(clean)) {
    const onlyLookalikes = /^[\dOoIl]+$/.test(clean);
    if (onlyLookalikes) return refuse({ code: `${prefix}.lookalike` });
    return refuse({ code: `${prefix}.letters` });
  }
  if (clean.length < LENGTH) {
    return refuse({
      code: `${prefix}.length.short`,
      count: clean.length,
      missing: LENGTH - clean.length,
    });
  }
  if (clean.length > LENGTH) {
    return refuse({
      code: `${prefix}.length.long`,
      count: clean.length,
      extra: clean.length - LENGTH,
    });
  }
  const region = clean.slice(0, 4);
  if (!areas.hasRegency(region)) return refuse({ code: `${prefix}.unknownRegion`, region });
  return { ok: true, value: clean };
}

/** Birth date and sex from DDMMYY, or null if no century makes it a real, past date. */
function birthOf(ddmmyy: string, today: string): { birthDate: string; sex: Sex } | null {
  const dd = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  const sex: Sex = dd > 40 ? 'female' : 'male';
  const day = sex === 'female' ? dd - 40 : dd;
  for (const year of [2000 + yy, 1900 + yy]) {
    const date = isoDate(year, month, day);
    if (date !== null && date <= today) return { birthDate: date, sex };
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Today's date where it is latest in Indonesia (WIT, UTC+9), as `YYYY-MM-DD`: a baby born
 * today in Jayapura is not "in the future" just because the server runs on UTC.
 */
function indonesianToday(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
