/**
 * The period a report covers, as staff type it after /laporan: `hari ini`,
 * `minggu ini` (Monday up to today), `bulan ini` (the default), a month
 * `2026-11`, or days `2026-11-01..2026-11-15` / `dari 2026-11-01 sampai
 * 2026-11-15`. Days are Jakarta calendar days; a period ends at the end of
 * its last day (today, for `minggu ini` and `bulan ini`).
 */
import { z } from 'zod';
import { jakartaDay, nextDay } from '../core/working-days.ts';

export type PeriodSpec =
  | { kind: 'today' }
  | { kind: 'week' }
  | { kind: 'month' }
  | { kind: 'days'; first: string; last: string };

export interface ReportPeriod {
  from: Date;
  /** exclusive */
  to: Date;
  /** the days covered, `2026-11` for a whole month or `2026-11-01..2026-11-15` */
  label: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
/** Longest range a report may cover, so a typo (`2062`) does not scan decades. */
export const MAX_PERIOD_DAYS = 731;

function isRealDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

function daysBetween(first: string, last: string): number {
  return (Date.parse(last) - Date.parse(first)) / 86_400_000;
}

/** Reads the words after /laporan (without `csv`); fails on anything it does not know. */
export const periodSpec = z.string().transform((text, ctx): PeriodSpec => {
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (words === '' || words === 'bulan ini') return { kind: 'month' };
  if (words === 'hari ini') return { kind: 'today' };
  if (words === 'minggu ini') return { kind: 'week' };
  const month = MONTH.exec(words);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return { kind: 'days', first: `${words}-01`, last: lastDayOfMonth(words) };
  }
  const range =
    /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(words) ??
    /^dari (\d{4}-\d{2}-\d{2}) sampai (\d{4}-\d{2}-\d{2})$/.exec(words) ??
    (DAY.test(words) ? [words, words, words] : null);
  const [, first = '', last = ''] = range ?? [];
  if (
    isRealDay(first) &&
    isRealDay(last) &&
    first <= last &&
    daysBetween(first, last) < MAX_PERIOD_DAYS
  ) {
    return { kind: 'days', first, last };
  }
  ctx.addIssue({ code: 'custom', message: 'report period' });
  return z.NEVER;
});

function startOfJakartaDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The instants a period covers, seen from `now`. */
export function resolvePeriod(spec: PeriodSpec, now: Date): ReportPeriod {
  const today = jakartaDay(now);
  let first: string;
  let last: string;
  switch (spec.kind) {
    case 'today':
      first = last = today;
      break;
    case 'week': {
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      first = new Date(Date.parse(today) - weekday * 86_400_000).toISOString().slice(0, 10);
      last = today;
      break;
    }
    case 'month':
      first = `${today.slice(0, 7)}-01`;
      last = today;
      break;
    default:
      first = spec.first;
      last = spec.last;
  }
  const label =
    first.endsWith('-01') && last === lastDayOfMonth(first.slice(0, 7))
      ? first.slice(0, 7)
      : first === last
        ? first
        : `${first}..${last}`;
  return { from: startOfJakartaDay(first), to: startOfJakartaDay(nextDay(last)), label };
}
