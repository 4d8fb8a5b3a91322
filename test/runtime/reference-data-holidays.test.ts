/**
 * A running desk keeps its holidays in memory; an admin's edit from the CLI
 * (another process) must reach it without a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addHoliday, removeHoliday } from '../../src/holidays/holiday-records.ts';
import { HOLIDAY_REFRESH_MS, ReferenceData } from '../../src/runtime/reference-data.ts';
import { seedHolidays } from '../../src/seed/seed-holidays.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe('ReferenceData holidays', () => {
  let t: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    await t.db.prisma.$transaction((tx) => seedHolidays(tx, new Date('2026-06-01T00:00:00Z')));
  });
  afterAll(() => t.drop());
  afterEach(() => vi.useRealTimers());

  it('picks up an added and a removed day once its copy is older than the refresh interval', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const ref = await ReferenceData.load(t.db.prisma);
    expect(ref.holidays.has('2026-12-24')).toBe(true);

    await addHoliday(t.db.prisma, {
      date: '2026-12-31',
      name: 'Cuti bersama',
      kind: 'cuti_bersama',
    });
    await removeHoliday(t.db.prisma, '2026-12-24');
    // Within the interval the desk still uses what it loaded: no query per turn.
    vi.advanceTimersByTime(HOLIDAY_REFRESH_MS - 1_000);
    expect(ref.holidays.has('2026-12-31')).toBe(false);

    vi.advanceTimersByTime(2_000);
    // The first read after the interval still answers at once and reloads in the background.
    expect(ref.holidays.has('2026-12-31')).toBe(false);
    await vi.waitFor(() => expect(ref.holidays.has('2026-12-31')).toBe(true));

    expect(ref.holidays.has('2026-12-24')).toBe(false);
  });
});
