/**
 * How long residents waited, counted in SQL without loading a row per ticket
 * or joining a ticket to its events: from the ticket's own first-response and
 * resolution moments (ticket-milestones.ts), the database groups the tickets
 * by (day filed, day answered) in Jakarta time, which are a few thousand pairs
 * at most even over a year, and the working days between the two days are
 * counted here (holidays live in memory). A ticket answered on the day it was filed took 0 working days;
 * one filed on Friday and answered on Monday took 1.
 */

import type { HolidaySet } from '../core/working-days.ts';
import { isWorkingDay, nextDay } from '../core/working-days.ts';
import type { Db, Tx } from '../store/database.ts';
import type { ReportQuery } from './report-figures.ts';
import { dayOfNumber, reportRows, scopeSql, sqlFor } from './report-sql.ts';

/** `n` tickets filed on Jakarta day `from` and answered on day `to` (`YYYY-MM-DD`). */
export interface DayPair {
  from: string;
  to: string;
  n: number;
}

export interface Durations {
  firstResponse: DayPair[];
  resolution: DayPair[];
  /** resolutions in the period of tickets that had an SLA due date */
  resolved: number;
  /** of those, resolved by the due date */
  withinSla: number;
}

export async function resolutionFigures(prisma: Db | Tx, query: ReportQuery): Promise<Durations> {
  const [firstResponse, resolution] = await Promise.all([
    firstResponsePairs(prisma, query),
    resolutionPairs(prisma, query),
  ]);
  return {
    firstResponse,
    resolution: resolution.map(({ from, to, n }) => ({ from, to, n })),
    resolved: resolution.reduce((sum, r) => sum + r.withSla, 0),
    withinSla: resolution.reduce((sum, r) => sum + r.withinSla, 0),
  };
}

/** Tickets filed in the period, by filing day and the day of the first staff action on them. */
async function firstResponsePairs(prisma: Db | Tx, query: ReportQuery): Promise<DayPair[]> {
  const sql = sqlFor(prisma);
  const text = `SELECT ${sql.dayNumber('t."createdAt"')} AS d1, ${sql.dayNumber('t."firstRespondedAt"')} AS d2, COUNT(*) AS n
    FROM "Ticket" t
    WHERE t."createdAt" >= ${sql.param(query.from)} AND t."createdAt" < ${sql.param(query.to)}
      AND t."firstRespondedAt" IS NOT NULL${scopeSql(sql, query, 't')}
    GROUP BY 1, 2`;
  const rows = await reportRows<{ d1: bigint | number; d2: bigint | number; n: bigint | number }>(
    prisma,
    sql,
    text,
  );
  return rows.map((r) => ({
    from: dayOfNumber(Number(r.d1)),
    to: dayOfNumber(Number(r.d2)),
    n: Number(r.n),
  }));
}

/**
 * Tickets last resolved in the period, by filing day and resolution day, with
 * how many met the SLA. A ticket reopened and resolved again counts once, at
 * its last resolution.
 */
async function resolutionPairs(
  prisma: Db | Tx,
  query: ReportQuery,
): Promise<(DayPair & { withSla: number; withinSla: number })[]> {
  const sql = sqlFor(prisma);
  const text = `SELECT ${sql.dayNumber('t."createdAt"')} AS d1, ${sql.dayNumber('t."resolvedAt"')} AS d2, COUNT(*) AS n,
      SUM(CASE WHEN t."slaDueAt" IS NULL THEN 0 ELSE 1 END) AS "withSla",
      SUM(CASE WHEN t."resolvedAt" <= t."slaDueAt" THEN 1 ELSE 0 END) AS "withinSla"
    FROM "Ticket" t
    WHERE t."resolvedAt" >= ${sql.param(query.from)} AND t."resolvedAt" < ${sql.param(query.to)}${scopeSql(sql, query, 't')}
    GROUP BY 1, 2`;
  const rows = await reportRows<{
    d1: bigint | number;
    d2: bigint | number;
    n: bigint | number;
    withSla: unknown;
    withinSla: unknown;
  }>(prisma, sql, text);
  return rows.map((r) => ({
    from: dayOfNumber(Number(r.d1)),
    to: dayOfNumber(Number(r.d2)),
    n: Number(r.n),
    withSla: Number(r.withSla ?? 0),
    withinSla: Number(r.withinSla ?? 0),
  }));
}

/**
 * The median of working days over day pairs, each weighing its `n` tickets.
 * An even count gives the mean of the two middle values (so 0.5 is possible).
 */
export function medianWorkingDays(pairs: DayPair[], holidays: HolidaySet): number | null {
  const total = pairs.reduce((sum, p) => sum + p.n, 0);
  if (total === 0) return null;
  const counted = workingDayCounter(pairs, holidays);
  const values = pairs
    .map((p) => ({ days: counted(p.from, p.to), n: p.n }))
    .sort((a, b) => a.days - b.days);
  const kth = (k: number) => {
    let seen = 0;
    for (const v of values) {
      seen += v.n;
      if (k < seen) return v.days;
    }
    return values[values.length - 1]?.days ?? 0;
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? kth(middle) : (kth(middle - 1) + kth(middle)) / 2;
}

/** Working days `d` with `from < d <= to`, by a running count over the days the pairs span. */
function workingDayCounter(
  pairs: DayPair[],
  holidays: HolidaySet,
): (from: string, to: string) => number {
  let first = pairs[0]?.from ?? '';
  let last = first;
  for (const p of pairs) {
    if (p.from < first) first = p.from;
    if (p.to > last) last = p.to;
  }
  const running = new Map<string, number>();
  let count = 0;
  for (let day = first; day <= last; day = nextDay(day)) {
    if (isWorkingDay(day, holidays)) count += 1;
    running.set(day, count);
  }
  return (from, to) => Math.max(0, (running.get(to) ?? 0) - (running.get(from) ?? 0));
}
