/**
 * Time left in working days over the real end of 2026: Christmas (Friday
 * 25 December) with its cuti bersama (Thursday 24), the weekend and New
 * Year's Day 2027 (a Friday). Instants are written in WIB (+07:00).
 */
import { describe, expect, it } from 'vitest';
import { endOfJakartaDay, workingDaysAfter } from '../../src/core/working-days.ts';
import {
  compareUrgency,
  timeLeft,
  type Urgency,
  urgencyOf,
} from '../../src/core/working-days-left.ts';

const HOLIDAYS = new Set(['2026-12-24', '2026-12-25', '2027-01-01']);
const at = (iso: string) => new Date(iso);
const dueEndOf = (day: string) => endOfJakartaDay(day);

describe('working days left on a deadline', () => {
  it('counts only working days after today up to the due day', () => {
    expect(workingDaysAfter('2026-12-23', '2026-12-28', HOLIDAYS)).toBe(1);
    expect(workingDaysAfter('2026-12-23', '2026-12-30', HOLIDAYS)).toBe(3);
    expect(workingDaysAfter('2026-12-30', '2027-01-04', HOLIDAYS)).toBe(2);
    expect(workingDaysAfter('2026-12-23', '2026-12-23', HOLIDAYS)).toBe(0);
  });

  it('reads a deadline after Christmas as near when only holidays and a weekend lie between', () => {
    const now = at('2026-12-23T10:00:00+07:00');
    const left = timeLeft({ dueAt: dueEndOf('2026-12-28'), paused: false }, now, HOLIDAYS);
    expect(left).toEqual({ kind: 'left', workingDays: 1 });
    expect(urgencyOf(left)).toBe('nearDue');
    const later = timeLeft({ dueAt: dueEndOf('2026-12-30'), paused: false }, now, HOLIDAYS);
    expect(later).toEqual({ kind: 'left', workingDays: 3 });
    expect(urgencyOf(later)).toBe('onTrack');
  });

  it('reads a deadline tonight as 0 days left and near due', () => {
    const now = at('2026-12-23T16:00:00+07:00');
    const left = timeLeft({ dueAt: dueEndOf('2026-12-23'), paused: false }, now, HOLIDAYS);
    expect(left).toEqual({ kind: 'left', workingDays: 0 });
    expect(urgencyOf(left)).toBe('nearDue');
  });

  it('counts lateness in working days, at least 1 once the deadline passed', () => {
    const due = dueEndOf('2026-12-23');
    expect(
      timeLeft({ dueAt: due, paused: false }, at('2026-12-24T00:00:01+07:00'), HOLIDAYS),
    ).toEqual({ kind: 'late', workingDays: 1 });
    expect(
      timeLeft({ dueAt: due, paused: false }, at('2026-12-28T09:00:00+07:00'), HOLIDAYS),
    ).toEqual({ kind: 'late', workingDays: 1 });
    expect(
      timeLeft({ dueAt: due, paused: false }, at('2026-12-29T09:00:00+07:00'), HOLIDAYS),
    ).toEqual({ kind: 'late', workingDays: 2 });
    expect(
      timeLeft(
        { dueAt: dueEndOf('2026-12-30'), paused: false },
        at('2027-01-04T08:00:00+07:00'),
        HOLIDAYS,
      ),
    ).toEqual({ kind: 'late', workingDays: 2 });
  });

  it('stops the clock while the ticket waits for the resident', () => {
    const left = timeLeft(
      { dueAt: dueEndOf('2026-12-01'), paused: true },
      at('2026-12-23T10:00:00+07:00'),
      HOLIDAYS,
    );
    expect(left).toEqual({ kind: 'paused' });
    expect(urgencyOf(left)).toBe('paused');
    expect(urgencyOf(timeLeft({ dueAt: null, paused: false }, new Date(), HOLIDAYS))).toBe('none');
  });

  it('orders the most overdue first, then by due date, paused last', () => {
    const row = (code: string, due: string | null, urgency: Urgency) => ({
      code,
      dueAt: due ? dueEndOf(due) : null,
      urgency,
    });
    const rows = [
      row('paused', '2026-12-01', 'paused'),
      row('soon', '2026-12-28', 'nearDue'),
      row('later', '2026-12-30', 'onTrack'),
      row('late-1', '2026-12-22', 'overdue'),
      row('no-due', null, 'none'),
      row('late-5', '2026-12-15', 'overdue'),
    ];
    expect(rows.sort(compareUrgency).map((r) => r.code)).toEqual([
      'late-5',
      'late-1',
      'soon',
      'later',
      'no-due',
      'paused',
    ]);
  });
});
