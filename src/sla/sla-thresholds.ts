import { type HolidaySet, workingMsBetween } from '../core/working-days.ts';

/**
 * Which warning a deadline has reached: half the working time gone, four
 * fifths gone, or the deadline itself. Only time on working days counts, so a
 * ticket filed before Lebaran is not reminded about during the holidays but on
 * the working day its half really passes.
 *
 * @example
 * reachedThreshold(created, due, now, holidays); // '50' once half the working time has passed
 */
export type SlaThreshold = '50' | '80' | 'breach';

/** The highest threshold reached at `now`, or null while less than half the time has passed. */
export function reachedThreshold(
  start: Date,
  due: Date,
  now: Date,
  holidays: HolidaySet,
): SlaThreshold | null {
  if (now.getTime() >= due.getTime()) return 'breach';
  if (now.getTime() <= start.getTime()) return null;
  const span = workingMsBetween(start, due, holidays);
  const spent = workingMsBetween(start, now, holidays);
  if (spent >= span * 0.8) return '80';
  if (spent >= span * 0.5) return '50';
  return null;
}

/**
 * How far ahead of their due date the sweeper looks at tickets: the longest
 * window (20 working days, stretched by holidays) is under 60 calendar days, so
 * any ticket past half its window is due within the next 30 days. Only a ticket
 * whose due date long waits for the resident pushed out by months is seen later,
 * and then gets its 80% reminder without the 50% one.
 */
export const LOOK_AHEAD_MS = 45 * 24 * 60 * 60_000;
