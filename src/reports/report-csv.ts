/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, a field with
 * a comma, quote or line break in double quotes, quotes doubled). One row per
 * figure, always the same columns, so a spreadsheet or a script can add up
 * several periods:
 *
 *   period, section, code, name, metric, value
 *
 * sections: summary, open_by_status, service, kecamatan, desa, partner,
 * sector, complaint_topic. Names are in the staff member's language; codes
 * never change. Aggregates only: no resident, ticket or staff member appears.
 */
import type { Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import type { ReportFigures } from './report-figures.ts';
import { statusLabel, topicLabel } from './report-text.ts';

export const CSV_COLUMNS = ['period', 'section', 'code', 'name', 'metric', 'value'] as const;

type Value = string | number | null;

export function csvField(value: Value): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reportCsv(locale: Locale, period: string, f: ReportFigures): string {
  const rows: Value[][] = [];
  const row = (section: string, code: string, name: string, metric: string, value: Value) =>
    rows.push([period, section, code, name, metric, value]);
  row('summary', '', '', 'opened', f.opened);
  row('summary', '', '', 'closed', f.closed);
  row('summary', '', '', 'sla_compliance_pct', f.slaCompliancePct);
  row('summary', '', '', 'median_first_response_working_days', f.medianFirstResponseWorkingDays);
  row('summary', '', '', 'median_resolution_working_days', f.medianResolutionWorkingDays);
  row('summary', '', '', 'escalations', f.escalations);
  row('summary', '', '', 'satisfaction_avg', f.satisfactionAvg);
  row('summary', '', '', 'ratings', f.ratingsCount);
  for (const [status, count] of Object.entries(f.openByStatus)) {
    row('open_by_status', status, statusLabel(locale, status), 'open', count);
  }
  for (const s of f.byService) {
    row('service', s.code, s.names[locale], 'opened', s.opened);
    row('service', s.code, s.names[locale], 'closed', s.closed);
  }
  for (const a of f.byArea.kecamatan) row('kecamatan', a.code, a.name, 'opened', a.opened);
  for (const a of f.byArea.desa) row('desa', a.code, a.name, 'opened', a.opened);
  const referralRows = (
    section: string,
    code: string,
    name: string,
    r: (typeof f.referralsBySector)[0],
  ) => {
    for (const metric of ['sent', 'accepted', 'declined', 'completed'] as const) {
      row(section, code, name, metric, r[metric]);
    }
  };
  for (const p of f.referralsByPartner) referralRows('partner', p.partnerCode, p.partnerName, p);
  for (const s of f.referralsBySector) {
    referralRows('sector', s.sector, t(locale, `report.sector.${s.sector}` as never), s);
  }
  for (const c of f.complaintsByTopic) {
    row('complaint_topic', c.topic, topicLabel(locale, c.topic), 'count', c.count);
  }
  return [CSV_COLUMNS as readonly Value[], ...rows]
    .map((fields) => fields.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}
