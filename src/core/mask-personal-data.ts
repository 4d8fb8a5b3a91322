/**
 * Masks for personal data shown where more people than its owner's helper may
 * read it. NIK and KK fields are masked with maskNik; these cover names and
 * the numbers people type inside free text (a description, a note).
 */
import { maskNik } from './nik.ts';

/** A run of 8 or more digits, written with or without spaces, dots or dashes between them. */
const NUMBER_RUN = /\+?\d(?:[ .\-–—]?\d){7,}/g;

/**
 * Keeps each word's first letter: enough to tell two tickets apart at a glance,
 * not enough to know who it is.
 *
 * @example
 * maskName('Siti Aminah') // → 'S*** A*****'
 */
export function maskName(name: string): string {
  return name.replace(/\p{L}[\p{L}\p{M}'’.-]*/gu, (word) => {
    const [first = '', ...rest] = Array.from(word);
    return first + '*'.repeat(rest.length);
  });
}

/**
 * Masks every NIK or KK (16 digits, however spaced) inside free text and
 * leaves other numbers alone.
 *
 * @example
 * maskIdNumbersIn('NIK ibu 3204 0545 1290 0001, hp 081234567890')
 * // → 'NIK ibu 3204********0001, hp 081234567890'
 */
export function maskIdNumbersIn(text: string): string {
  return text.replace(NUMBER_RUN, (run) =>
    run.replace(/\D/g, '').length === 16 ? maskNik(run) : run,
  );
}

/**
 * Masks every long number inside free text: NIK, KK, phone and account numbers.
 *
 * @example
 * maskNumbersIn('hubungi 0812-3456-7890') // → 'hubungi 0812****7890'
 */
export function maskNumbersIn(text: string): string {
  return text.replace(NUMBER_RUN, maskNik);
}
