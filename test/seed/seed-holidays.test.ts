/**
 * The seed loads the days off of the year before, this year and the next,
 * once, and keeps whatever an admin changed since.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addHoliday,
  listHolidays,
  loadHolidaySet,
  removeHoliday,
} from '../../src/holidays/holiday-records.ts';
import { seedHolidays } from '../../src/seed/seed-holidays.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;

// Late on 31 December 2025 UTC is already 1 January 2026 in Jakarta.
const NOW = new Date('2025-12-31T18:00:00Z');

describe.each(PROVIDERS)('seeding holidays (%s)', (provider) => {
  let t: TestDb;
  const seedOnce = () => t.db.prisma.$transaction((tx) => seedHolidays(tx, NOW));
  beforeAll(async () => {
    t = await openTestDatabase(provider);
  });
  afterAll(() => t.drop());

  it('loads 2025, 2026 and 2027 (the Jakarta year of "now" and either side)', async () => {
    const created = await seedOnce();

    const years = await t.db.prisma.holiday.groupBy({
      by: ['kind'],
      _count: true,
      where: { date: { startsWith: '2026' } },
    });
    expect(Object.fromEntries(years.map((y) => [y.kind, y._count]))).toEqual({
      nasional: 17,
      cuti_bersama: 8,
    });
    expect(created).toBe(await t.db.prisma.holiday.count());
    expect(await t.db.prisma.holiday.count({ where: { date: { startsWith: '2024' } } })).toBe(0);
    expect(
      await t.db.prisma.holiday.count({ where: { date: { startsWith: '2027' } } }),
    ).toBeGreaterThan(10);
    expect(await t.db.prisma.holiday.findUnique({ where: { date: '2025-04-07' } })).toMatchObject({
      kind: 'cuti_bersama',
      name: 'Cuti bersama Idul Fitri 1446 H',
    });
  });

  it('adds nothing when it runs again', async () => {
    const before = await t.db.prisma.holiday.findMany({ orderBy: { date: 'asc' } });

    expect(await seedOnce()).toBe(0);
    expect(await t.db.prisma.holiday.findMany({ orderBy: { date: 'asc' } })).toEqual(before);
  });

  it("keeps an admin's removal, rename and local day off through the next seed", async () => {
    await removeHoliday(t.db.prisma, '2026-12-24');
    await addHoliday(t.db.prisma, { date: '2026-12-25', name: 'Natal', kind: 'nasional' });
    await addHoliday(t.db.prisma, { date: '2026-12-31', name: 'Hari jadi', kind: 'lokal' });

    expect(await seedOnce()).toBe(0);

    const december = (await listHolidays(t.db.prisma, 2026)).filter((d) => d.kind !== 'dihapus');
    expect(
      december.filter((d) => d.date >= '2026-12-01').map((d) => [d.date, d.name, d.kind]),
    ).toEqual([
      ['2026-12-25', 'Natal', 'nasional'],
      ['2026-12-31', 'Hari jadi', 'lokal'],
    ]);
    const set = await loadHolidaySet(t.db.prisma);
    expect(set.has('2026-12-24')).toBe(false);
    expect(set.has('2026-12-31')).toBe(true);
  });

  it('remembers the removal of a day in a year the seed has not loaded yet', async () => {
    const removed = await removeHoliday(t.db.prisma, '2028-01-01', {
      date: '2028-01-01',
      name: 'Hari tahun baru',
      kind: 'nasional',
    });
    expect(removed?.kind).toBe('nasional');

    await t.db.prisma.$transaction((tx) => seedHolidays(tx, new Date('2027-06-01T00:00:00Z')));

    expect((await loadHolidaySet(t.db.prisma, '2028-01-01')).has('2028-01-01')).toBe(false);
    expect((await loadHolidaySet(t.db.prisma, '2028-01-01')).has('2028-12-25')).toBe(true);
  });
});
