/**
 * The Holiday table as the desk and the admin CLI use it. A row's `kind` is
 * `nasional`, `cuti_bersama` or `lokal` for a day off, or `dihapus` for a day
 * an admin removed: the row stays so the seed, which only adds missing dates,
 * never brings the day back.
 */
import { z } from 'zod';
import type { HolidaySet } from '../core/working-days.ts';
import type { Db, Tx } from '../store/database.ts';

export const DAY_OFF_KINDS = ['nasional', 'cuti_bersama', 'lokal'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];
export const REMOVED_KIND = 'dihapus';

export const holidayDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to 2 March (or gives NaN): the round trip must hold.
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
  }, 'no such date');

export const holidayInput = z.object({
  date: holidayDate,
  name: z.string().trim().min(1, 'name is empty').max(120, 'name is longer than 120 characters'),
  kind: z.enum(DAY_OFF_KINDS),
});
export type HolidayInput = z.infer<typeof holidayInput>;

export interface HolidayRow {
  date: string;
  name: string;
  kind: string;
}

/** Days off from `fromDay` on (all if omitted), for working-day counting. */
export async function loadHolidaySet(prisma: Db | Tx, fromDay?: string): Promise<HolidaySet> {
  const rows = await prisma.holiday.findMany({
    where: { kind: { not: REMOVED_KIND }, ...(fromDay ? { date: { gte: fromDay } } : {}) },
    select: { date: true },
  });
  return new Set(rows.map((r) => r.date));
}

/** Rows of one year in date order, removed days (kind `dihapus`) included. */
export function listHolidays(prisma: Db, year: number): Promise<HolidayRow[]> {
  return prisma.holiday.findMany({
    where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: { date: 'asc' },
  });
}

/** Adds a day off, or renames or restores it; returns the row it replaced. */
export async function addHoliday(prisma: Db, input: HolidayInput): Promise<HolidayRow | null> {
  const before = await prisma.holiday.findUnique({ where: { date: input.date } });
  await prisma.holiday.upsert({ where: { date: input.date }, create: input, update: input });
  return before;
}

/**
 * Marks a day as a working day. `fromCalendar` is the day as the seed would
 * add it later (a year not loaded yet), so it is remembered as removed too.
 * Returns the removed row, or null when the day was not a day off.
 */
export async function removeHoliday(
  prisma: Db,
  date: string,
  fromCalendar?: HolidayRow,
): Promise<HolidayRow | null> {
  const before = (await prisma.holiday.findUnique({ where: { date } })) ?? fromCalendar ?? null;
  if (!before || before.kind === REMOVED_KIND) return null;
  await prisma.holiday.upsert({
    where: { date },
    create: { date, name: before.name, kind: REMOVED_KIND },
    update: { kind: REMOVED_KIND },
  });
  return before;
}
