/**
 * The figures part of the dashboard: headline numbers, then for every
 * breakdown a bar chart and the table with the same numbers. Used for the
 * first page and for every filter change (/dasbor/data), so there is one
 * renderer. Figures are aggregates only (report-figures.ts): no name, NIK or
 * ticket code can reach this page.
 */

import { escapeHtml } from '../http/escape-html.ts';
import type { Key, Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import type {
  PartnerReferralFigure,
  ReferralCounts,
  ReportFigures,
  SectorReferralFigure,
} from '../reports/report-figures.ts';
import { type Bar, barChart } from './bar-chart.ts';

interface Column<R> {
  head: Key;
  cell(row: R): string | number;
}

function table<R>(locale: Locale, columns: readonly Column<R>[], rows: readonly R[]): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(t(locale, c.head))}</th>`).join('');
  const body = rows
    .map((row) => {
      const [first, ...rest] = columns.map((c) => escapeHtml(c.cell(row)));
      return `<tr><th scope="row">${first}</th>${rest.map((v) => `<td>${v}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function section<R>(
  locale: Locale,
  id: string,
  title: Key,
  rows: readonly R[],
  bar: (row: R) => Bar,
  columns: readonly Column<R>[],
): string {
  const heading = t(locale, title);
  const content =
    rows.length === 0
      ? `<p class="empty">${escapeHtml(t(locale, 'dashboard.empty'))}</p>`
      : barChart(t(locale, 'dashboard.chart', { title: heading }), rows.map(bar)) +
        table(locale, columns, rows);
  return `<section class="figure" id="${id}"><h2>${escapeHtml(heading)}</h2>${content}</section>`;
}

/** Decimal comma for Indonesian and Sundanese, point for English. */
function decimal(locale: Locale, value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return locale === 'en' ? text : text.replace('.', ',');
}

function card(locale: Locale, id: string, label: Key, value: string): string {
  return `<div class="card" data-figure="${id}"><dt>${escapeHtml(t(locale, label))}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

function labelOr(locale: Locale, key: string, fallback: string): string {
  const text = t(locale, key as Key);
  return text === key ? fallback : text;
}

export function figuresHtml(locale: Locale, f: ReportFigures): string {
  const none = t(locale, 'dashboard.value.none');
  const days = (value: number | null) =>
    value === null ? none : t(locale, 'dashboard.value.days', { days: decimal(locale, value) });
  const cards = [
    card(locale, 'opened', 'dashboard.card.opened', String(f.opened)),
    card(locale, 'closed', 'dashboard.card.closed', String(f.closed)),
    card(
      locale,
      'sla',
      'dashboard.card.sla',
      f.slaCompliancePct === null
        ? none
        : t(locale, 'dashboard.value.percent', { value: decimal(locale, f.slaCompliancePct) }),
    ),
    card(
      locale,
      'firstResponse',
      'dashboard.card.firstResponse',
      days(f.medianFirstResponseWorkingDays),
    ),
    card(locale, 'resolution', 'dashboard.card.resolution', days(f.medianResolutionWorkingDays)),
    card(locale, 'escalations', 'dashboard.card.escalations', String(f.escalations)),
    card(
      locale,
      'satisfaction',
      'dashboard.card.satisfaction',
      f.satisfactionAvg === null
        ? none
        : t(locale, 'dashboard.value.rating', {
            value: decimal(locale, f.satisfactionAvg),
            count: f.ratingsCount,
          }),
    ),
  ];
  const statuses = Object.entries(f.openByStatus).map(([status, count]) => ({ status, count }));
  const sector = (code: string) => labelOr(locale, `dashboard.sector.${code}`, code);
  const referralColumns: Column<ReferralCounts>[] = [
    { head: 'dashboard.col.sent', cell: (r) => r.sent },
    { head: 'dashboard.col.accepted', cell: (r) => r.accepted },
    { head: 'dashboard.col.declined', cell: (r) => r.declined },
    { head: 'dashboard.col.completed', cell: (r) => r.completed },
  ];
  return [
    `<dl class="cards">${cards.join('')}</dl>`,
    section(
      locale,
      'open-by-status',
      'dashboard.section.openByStatus',
      statuses,
      (r) => ({ label: r.status, value: r.count }),
      [
        { head: 'dashboard.col.status', cell: (r) => r.status },
        { head: 'dashboard.col.count', cell: (r) => r.count },
      ],
    ),
    section(
      locale,
      'by-service',
      'dashboard.section.byService',
      f.byService,
      (r) => ({ label: r.names[locale], value: r.opened }),
      [
        { head: 'dashboard.col.service', cell: (r) => r.names[locale] },
        { head: 'dashboard.col.opened', cell: (r) => r.opened },
        { head: 'dashboard.col.closed', cell: (r) => r.closed },
      ],
    ),
    ...(['kecamatan', 'desa'] as const).map((level) =>
      section(
        locale,
        `by-${level}`,
        level === 'kecamatan' ? 'dashboard.section.byKecamatan' : 'dashboard.section.byDesa',
        f.byArea[level],
        (r) => ({ label: r.name, value: r.opened }),
        [
          { head: 'dashboard.col.area', cell: (r) => r.name },
          { head: 'dashboard.col.opened', cell: (r) => r.opened },
        ],
      ),
    ),
    section<PartnerReferralFigure>(
      locale,
      'by-partner',
      'dashboard.section.byPartner',
      f.referralsByPartner,
      (r) => ({ label: r.partnerName, value: r.sent }),
      [
        { head: 'dashboard.col.partner', cell: (r) => r.partnerName },
        { head: 'dashboard.col.sector', cell: (r) => sector(r.sector) },
        ...referralColumns,
      ],
    ),
    section<SectorReferralFigure>(
      locale,
      'by-sector',
      'dashboard.section.bySector',
      f.referralsBySector,
      (r) => ({ label: sector(r.sector), value: r.sent }),
      [{ head: 'dashboard.col.sector', cell: (r) => sector(r.sector) }, ...referralColumns],
    ),
    section(
      locale,
      'complaints',
      'dashboard.section.complaints',
      f.complaintsByTopic,
      (r) => ({ label: labelOr(locale, `complaint.topic.${r.topic}`, r.topic), value: r.count }),
      [
        {
          head: 'dashboard.col.topic',
          cell: (r) => labelOr(locale, `complaint.topic.${r.topic}`, r.topic),
        },
        { head: 'dashboard.col.count', cell: (r) => r.count },
      ],
    ),
  ].join('\n');
}
