/**
 * The name of a ticket event in /tiket's history, in the reader's language
 * ('claimed' reads "diambil", "dicandak" or "claimed"). A type without a
 * catalog text yet shows as it is stored, so a new event is never hidden.
 *
 * @example
 * eventName('su', 'claimed'); // 'dicandak'
 */

import { staffLanguageTexts } from '../i18n/texts/staff-language.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';

const NAMED = new Set(Object.keys(staffLanguageTexts.id));

export function eventName(locale: Locale, type: string): string {
  const key = `staff.event.${type}`;
  return NAMED.has(key) ? t(locale, key as Key) : type;
}
