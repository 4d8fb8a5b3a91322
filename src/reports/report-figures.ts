/**
 * The figures of a report: how many residents asked for help in a period,
 * how fast they were answered and helped, by which partners, and where.
 * Aggregates only: no name, NIK, KK, phone number or ticket code appears here,
 * so the same figures can be shown in a group chat, a CSV or the dashboard.
 */
import type { Prisma } from '../../prisma/generated/sqlite/index.js';
import type { HolidaySet } from '../core/working-days.ts';
import type { Db, Tx } from '../store/database.ts';
import { medianWorkingDays, resolutionFigures } from './report-durations.ts';
import type { ReportScope } from './report-scope.ts';
import { reportRows, scopeSql, sqlFor, ticketJoin } from './report-sql.ts';

export interface ReportQuery {
  scope: ReportScope;
  /** Start of the period (inclusive). */
  from: Date;
  /** End of the period (exclusive). */
  to: Date;
  /** Narrows to tickets whose desa/kecamatan code starts with this (Kemendagri code prefix). */
  areaCode?: string;
}

export interface ServiceFigure {
  code: string;
  /** Indonesian name; `names` has every language. */
  name: string;
  names: { id: string; su: string; en: string };
  opened: number;
  closed: number;
}

export interface AreaFigure {
  code: string;
  name: string;
  opened: number;
}

export interface ReferralCounts {
  /** Referrals sent in the period. */
  sent: number;
  /** Accepted by the partner in the period. */
  accepted: number;
  /** Declined by the partner in the period. */
  declined: number;
  /** Outcome reported (SELESAI) in the period. */
  completed: number;
}

export interface PartnerReferralFigure extends ReferralCounts {
  partnerCode: string;
  partnerName: string;
  sector: string;
}

export interface SectorReferralFigure extends ReferralCounts {
  sector: string;
}

export interface TopicFigure {
  topic: string;
  count: number;
}

export interface ReportFigures {
  /** Tickets filed in the period. */
  opened: number;
  /** Tickets closed (closedAt) in the period. */
  closed: number;
  /** Tickets open now in scope, by status (statuses with none are left out). */
  openByStatus: Record<string, number>;
  byService: ServiceFigure[];
  byArea: { kecamatan: AreaFigure[]; desa: AreaFigure[] };
  /**
   * Of the tickets last resolved in the period (the unit moved them to
   * SELESAI or DITOLAK, where the SLA clock stops; a reopened ticket counts
   * at its last resolution) that have an SLA due date: the % made by that due
   * date; null if none.
   */
  slaCompliancePct: number | null;
  /** Of tickets filed in the period: median working days to the first staff action; null if none. */
  medianFirstResponseWorkingDays: number | null;
  /** Of the tickets last resolved in the period: median working days from filing; null if none. */
  medianResolutionWorkingDays: number | null;
  /** Escalation events in the period. */
  escalations: number;
  referralsByPartner: PartnerReferralFigure[];
  referralsBySector: SectorReferralFigure[];
  /** Average resident rating (1–5) given in the period; null if none. */
  satisfactionAvg: number | null;
  ratingsCount: number;
  /** Complaints (pengaduan) filed in the period, by topic. */
  complaintsByTopic: TopicFigure[];
}

/** Statuses after which nobody works the ticket any more. */
export const FINAL_STATUSES = ['DITUTUP', 'DITOLAK'];

/** A complaint filed without a topic is counted under this one. */
export const NO_TOPIC = 'lainnya';

