/** Dates in words for residents ("Rabu, 2 Desember 2026"), in Jakarta time. */
import { type Key, type Locale, t } from './translate.ts';

export function formatLongDate(locale: Locale, at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000);
  return t(locale, 'date.long', {
    weekday: t(locale, `date.weekday.${wib.getUTCDay()}` as Key),
    day: wib.getUTCDate(),
    month: t(locale, `date.month.${wib.getUTCMonth() + 1}` as Key),
    year: wib.getUTCFullYear(),
  });
}
