/**
 * The dashboard's HTML pages, rendered on the server in the viewer's
 * language: the dashboard itself, the page that spends a login link, and the
 * one-line refusals. Scripts and styles are files of the desk (./page/), so
 * the page works offline and its CSP needs no inline code.
 */

import { escapeHtml } from '../http/escape-html.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';
import type { AreaGroup, DashboardFilter } from './dashboard-filter.ts';

function shell(locale: Locale, body: string, script?: string): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(t(locale, 'dashboard.title'))}</title>`,
    '<link rel="stylesheet" href="/dasbor/app.css">',
    script ? `<script type="module" src="${script}"></script>` : '',
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

/** A page that says one thing: a refused link, an ended session. */
export function messagePage(locale: Locale, key: Key): string {
  return shell(
    locale,
    `<main class="message"><h1>${escapeHtml(t(locale, 'dashboard.title'))}</h1><p>${escapeHtml(t(locale, key))}</p></main>`,
  );
}

/**
 * The page a login link opens. Following the link spends nothing: the form
 * posts the token (at once, by masuk.js), so a chat app fetching the link for
 * a preview cannot use it up before the staff member clicks.
 */
export function openingPage(locale: Locale, token: string): string {
  return shell(
    locale,
    [
      '<main class="message">',
      `<h1>${escapeHtml(t(locale, 'dashboard.title'))}</h1>`,
      `<p>${escapeHtml(t(locale, 'dashboard.opening'))}</p>`,
      '<form method="post" action="/dasbor/masuk" id="masuk">',
      `<input type="hidden" name="t" value="${escapeHtml(token)}">`,
      `<button type="submit">${escapeHtml(t(locale, 'dashboard.open'))}</button>`,
      '</form></main>',
    ].join(''),
    '/dasbor/masuk.js',
  );
}

export interface DashboardView {
  locale: Locale;
  unitName: string;
  filter: DashboardFilter;
  choices: AreaGroup[];
  /** the line that says what the figures cover */
  showing: string;
  figures: string;
}

function areaSelect(locale: Locale, choices: AreaGroup[], selected: string | null): string {
  const option = (code: string, name: string) =>
    `<option value="${escapeHtml(code)}"${code === selected ? ' selected' : ''}>${escapeHtml(name)}</option>`;
  const groups = choices.map(
    ({ kecamatan, desa }) =>
      `<optgroup label="${escapeHtml(kecamatan.name)}">${option(kecamatan.code, `${kecamatan.name} (${t(locale, 'dashboard.filter.allAreas').toLowerCase()})`)}${desa.map((d) => option(d.code, d.name)).join('')}</optgroup>`,
  );
  return `<select name="wilayah" id="wilayah">${option('', t(locale, 'dashboard.filter.allAreas'))}${groups.join('')}</select>`;
}

export function dashboardPage(view: DashboardView): string {
  const { locale } = view;
  const say = (key: Key) => escapeHtml(t(locale, key));
  const presets = (
    ['dashboard.filter.today', 'dashboard.filter.week', 'dashboard.filter.month'] as const
  )
    .map(
      (key, i) =>
        `<option value="${['hari ini', 'minggu ini', 'bulan ini'][i]}">${say(key)}</option>`,
    )
    .join('');
  return shell(
    locale,
    [
      '<header>',
      `<h1>${escapeHtml(t(locale, 'dashboard.heading', { unit: view.unitName }))}</h1>`,
      `<p class="note">${say('dashboard.readOnly')}</p>`,
      '</header>',
      '<form class="filter" method="get" action="/dasbor">',
      `<fieldset><legend>${say('dashboard.filter.legend')}</legend>`,
      `<label for="periode">${say('dashboard.filter.period')}</label>`,
      `<input id="periode" name="periode" list="periode-contoh" value="${escapeHtml(view.filter.periodText)}" aria-describedby="periode-hint" autocomplete="off">`,
      `<datalist id="periode-contoh">${presets}</datalist>`,
      `<small id="periode-hint">${say('dashboard.filter.periodHint')}</small>`,
      `<label for="wilayah">${say('dashboard.filter.area')}</label>`,
      areaSelect(locale, view.choices, view.filter.areaCode),
      `<button type="submit">${say('dashboard.filter.apply')}</button>`,
      '</fieldset></form>',
      `<p class="status" role="status" data-loading="${say('dashboard.status.loading')}" data-failed="${say('dashboard.status.failed')}">${escapeHtml(view.showing)}</p>`,
      `<main id="figures" aria-live="polite">${view.figures}</main>`,
    ].join('\n'),
    '/dasbor/app.js',
  );
}
