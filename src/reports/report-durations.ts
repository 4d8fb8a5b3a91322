/**
 * How long residents waited, counted in SQL without loading a row per ticket:
 * the database groups the tickets by (day filed, day answered) in Jakarta
 * time, which are a few thousand pairs at most even over a year, and the
 * working days between the two days are counted here (holidays live in
 * memory). A ticket answered on the day it was filed took 0 working days;
 * one filed on Friday and answered on Monday took 1.
 */

import type { HolidaySet } from '../core/working-days.ts';
import { isWorkingDay, nextDay } from '../core/working-days.ts';
import type { Db, Tx } from '../store/database.ts';
import type { ReportQuery } from './report-figures.ts';

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

/** Who answering a ticket counts as its first response (a partner or the system does not). */
const STAFF_KINDS = ['petugas', 'koordinator', 'admin'];
/** The unit finished the case: done (waiting for the resident's confirmation) or rejected. */
const RESOLVED_STATUSES = ['SELESAI', 'DITOLAK'];

interface Sql {
  /** the Jakarta calendar day of a timestamp expression, as `YYYY-MM-DD` */
  day(expr: string): string;
  param(value: unknown): string;
  params: unknown[];
}

function sqlFor(prisma: Db | Tx): Sql {
  const postgres =
    (prisma as unknown as { _activeProvider: string })._activeProvider === 'postgresql';
  const params: unknown[] = [];
  return {
    day: (expr) =>
      postgres
        ? `to_char(${expr} + interval '7 hours', 'YYYY-MM-DD')`
        : `date(${expr}, '+7 hours')`,
    param(value) {
      params.push(value);
      return postgres ? `$${params.length}` : '?';
    },
    params,
  };
}

function scopeSql(sql: Sql, query: Pick<ReportQuery, 'scope' | 'areaCode'>, alias: string): string {
  const parts: string[] = [];
  if (query.scope.unitIds !== 'all') {
    parts.push(
      query.scope.unitIds.length === 0
        ? '1 = 0'
        : `${alias}."unitId" IN (${query.scope.unitIds.map((id) => sql.param(id)).join(', ')})`,
    );
  }
  if (query.areaCode) parts.push(`${alias}."areaCode" LIKE ${sql.param(`${query.areaCode}%`)}`);
  return parts.map((p) => ` AND ${p}`).join('');
}

function list(sql: Sql, values: string[]): string {
  return values.map((v) => sql.param(v)).join(', ');
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
  const text = `SELECT d1, d2, COUNT(*) AS n FROM (
      SELECT ${sql.day('t."createdAt"')} AS d1, ${sql.day('MIN(e."createdAt")')} AS d2
      FROM "Ticket" t JOIN "TicketEvent" e ON e."ticketId" = t."id"
      WHERE t."createdAt" >= ${sql.param(query.from)} AND t."createdAt" < ${sql.param(query.to)}
        AND e."actorKind" IN (${list(sql, STAFF_KINDS)}) AND e."type" <> 'note'${scopeSql(sql, query, 't')}
      GROUP BY t."id", t."createdAt"
    ) answered GROUP BY d1, d2`;
  const rows = await prisma.$queryRawUnsafe<{ d1: string; d2: string; n: bigint | number }[]>(
    text,
    ...sql.params,
  );
  return rows.map((r) => ({ from: r.d1, to: r.d2, n: Number(r.n) }));
}

/** Resolutions in the period, by filing day and resolution day, with how many met the SLA. */
async function resolutionPairs(
  prisma: Db | Tx,
  query: ReportQuery,
): Promise<(DayPair & { withSla: number; withinSla: number })[]> {
  const sql = sqlFor(prisma);
  const text = `SELECT ${sql.day('t."createdAt"')} AS d1, ${sql.day('e."createdAt"')} AS d2, COUNT(*) AS n,
      SUM(CASE WHEN t."slaDueAt" IS NULL THEN 0 ELSE 1 END) AS "withSla",
      SUM(CASE WHEN e."createdAt" <= t."slaDueAt" THEN 1 ELSE 0 END) AS "withinSla"
    FROM "TicketEvent" e JOIN "Ticket" t ON t."id" = e."ticketId"
    WHERE e."toStatus" IN (${list(sql, RESOLVED_STATUSES)})
      AND e."createdAt" >= ${sql.param(query.from)} AND e."createdAt" < ${sql.param(query.to)}${scopeSql(sql, query, 't')}
    GROUP BY 1, 2`;
  const rows = await prisma.$queryRawUnsafe<
    { d1: string; d2: string; n: bigint | number; withSla: unknown; withinSla: unknown }[]
  >(text, ...sql.params);
  return rows.map((r) => ({
    from: r.d1,
    to: r.d2,
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
