/**
 * The report as a PNG, drawn on the server: ECharts renders an SVG string
 * (no DOM, no browser) and resvg turns it into pixels. The font ships with
 * the desk (fonts/DejaVuSans.ttf), so the labels render on a machine without
 * system fonts too. Left: tickets filed and closed per service; right: the
 * tickets open now per status.
 */
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { type Locale, t } from '../i18n/translate.ts';
import type { ReportFigures } from './report-figures.ts';
import { statusLabel } from './report-text.ts';

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 560;
const FONT_FILE = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
const FONT_FAMILY = 'DejaVu Sans';
/** Long service names are cut so the axis stays readable. */
const MAX_LABEL = 14;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export function reportChartSvg(locale: Locale, period: string, f: ReportFigures): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  const statuses = Object.entries(f.openByStatus);
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    color: ['#2f6fb3', '#3fa66b', '#e0a030'],
    title: [
      { text: t(locale, 'report.chart.title', { period }), left: 'center', top: 8 },
      {
        text: t(locale, 'report.chart.byService'),
        left: '4%',
        top: 52,
        textStyle: { fontSize: 14 },
      },
      {
        text: t(locale, 'report.chart.openByStatus'),
        left: '62%',
        top: 52,
        textStyle: { fontSize: 14 },
      },
    ],
    legend: {
      top: 80,
      left: '4%',
      data: [t(locale, 'report.chart.opened'), t(locale, 'report.chart.closed')],
    },
    grid: [
      { left: '5%', right: '42%', top: 120, bottom: 70, containLabel: true },
      { left: '62%', right: '4%', top: 120, bottom: 70, containLabel: true },
    ],
    xAxis: [
      {
        gridIndex: 0,
        type: 'category',
        data: f.byService.map((s) => shorten(s.names[locale])),
        axisLabel: { rotate: 30, interval: 0 },
      },
      { gridIndex: 1, type: 'value', minInterval: 1 },
    ],
    yAxis: [
      { gridIndex: 0, type: 'value', minInterval: 1 },
      { gridIndex: 1, type: 'category', data: statuses.map(([s]) => statusLabel(locale, s)) },
    ],
    series: [
      {
        name: t(locale, 'report.chart.opened'),
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: f.byService.map((s) => s.opened),
        label: { show: true, position: 'top' },
      },
      {
        name: t(locale, 'report.chart.closed'),
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: f.byService.map((s) => s.closed),
        label: { show: true, position: 'top' },
      },
      {
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: statuses.map(([, count]) => count),
        itemStyle: { color: '#e0a030' },
        label: { show: true, position: 'right' },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export function reportChartPng(locale: Locale, period: string, f: ReportFigures): Uint8Array {
  const svg = reportChartSvg(locale, period, f);
  return new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  })
    .render()
    .asPng();
}
