/**
 * Raw SQL for the report figures that Prisma's query builder makes slow: a
 * relation filter (`where: { ticket: { unitId: { in } } }`) becomes
 * `ticketId IN (SELECT id FROM Ticket WHERE …)`, which reads every ticket of
 * the scope whatever the period, where a join reads only the period's rows.
 * One text serves both databases; only the parameter markers and the
 * Jakarta-day expression differ.
 */
import type { Db, Tx } from '../store/database.ts';
import type { ReportQuery } from './report-figures.ts';

export interface Sql {
  /**
   * The Jakarta calendar day of a timestamp expression, as days since
   * 1970-01-01 (see dayOfNumber): grouping a year of tickets by an integer is
   * three times faster on SQLite than by a date string.
   */
  dayNumber(expr: string): string;
  param(value: unknown): string;
  params: unknown[];
}

/** Jakarta is UTC+7 all year (no daylight saving). */
const JAKARTA_OFFSET_S = 7 * 3600;

/** `YYYY-MM-DD` of a day number from `dayNumber`. */
export function dayOfNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function sqlFor(prisma: Db | Tx): Sql {
  const postgres =
    (prisma as unknown as { _activeProvider: string })._activeProvider === 'postgresql';
  const params: unknown[] = [];
  return {
    dayNumber: (expr) =>
      postgres
        ? `((${expr} + interval '${JAKARTA_OFFSET_S} seconds')::date - DATE '1970-01-01')`
        : `((unixepoch(${expr}) + ${JAKARTA_OFFSET_S}) / 86400)`,
    param(value) {
      params.push(value);
      return postgres ? `$${params.length}` : '?';
    },
    params,
  };
}

/** The report's scope as `AND …` conditions on the ticket aliased `alias` (empty for admin-wide). */
export function scopeSql(
  sql: Sql,
  query: Pick<ReportQuery, 'scope' | 'areaCode'>,
  alias: string,
): string {
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

function needsTicket(query: Pick<ReportQuery, 'scope' | 'areaCode'>): boolean {
  return query.scope.unitIds !== 'all' || query.areaCode !== undefined;
}

/**
 * Joins the ticket `t` of rows aliased `alias` (events, referrals, ratings)
 * when the scope needs it; admin-wide figures need no ticket at all. Which
 * side the join reads first is the planner's choice from table statistics
 * (database.ts keeps SQLite's): a desa's year reads its tickets first, a
 * kecamatan's month the period's rows.
 */
export function ticketJoin(query: Pick<ReportQuery, 'scope' | 'areaCode'>, alias: string): string {
  return needsTicket(query) ? ` JOIN "Ticket" t ON t."id" = ${alias}."ticketId"` : '';
}

/** Runs a report query; counts come back as bigint from some drivers, so callers use Number(). */
export function reportRows<T>(prisma: Db | Tx, sql: Sql, text: string): Promise<T[]> {
  return prisma.$queryRawUnsafe<T[]>(text, ...sql.params);
}
