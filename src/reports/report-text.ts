/**
 * The short report a staff member reads in chat, in their language: a line
 * per figure, the three busiest services and desa, no personal data.
 */
import { type Key, type Locale, t } from '../i18n/translate.ts';
import type { ReportFigures } from './report-figures.ts';

/** How many services, desa or topics a summary line names. */
const TOP = 3;

export type ScopeKind = 'unit' | 'subtree' | 'all';

export interface ReportHeading {
  scope: ScopeKind;
  unitName: string;
  period: string;
}

/** `1,5` in Indonesian and Sundanese, `1.5` in English. */
export function formatNumber(locale: Locale, value: number): string {
  return value.toLocaleString(locale === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 1 });
}

export function statusLabel(locale: Locale, status: string): string {
  return t(locale, `status.ticket.${status}` as Key);
}

export function topicLabel(locale: Locale, topic: string): string {
  return topic === 'lainnya'
    ? t(locale, 'report.topic.lainnya')
    : t(locale, `complaint.topic.${topic}` as Key);
}

export function reportText(locale: Locale, heading: ReportHeading, f: ReportFigures): string {
  const say = (key: Key, params?: Record<string, string | number>) => t(locale, key, params);
  const n = (value: number) => formatNumber(locale, value);
  const listOf = (items: string[]) => (items.length > 0 ? items.join(', ') : say('report.none'));
  const none = say('report.none');
  const openStatuses = Object.entries(f.openByStatus);
  const referrals = f.referralsBySector.reduce(
    (sum, s) => ({
      sent: sum.sent + s.sent,
      accepted: sum.accepted + s.accepted,
      declined: sum.declined + s.declined,
      completed: sum.completed + s.completed,
    }),
    { sent: 0, accepted: 0, declined: 0, completed: 0 },
  );
  const services = [...f.byService]
    .sort((a, b) => b.opened - a.opened)
    .filter((s) => s.opened > 0)
    .slice(0, TOP)
    .map((s) => `${s.names[locale]} ${n(s.opened)}`);
  return [
    say('report.title', {
      scope: say(`report.scope.${heading.scope}`, { unit: heading.unitName }),
      period: heading.period,
    }),
    say('report.tickets', { opened: n(f.opened), closed: n(f.closed) }),
    say('report.open', {
      total: n(openStatuses.reduce((sum, [, count]) => sum + count, 0)),
      list: listOf(
        openStatuses.map(([status, count]) => `${statusLabel(locale, status)} ${n(count)}`),
      ),
    }),
    say('report.sla', { pct: f.slaCompliancePct === null ? none : n(f.slaCompliancePct) }),
    say('report.firstResponse', {
      days: f.medianFirstResponseWorkingDays === null ? none : n(f.medianFirstResponseWorkingDays),
    }),
    say('report.resolution', {
      days: f.medianResolutionWorkingDays === null ? none : n(f.medianResolutionWorkingDays),
    }),
    say('report.escalations', { n: n(f.escalations) }),
    say('report.referrals', {
      sent: n(referrals.sent),
      accepted: n(referrals.accepted),
      declined: n(referrals.declined),
      completed: n(referrals.completed),
    }),
    say('report.satisfaction', {
      avg: f.satisfactionAvg === null ? none : n(f.satisfactionAvg),
      n: n(f.ratingsCount),
    }),
    say('report.services', { list: listOf(services) }),
    say('report.areas', {
      list: listOf(f.byArea.desa.slice(0, TOP).map((a) => `${a.name} ${n(a.opened)}`)),
    }),
    say('report.complaints', {
      list: listOf(
        f.complaintsByTopic
          .slice(0, TOP)
          .map((c) => `${topicLabel(locale, c.topic)} ${n(c.count)}`),
      ),
    }),
  ].join('\n');
}
