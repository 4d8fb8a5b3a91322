/**
 * How old a message sent while the desk was offline may be and still get an
 * answer. After a short outage residents are waiting and every message
 * counts; after weeks offline, answering month-old "halo"s would start
 * conversations nobody remembers (they have likely asked elsewhere), so those
 * are skipped and only their number is logged.
 *
 * @example
 * isTooOldToAnswer(new Date('2026-11-20'), new Date('2026-11-27'), 3); // true
 */
export const DEFAULT_OFFLINE_MAX_AGE_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export function isTooOldToAnswer(sentAt: Date, now: Date, maxAgeDays: number): boolean {
  return now.getTime() - sentAt.getTime() > maxAgeDays * DAY_MS;
}