export async function computeReport(
  prisma: Db | Tx,
  query: ReportQuery,
  holidays: HolidaySet,
): Promise<ReportFigures> {
  const inScope = ticketWhere(query);
  const period = { gte: query.from, lt: query.to };
  const [
    opened,
    closed,
    openByStatus,
    byService,
    byArea,
    durations,
    escalations,
    referrals,
    satisfaction,
    complaintsByTopic,
  ] = await Promise.all([
    prisma.ticket.count({ where: { ...inScope, createdAt: period } }),
    prisma.ticket.count({ where: { ...inScope, closedAt: period } }),
    openStatuses(prisma, inScope),
    serviceFigures(prisma, inScope, period),
    areaFigures(prisma, inScope, period),
    resolutionFigures(prisma, query),
    escalationCount(prisma, query),
    referralFigures(prisma, query),
    ratingFigures(prisma, query),
    topicFigures(prisma, inScope, period),
  ]);
  const ratingsCount = satisfaction.count;
  return {
    opened,
    closed,
    openByStatus,
    byService,
    byArea,
    slaCompliancePct:
      durations.resolved === 0 ? null : round1((100 * durations.withinSla) / durations.resolved),
    medianFirstResponseWorkingDays: medianWorkingDays(durations.firstResponse, holidays),
    medianResolutionWorkingDays: medianWorkingDays(durations.resolution, holidays),
    escalations,
    referralsByPartner: referrals.byPartner,
    referralsBySector: referrals.bySector,
    satisfactionAvg: ratingsCount === 0 ? null : round2(satisfaction.sum / ratingsCount),
    ratingsCount,
    complaintsByTopic,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The tickets a query counts, as a Prisma filter (empty for admin without an area). */
export function ticketWhere(
  query: Pick<ReportQuery, 'scope' | 'areaCode'>,
): Prisma.TicketWhereInput {
  return {
    ...(query.scope.unitIds === 'all' ? {} : { unitId: { in: query.scope.unitIds } }),
    ...(query.areaCode ? { areaCode: { startsWith: query.areaCode } } : {}),
  };
}

type Period = { gte: Date; lt: Date };

async function openStatuses(
  prisma: Db | Tx,
  inScope: Prisma.TicketWhereInput,
): Promise<Record<string, number>> {
  const rows = await prisma.ticket.groupBy({
    by: ['status'],
    where: { ...inScope, status: { notIn: FINAL_STATUSES } },
    _count: { _all: true },
  });
  return Object.fromEntries(
    rows.sort((a, b) => a.status.localeCompare(b.status)).map((r) => [r.status, r._count._all]),
  );
}

async function serviceFigures(
  prisma: Db | Tx,
  inScope: Prisma.TicketWhereInput,
  period: Period,
): Promise<ServiceFigure[]> {
  const [opened, closed] = await Promise.all([
    prisma.ticket.groupBy({
      by: ['serviceCode'],
      where: { ...inScope, serviceCode: { not: null }, createdAt: period },
      _count: { _all: true },
    }),
    prisma.ticket.groupBy({
      by: ['serviceCode'],
      where: { ...inScope, serviceCode: { not: null }, closedAt: period },
      _count: { _all: true },
    }),
  ]);
  const codes = [...new Set([...opened, ...closed].map((r) => r.serviceCode as string))];
  if (codes.length === 0) return [];
  const services = await prisma.service.findMany({
    where: { code: { in: codes } },
    select: { code: true, nameId: true, nameSu: true, nameEn: true, sortOrder: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  const count = (rows: typeof opened, code: string) =>
    rows.find((r) => r.serviceCode === code)?._count._all ?? 0;
  return services.map((s) => ({
    code: s.code,
    name: s.nameId,
    names: { id: s.nameId, su: s.nameSu, en: s.nameEn },
    opened: count(opened, s.code),
    closed: count(closed, s.code),
  }));
}

/** Opened tickets by desa, and by kecamatan (a desa's tickets count for its kecamatan too). */
async function areaFigures(
  prisma: Db | Tx,
  inScope: Prisma.TicketWhereInput,
  period: Period,
): Promise<ReportFigures['byArea']> {
  const rows = await prisma.ticket.groupBy({
    by: ['areaCode'],
    where: { AND: [inScope, { areaCode: { not: null } }], createdAt: period },
    _count: { _all: true },
  });
  const areas = await prisma.area.findMany({
    where: { code: { in: rows.map((r) => r.areaCode as string) } },
    select: { code: true, name: true, level: true, parent: { select: { code: true, name: true } } },
  });
  const desa = new Map<string, AreaFigure>();
  const kecamatan = new Map<string, AreaFigure>();
  const add = (into: Map<string, AreaFigure>, code: string, name: string, n: number) => {
    const figure = into.get(code) ?? { code, name, opened: 0 };
    figure.opened += n;
    into.set(code, figure);
  };
  for (const row of rows) {
    const area = areas.find((a) => a.code === row.areaCode);
    if (!area) continue;
    const n = row._count._all;
    if (area.level === 'kecamatan') add(kecamatan, area.code, area.name, n);
    if (area.level !== 'desa_kelurahan') continue;
    add(desa, area.code, area.name, n);
    if (area.parent) add(kecamatan, area.parent.code, area.parent.name, n);
  }
  const sorted = (figures: Map<string, AreaFigure>) =>
    [...figures.values()].sort((a, b) => b.opened - a.opened || a.code.localeCompare(b.code));
  return { kecamatan: sorted(kecamatan), desa: sorted(desa) };
}

/** Escalation events in the period. */
async function escalationCount(prisma: Db | Tx, query: ReportQuery): Promise<number> {
  const sql = sqlFor(prisma);
  const [row] = await reportRows<{ n: bigint | number }>(
    prisma,
    sql,
    `SELECT COUNT(*) AS n FROM "TicketEvent" e${ticketJoin(query, 'e')}
    WHERE e."type" = 'escalated' AND e."createdAt" >= ${sql.param(query.from)} AND e."createdAt" < ${sql.param(query.to)}${scopeSql(sql, query, 't')}`,
  );
  return Number(row?.n ?? 0);
}

/** The ratings (1–5) given in the period: their sum and count (rows carry their ticket's unit and area). */
async function ratingFigures(
  prisma: Db | Tx,
  query: ReportQuery,
): Promise<{ sum: number; count: number }> {
  const sql = sqlFor(prisma);
  const [row] = await reportRows<{ total: unknown; n: bigint | number }>(
    prisma,
    sql,
    `SELECT SUM(f."rating") AS total, COUNT(f."rating") AS n FROM "Feedback" f
    WHERE f."createdAt" >= ${sql.param(query.from)} AND f."createdAt" < ${sql.param(query.to)}
      AND f."rating" IS NOT NULL${scopeSql(sql, query, 'f')}`,
  );
  return { sum: Number(row?.total ?? 0), count: Number(row?.n ?? 0) };
}

type ReferralMetric = keyof ReferralCounts;

async function referralFigures(
  prisma: Db | Tx,
  query: ReportQuery,
): Promise<{ byPartner: PartnerReferralFigure[]; bySector: SectorReferralFigure[] }> {
  const sql = sqlFor(prisma);
  // One pass per moment (sent, answered, completed), each on its own index;
  // a referral carries its ticket's unit and area, so no pass joins the ticket.
  // A referral accepted in the period counts as accepted even if it was completed or cancelled later.
  const during = (column: string) =>
    `FROM "Referral" r
      WHERE r."${column}" >= ${sql.param(query.from)} AND r."${column}" < ${sql.param(query.to)}${scopeSql(sql, query, 'r')}`;
  const rows = await reportRows<{ partnerId: string; metric: ReferralMetric; n: bigint | number }>(
    prisma,
    sql,
    `SELECT r."partnerId" AS "partnerId", 'sent' AS metric, COUNT(*) AS n ${during('createdAt')}
      GROUP BY r."partnerId"
    UNION ALL
    SELECT r."partnerId", CASE WHEN r."status" = 'DITOLAK' THEN 'declined' ELSE 'accepted' END, COUNT(*) ${during('respondedAt')}
      GROUP BY r."partnerId", CASE WHEN r."status" = 'DITOLAK' THEN 'declined' ELSE 'accepted' END
    UNION ALL
    SELECT r."partnerId", 'completed', COUNT(*) ${during('completedAt')} AND r."status" = 'SELESAI'
      GROUP BY r."partnerId"`,
  );
  const ids = [...new Set(rows.map((r) => r.partnerId))];
  if (ids.length === 0) return { byPartner: [], bySector: [] };
  const partners = await prisma.partner.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true, sector: true },
    orderBy: { code: 'asc' },
  });
  const count = (id: string, metric: ReferralMetric) =>
    rows
      .filter((r) => r.partnerId === id && r.metric === metric)
      .reduce((sum, r) => sum + Number(r.n), 0);
  const byPartner = partners.map((p) => ({
    partnerCode: p.code,
    partnerName: p.name,
    sector: p.sector,
    sent: count(p.id, 'sent'),
    accepted: count(p.id, 'accepted'),
    declined: count(p.id, 'declined'),
    completed: count(p.id, 'completed'),
  }));
  const sectors = new Map<string, SectorReferralFigure>();
  for (const p of byPartner) {
    const s = sectors.get(p.sector) ?? {
      sector: p.sector,
      sent: 0,
      accepted: 0,
      declined: 0,
      completed: 0,
    };
    s.sent += p.sent;
    s.accepted += p.accepted;
    s.declined += p.declined;
    s.completed += p.completed;
    sectors.set(p.sector, s);
  }
  return {
    byPartner,
    bySector: [...sectors.values()].sort((a, b) => a.sector.localeCompare(b.sector)),
  };
}

async function topicFigures(
  prisma: Db | Tx,
  inScope: Prisma.TicketWhereInput,
  period: Period,
): Promise<TopicFigure[]> {
  const rows = await prisma.ticket.groupBy({
    by: ['topic'],
    where: { ...inScope, kind: 'pengaduan', createdAt: period },
    _count: { _all: true },
  });
  const topics = new Map<string, number>();
  for (const row of rows) {
    const topic = row.topic ?? NO_TOPIC;
    topics.set(topic, (topics.get(topic) ?? 0) + row._count._all);
  }
  return [...topics]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}
