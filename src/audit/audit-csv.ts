/**
 * The audit trail as CSV (RFC 4180): a fixed header, CRLF line ends, and a
 * field quoted when it holds a comma, a quote or a line break, with quotes
 * doubled. Spreadsheets open it as it is. A field starting with = + - @ is
 * prefixed with a quote mark so a spreadsheet never runs it as a formula.
 *
 * @example
 * auditCsv(rows) // 'time_wib,ticket,event,…\r\n2026-11-27 09:00 WIB,PB-7K4M2Q,created,…\r\n'
 */
import { type AuditRow, formatWib } from './audit-trail.ts';

export const AUDIT_CSV_COLUMNS = [
  'time_wib',
  'time_utc',
  'ticket',
  'event',
  'actor_kind',
  'actor_id',
  'actor_name',
  'from_status',
  'to_status',
  'visibility',
  'detail',
] as const;

export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [
    AUDIT_CSV_COLUMNS.join(','),
    ...rows.map((row) =>
      [
        formatWib(row.at),
        row.at.toISOString(),
        row.ticketCode,
        row.type,
        row.actorKind,
        row.actorId ?? '',
        row.actorName ?? '',
        row.fromStatus ?? '',
        row.toStatus ?? '',
        row.visibility,
        row.detail,
      ]
        .map(csvField)
        .join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
