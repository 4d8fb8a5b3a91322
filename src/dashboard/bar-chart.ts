/**
 * A horizontal bar chart as inline SVG, drawn on the server. Plain shapes with
 * classes styled by app.css: no script, no inline style (the page's CSP allows
 * neither), readable at any width, and the same numbers are in the table below it.
 *
 * @example
 * barChart('Menurut layanan', [{ label: 'Kesehatan', value: 3 }, { label: 'Pendidikan', value: 1 }]);
 */
import { escapeHtml } from '../http/escape-html.ts';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const ROW = 26;
const BAR = 18;
const VALUE_ROOM = 56;
const MAX_LABEL = 28;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export function barChart(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const height = bars.length * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    const length = Math.round((bar.value / max) * span);
    return [
      `<g class="bar-row"><title>${escapeHtml(bar.label)}: ${bar.value}</title>`,
      `<text class="bar-label" x="${LABEL_WIDTH - 8}" y="${y + BAR / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(shorten(bar.label))}</text>`,
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${Math.max(length, bar.value > 0 ? 2 : 0)}" height="${BAR}" rx="3"></rect>`,
      `<text class="bar-value" x="${LABEL_WIDTH + length + 6}" y="${y + BAR / 2}" dominant-baseline="central">${bar.value}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    ...rows,
    '</svg>',
  ].join('');
}
