import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, jakartaDay } from '../../src/core/working-days.ts';

const none = new Set<string>();

describe('working days (Asia/Jakarta)', () => {
  it('counts the Jakarta calendar day, not the UTC one', () => {
    // 18:30 UTC on Thursday is already Friday 01:30 in Jakarta.
    expect(jakartaDay(new Date('2026-11-26T18:30:00Z'))).toBe('2026-11-27');
    expect(jakartaDay(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
  });

  it('skips the weekend: a 3-day request sent on Friday is due Wednesday 23:59 WIB', () => {
    const due = addWorkingDays(new Date('2026-11-27T10:00:00+07:00'), 3, none);
    expect(due.toISOString()).toBe('2026-12-02T16:59:59.999Z');
  });

  it('skips holidays and cuti bersama', () => {
    const holidays = new Set(['2026-12-24', '2026-12-25']);
    const due = addWorkingDays(new Date('2026-12-23T09:00:00+07:00'), 1, holidays);
    expect(jakartaDay(due)).toBe('2026-12-28');
    expect(isWorkingDay('2026-12-25', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-28', holidays)).toBe(true);
  });

  it('refuses a non-positive or fractional SLA', () => {
    expect(() => addWorkingDays(new Date(), 0, none)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, none)).toThrow(RangeError);
  });
});
