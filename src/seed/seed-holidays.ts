/**
 * Loads the days off of the current year and the years either side. Only
 * missing dates are added: a day an admin renamed, added or removed (kept as
 * kind `dihapus`) is left exactly as the admin left it.
 */
import { jakartaDay } from '../core/working-days.ts';
import { holidayCalendar } from '../holidays/holiday-calendar.ts';
import type { Tx } from '../store/database.ts';

export async function seedHolidays(tx: Tx, now: Date): Promise<number> {
  const year = Number(jakartaDay(now).slice(0, 4));
  const days = [year - 1, year, year + 1].flatMap(holidayCalendar);
  const known = new Set(
    (
      await tx.holiday.findMany({
        where: { date: { gte: `${year - 1}-01-01`, lte: `${year + 1}-12-31` } },
        select: { date: true },
      })
    ).map((h) => h.date),
  );
  const missing = days.filter((d) => !known.has(d.date));
  if (missing.length > 0) await tx.holiday.createMany({ data: missing });
  return missing.length;
}
