/**
 * /laporan [periode] [csv]: the figures of the staff member's reach for a
 * period, as a short text, a chart (PNG) and on request a CSV. Aggregates
 * only, so they may go to a unit's group chat too. The simulator shows no
 * files, so there the text comes with one line saying where to get them.
 */
import { z } from 'zod';
import { t } from '../../i18n/translate.ts';
import { reportChartPng } from '../../reports/report-chart.ts';
import { reportCsv } from '../../reports/report-csv.ts';
import { computeReport } from '../../reports/report-figures.ts';
import { periodSpec, resolvePeriod } from '../../reports/report-period.ts';
import { reportScopeFor } from '../../reports/report-scope.ts';
import { reportText, type ScopeKind } from '../../reports/report-text.ts';
import { command, STAFF } from '../command.ts';

/** Channels that show an outbound file's caption only (the browser simulator). */
const FILELESS_CHANNELS = new Set(['simulator']);
/** Lets Excel read the CSV's accented names as UTF-8. */
const UTF8_BOM = '\uFEFF';

const SCOPE_KIND: Record<string, ScopeKind> = {
  petugas: 'unit',
  koordinator: 'subtree',
  admin: 'all',
};

/** "minggu ini csv" → the period, and whether a CSV was asked for. */
export const reportArgs = z.string().transform((args, ctx) => {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const csv = words.at(-1)?.toLowerCase() === 'csv';
  const period = periodSpec.safeParse((csv ? words.slice(0, -1) : words).join(' '));
  if (!period.success) {
    ctx.addIssue({ code: 'custom', message: 'report period' });
    return z.NEVER;
  }
  return { period: period.data, csv };
});

export const reportCommand = command({
  name: 'laporan',
  roles: STAFF,
  usage: 'staff.usage.laporan',
  args: reportArgs,
  async run(ctx, args) {
    const { actor } = ctx;
    const scope = await reportScopeFor(ctx.tx, actor);
    if (!scope) return;
    const period = resolvePeriod(args.period, ctx.now);
    const figures = await computeReport(
      ctx.tx,
      { scope, from: period.from, to: period.to },
      ctx.ref.holidays,
    );
    const locale = actor.locale;
    ctx.replyText(
      reportText(
        locale,
        { scope: SCOPE_KIND[actor.role] ?? 'unit', unitName: actor.unitName, period: period.label },
        figures,
      ),
    );
    if (FILELESS_CHANNELS.has(ctx.chat.channel)) {
      ctx.reply('report.filesUnavailable');
      return;
    }
    const chart = await ctx.storeFile({
      bytes: reportChartPng(locale, period.label, figures),
      mimeType: 'image/png',
      kind: 'photo',
    });
    if (!chart) {
      ctx.reply('report.filesUnavailable');
      return;
    }
    ctx.replyFile(t(locale, 'report.chart.caption', { period: period.label }), chart);
    if (!args.csv) return;
    const csv = await ctx.storeFile({
      bytes: Buffer.from(UTF8_BOM + reportCsv(locale, period.label, figures), 'utf8'),
      mimeType: 'text/csv',
      kind: 'document',
    });
    if (csv) ctx.replyFile(t(locale, 'report.csv.caption', { period: period.label }), csv);
  },
});
