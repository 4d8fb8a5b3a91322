/**
 * The figures of a report: how many residents asked for help in a period,
 * how fast they were answered and helped, by which partners, and where.
 * Aggregates only: no name, NIK, KK, phone number or ticket code appears here,
 * so the same figures can be shown in a group chat, a CSV or the dashboard.
 */
import type { HolidaySet } from '../core/working-days.ts';
import type { Db } from '../store/database.ts';
import type { ReportScope } from './report-scope.ts';

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
  /** Of tickets closed in the period that had an SLA due date: % closed by it; null if none. */
  slaCompliancePct: number | null;
  /** Median working days from filing to the first staff response; null if none. */
  medianFirstResponseWorkingDays: number | null;
  /** Median working days from filing to closing, of tickets closed in the period; null if none. */
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

export async function computeReport(
  prisma: Db,
  query: ReportQuery,
  holidays: HolidaySet,
): Promise<ReportFigures> {
  void prisma;
  void query;
  void holidays;
  throw new Error('computeReport: not implemented yet');
}
