/**
 * Cuti bersama come only from the yearly joint decree, which the desk cannot
 * fetch: until an admin enters them, SLA clocks count those days as working
 * days and reminders land on them. This says which years still lack them:
 * the current year always, the next one from October, when the decree is
 * usually out.
 *
 * @example
 * await yearsWithoutCutiBersama(prisma, new Date('2026-11-27')); // [2027] until its days are added
 */
import { jakartaDay } from '../core/working-days.ts';
import type { Db } from '../store/database.ts';

const DECREE_MONTH = 10;

export async function yearsWithoutCutiBersama(prisma: Db, now: Date): Promise<number[]> {
  const [year, month] = jakartaDay(now).split('-').map(Number) as [number, number];
  const years = month >= DECREE_MONTH ? [year, year + 1] : [year];
  const missing: number[] = [];
  for (const y of years) {
    const entered = await prisma.holiday.count({
      where: { kind: 'cuti_bersama', date: { gte: `${y}-01-01`, lte: `${y}-12-31` } },
    });
    if (entered === 0) missing.push(y);
  }
  return missing;
}
