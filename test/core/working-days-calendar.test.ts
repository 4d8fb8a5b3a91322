/**
 * Working days on Indonesia's real calendar (date-holidays for ID plus the
 * 2026 joint decree), as the SLA clocks count them.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  jakartaDay,
  shiftByPausedWorkingDays,
  workingDaysBetween,
  workingMsBetween,
} from '../../src/core/working-days.ts';
import { holidayCalendar } from '../../src/holidays/holiday-calendar.ts';

const holidays = new Set([2026, 2027].flatMap(holidayCalendar).map((d) => d.date));
const wib = (local: string) => new Date(`${local}+07:00`);
const dueDay = (from: string, days: number) =>
  jakartaDay(addWorkingDays(wib(from), days, holidays));

describe('the 2026 calendar', () => {
  it('has Idul Fitri 1447 H on 21–22 March with its cuti bersama, and Nyepi the day before', () => {
    const march = holidayCalendar(2026).filter((d) => d.date.startsWith('2026-03'));
    expect(march.map((d) => [d.date, d.kind])).toEqual([
      ['2026-03-18', 'cuti_bersama'],
      ['2026-03-19', 'nasional'],
      ['2026-03-20', 'cuti_bersama'],
      ['2026-03-21', 'nasional'],
      ['2026-03-22', 'nasional'],
      ['2026-03-23', 'cuti_bersama'],
      ['2026-03-24', 'cuti_bersama'],
    ]);
    expect(march.find((d) => d.date === '2026-03-19')?.name).toMatch(/Nyepi/);
    expect(march.find((d) => d.date === '2026-03-21')?.name).toMatch(/Idul Fitri 1447/);
  });

  it("names the 27 Rajab holiday Isra Mi'raj, not a second Maulid", () => {
    const names = holidayCalendar(2026).map((d) => d.name);
    expect(names.filter((n) => n.includes('Maulid'))).toHaveLength(1);
    expect(holidayCalendar(2026).find((d) => d.date === '2026-01-16')?.name).toMatch(/Isra Mi'raj/);
  });

  it('has the national holidays of the decree and nothing the library adds beyond them', () => {
    const national = holidayCalendar(2026)
      .filter((d) => d.kind === 'nasional')
      .map((d) => d.date);
    expect(national).toEqual([
      '2026-01-01',
      '2026-01-16',
      '2026-02-17',
      '2026-03-19',
      '2026-03-21',
      '2026-03-22',
      '2026-04-03',
      '2026-04-05',
      '2026-05-01',
      '2026-05-14',
      '2026-05-27',
      '2026-05-31',
      '2026-06-01',
      '2026-06-16',
      '2026-08-17',
      '2026-08-25',
      '2026-12-25',
    ]);
  });

  it("takes the 2025 decree's Idul Fitri (31 March–1 April) over the library's computed 30–31 March", () => {
    const lebaran = holidayCalendar(2025).filter(
      (d) => d.date >= '2025-03-28' && d.date <= '2025-04-07',
    );
    expect(lebaran.map((d) => [d.date, d.kind])).toEqual([
      ['2025-03-28', 'cuti_bersama'],
      ['2025-03-29', 'nasional'],
      ['2025-03-31', 'nasional'],
      ['2025-04-01', 'nasional'],
      ['2025-04-02', 'cuti_bersama'],
      ['2025-04-03', 'cuti_bersama'],
      ['2025-04-04', 'cuti_bersama'],
      ['2025-04-07', 'cuti_bersama'],
    ]);
  });

  it('lists no cuti bersama for a year whose decree is not in the repository', () => {
    expect(holidayCalendar(2027).filter((d) => d.kind === 'cuti_bersama')).toEqual([]);
    expect(holidayCalendar(2027).map((d) => d.date)).toContain('2027-12-25');
  });
});

describe('due dates across the holidays', () => {
  it('a 3-day request filed on Tuesday 17 March 2026 is due after the whole Lebaran break', () => {
    // 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21–22 Idul Fitri, 23–24 cuti: Wed 25, Thu 26, Fri 27.
    expect(dueDay('2026-03-17T10:00:00', 3)).toBe('2026-03-27');
    expect(dueDay('2026-03-17T10:00:00', 1)).toBe('2026-03-25');
  });

  it('a 3-day request filed on 24 December 2026 (cuti bersama) is due on 30 December', () => {
    // 25 Natal, 26–27 weekend: Mon 28, Tue 29, Wed 30.
    expect(dueDay('2026-12-24T08:00:00', 3)).toBe('2026-12-30');
  });

  it('a 5-day request filed on 30 December 2026 crosses New Year and is due on 8 January', () => {
    // 31 Thu, 1 Jan holiday, 2–3 weekend, 4 Mon, 5 Tue Isra Mi'raj, 6 Wed, 7 Thu, 8 Fri.
    expect(holidays.has('2027-01-05')).toBe(true);
    expect(dueDay('2026-12-30T15:00:00', 5)).toBe('2027-01-08');
  });
});

describe('pauses count working days', () => {
  it('a pause within one day, or from Friday to Saturday, gives no day back', () => {
    expect(
      workingDaysBetween(wib('2026-11-23T09:00:00'), wib('2026-11-23T16:00:00'), holidays),
    ).toBe(0);
    expect(
      workingDaysBetween(wib('2026-11-27T16:00:00'), wib('2026-11-28T10:00:00'), holidays),
    ).toBe(0);
    expect(
      workingDaysBetween(wib('2026-11-27T16:00:00'), wib('2026-11-30T08:00:00'), holidays),
    ).toBe(1);
  });

  it('a pause over the Lebaran week counts only the working days in it', () => {
    // Paused Mon 16 March, resumed Thu 26 March: Tue 17, Wed 25, Thu 26.
    expect(
      workingDaysBetween(wib('2026-03-16T10:00:00'), wib('2026-03-26T09:00:00'), holidays),
    ).toBe(3);
  });

  it('moves a due date by the paused working days, keeping its time of day', () => {
    const due = wib('2026-03-18T23:59:59.999');
    const moved = shiftByPausedWorkingDays(
      due,
      wib('2026-03-16T10:00:00'),
      wib('2026-03-26T09:00:00'),
      holidays,
    );
    // Three working days after 18 March: 25, 26, 27.
    expect(moved.toISOString()).toBe(wib('2026-03-27T23:59:59.999').toISOString());
  });

  it('leaves the due date alone when the pause covered no working day', () => {
    const due = wib('2026-12-30T23:59:59.999');
    const paused = wib('2026-12-24T10:00:00');
    expect(shiftByPausedWorkingDays(due, paused, wib('2026-12-27T20:00:00'), holidays)).toBe(due);
  });
});

describe('working time between two instants', () => {
  const HOUR = 3_600_000;
  const hours = (from: string, to: string) => workingMsBetween(wib(from), wib(to), holidays) / HOUR;

  it('counts only the hours that fall on working days', () => {
    expect(hours('2026-11-23T09:00:00', '2026-11-23T16:30:00')).toBe(7.5);
    // Friday 18:00 to Monday 06:00: 6 h of Friday and 6 h of Monday.
    expect(hours('2026-11-27T18:00:00', '2026-11-30T06:00:00')).toBe(12);
    expect(hours('2026-11-28T08:00:00', '2026-11-29T20:00:00')).toBe(0);
  });

  it('adds nothing for Nyepi, Lebaran and their cuti bersama', () => {
    // Tue 17 March 12:00 to Wed 25 March 12:00: half of the 17th and half of the 25th.
    expect(hours('2026-03-17T12:00:00', '2026-03-25T12:00:00')).toBe(24);
  });

  it('adds nothing for Christmas, its cuti bersama and New Year', () => {
    // Wed 23 December 12:00 to Monday 4 January 12:00: 23rd (12 h), 28–31 December (96 h), 4th (12 h).
    expect(hours('2026-12-23T12:00:00', '2027-01-04T12:00:00')).toBe(120);
  });

  it('is zero for an empty or backwards span', () => {
    expect(hours('2026-11-23T09:00:00', '2026-11-23T09:00:00')).toBe(0);
    expect(hours('2026-11-24T09:00:00', '2026-11-23T09:00:00')).toBe(0);
  });
});
