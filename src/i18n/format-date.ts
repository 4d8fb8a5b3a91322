/** Dates in words for residents ("Rabu, 2 Desember 2026"), in Jakarta time. */
import { type Key, type Locale, t } from './translate.ts';

const WIB_OFFSET_MS = 7 * 3_600_000;

export function formatLongDate(locale: Locale, at: Date): string {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  return t(locale, 'date.long', {
    weekday: t(locale, `date.weekday.${wib.getUTCDay()}` as Key),
    day: wib.getUTCDate(),
    month: t(locale, `date.month.${wib.getUTCMonth() + 1}` as Key),
    year: wib.getUTCFullYear(),
  });
}

/**
 * "2 Des 09:15" in Jakarta time, for a line among many on a small screen
 * (a ticket's history); the year is added only when it is not this year's.
 * The month is its name's first three letters, which reads right in all
 * three languages ("Des", "Dés", "Dec").
 */
export function formatShortDateTime(locale: Locale, at: Date, now: Date): string {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  const thisYear = new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear();
  const month = t(locale, `date.month.${wib.getUTCMonth() + 1}` as Key).slice(0, 3);
  const year = wib.getUTCFullYear() === thisYear ? '' : ` ${wib.getUTCFullYear()}`;
  return `${wib.getUTCDate()} ${month}${year} ${wib.toISOString().slice(11, 16)}`;
}
