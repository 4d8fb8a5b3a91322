/**
 * Which warning a deadline has reached: half the time gone, four fifths gone,
 * or the deadline itself. Measured in wall time between the start and the due
 * instant (the due instant already counts working days only).
 *
 * @example
 * reachedThreshold(created, due, now); // '50' once half the time has passed, null before
 */
export type SlaThreshold = '50' | '80' | 'breach';

/** The highest threshold reached at `now`, or null while less than half the time has passed. */
export function reachedThreshold(start: Date, due: Date, now: Date): SlaThreshold | null {
  const t = now.getTime();
  if (t >= due.getTime()) return 'breach';
  const span = due.getTime() - start.getTime();
  if (t >= start.getTime() + span * 0.8) return '80';
  if (t >= start.getTime() + span * 0.5) return '50';
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
