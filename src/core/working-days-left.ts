/**
 * How much time a ticket has left, in the working days staff plan with
 * ("sisa 2 hari kerja", "lewat 1 hari kerja"), and how urgent that makes it.
 * Pure: the caller passes the clock and the holidays (ReferenceData.holidays).
 *
 * A due date is the end of a Jakarta working day (working-days.ts), so the
 * days left are the working days after today up to and including the due
 * day: due tonight is 0 left, due at the end of the next working day is 1.
 * A ticket past its due instant is late by the working days since the due
 * day, and at least 1, so a deadline missed on Friday night still reads
 * late over the weekend.
 *
 * @example
 * timeLeft({ dueAt, paused: false }, now, holidays); // { kind: 'left', workingDays: 2 }
 */
import { type HolidaySet, jakartaDay, workingDaysAfter } from './working-days.ts';

/** At most this many working days left counts as near due (today or the next working day). */
export const NEAR_DUE_WORKING_DAYS = 1;

export type TimeLeft =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'left'; workingDays: number }
  | { kind: 'late'; workingDays: number };

export type Urgency = 'overdue' | 'nearDue' | 'onTrack' | 'paused' | 'none';

/**
 * The time left on a ticket's deadline at `now`. A paused ticket (waiting for
 * the resident) has its clock stopped, so it has no time running out.
 */
export function timeLeft(
  ticket: { dueAt: Date | null; paused: boolean },
  now: Date,
  holidays: HolidaySet,
): TimeLeft {
  if (ticket.paused) return { kind: 'paused' };
  if (!ticket.dueAt) return { kind: 'none' };
  const today = jakartaDay(now);
  const dueDay = jakartaDay(ticket.dueAt);
  if (now.getTime() > ticket.dueAt.getTime()) {
    return { kind: 'late', workingDays: Math.max(1, workingDaysAfter(dueDay, today, holidays)) };
  }
  return { kind: 'left', workingDays: workingDaysAfter(today, dueDay, holidays) };
}

export function urgencyOf(left: TimeLeft): Urgency {
  switch (left.kind) {
    case 'late':
      return 'overdue';
    case 'left':
      return left.workingDays <= NEAR_DUE_WORKING_DAYS ? 'nearDue' : 'onTrack';
    default:
      return left.kind;
  }
}

const RANK: Readonly<Record<Urgency, number>> = {
  overdue: 0,
  nearDue: 1,
  onTrack: 1,
  none: 2,
  paused: 3,
};

/**
 * Queue order: running tickets by due instant (so the latest overdue comes
 * first, then the nearest due), then tickets without a due date, then the
 * paused ones, whose deadline does not run while the resident is asked.
 */
export function compareUrgency(
  a: { dueAt: Date | null; urgency: Urgency },
  b: { dueAt: Date | null; urgency: Urgency },
): number {
  const rank = RANK[a.urgency] - RANK[b.urgency];
  if (rank !== 0) return rank;
  return (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0);
}
