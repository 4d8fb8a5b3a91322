/**
 * SLA clocks count working days in Asia/Jakarta (UTC+7, no daylight saving):
 * Saturdays, Sundays, national holidays and cuti bersama do not count.
 * A ticket due in N working days is due at the end of the Nth working day
 * after the day it arrived, so a request sent on Friday evening with a
 * 3-day SLA is due on Wednesday at 23:59 WIB.
 */

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the calendar day in Jakarta at instant `at`. */
export function jakartaDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days that are not working days, as `YYYY-MM-DD` (Jakarta calendar). */
export type HolidaySet = ReadonlySet<string>;

export function isWorkingDay(day: string, holidays: HolidaySet): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The calendar day after `day` (`YYYY-MM-DD`). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The instant the last millisecond of `day` ends in Jakarta. */
export function endOfJakartaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1 - WIB_OFFSET_MS);
}

/** Due instant `workingDays` working days after `from` (at least 1). */
export function addWorkingDays(from: Date, workingDays: number, holidays: HolidaySet): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`working days must be a positive integer, got ${workingDays}`);
  }
  return endOfJakartaDay(nthWorkingDayAfter(jakartaDay(from), workingDays, holidays));
}

/** The `n`th working day after `day` (`YYYY-MM-DD`, Jakarta calendar). */
function nthWorkingDayAfter(day: string, n: number, holidays: HolidaySet): string {
  let counted = 0;
  let current = day;
  while (counted < n) {
    current = nextDay(current);
    if (isWorkingDay(current, holidays)) counted++;
  }
  return current;
}

/**
 * Milliseconds between two instants that fall on Jakarta working days: a
 * weekend, a national holiday or a cuti bersama adds nothing. Lets a reminder
 * "at half the time" mean half the working time, so it never lands on Lebaran.
 *
 * @example workingMsBetween(fri18h, mon06h, holidays) // 6 h of Friday + 6 h of Monday
 */
export function workingMsBetween(from: Date, to: Date, holidays: HolidaySet): number {
  let total = 0;
  let day = jakartaDay(from);
  const lastDay = jakartaDay(to);
  for (;;) {
    if (isWorkingDay(day, holidays)) {
      const dayStart = endOfJakartaDay(day).getTime() + 1 - DAY_MS;
      const start = Math.max(dayStart, from.getTime());
      const end = Math.min(dayStart + DAY_MS, to.getTime());
      if (end > start) total += end - start;
    }
    if (day >= lastDay) return total;
    day = nextDay(day);
  }
}

/**
 * Working days a pause stopped the clock for: every working day that began
 * while the ticket waited (after the day it was paused, up to and including
 * the day it resumed). A pause within one day, or from Friday to Saturday,
 * costs the unit nothing; from Friday to Monday it gives one day back.
 *
 * @example workingDaysBetween(fri16h, mon08h, holidays) // 1
 */
export function workingDaysBetween(from: Date, to: Date, holidays: HolidaySet): number {
  return workingDaysAfter(jakartaDay(from), jakartaDay(to), holidays);
}

/** Working days `d` with `after < d <= until` (Jakarta calendar days, `YYYY-MM-DD`). */
export function workingDaysAfter(after: string, until: string, holidays: HolidaySet): number {
  let count = 0;
  for (let day = nextDay(after); day <= until; day = nextDay(day)) {
    if (isWorkingDay(day, holidays)) count += 1;
  }
  return count;
}

/**
 * A due date moved by the working days a pause lasted, keeping its time of
 * day: a ticket due Wednesday 23:59 WIB that waited two working days for the
 * resident is due Friday 23:59 WIB, or later if holidays fall in between.
 */
export function shiftByPausedWorkingDays(
  due: Date,
  pausedAt: Date,
  resumedAt: Date,
  holidays: HolidaySet,
): Date {
  const paused = workingDaysBetween(pausedAt, resumedAt, holidays);
  if (paused === 0) return due;
  const from = jakartaDay(due);
  const to = nthWorkingDayAfter(from, paused, holidays);
  return new Date(due.getTime() + (Date.parse(to) - Date.parse(from)));
}
