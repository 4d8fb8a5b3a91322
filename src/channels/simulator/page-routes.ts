/**
 * The simulator page and its assets, served as plain files from ./page/ (no
 * build step), plus the page texts from the locale catalog. The HTML gets its
 * texts filled in on the server, so it reads right before any script runs.
 */
import { readFile } from 'node:fs/promises';
import { escapeHtml } from '../../http/escape-html.ts';
import type { RouteHandler } from '../../http/server.ts';
import { simulatorTexts } from '../../i18n/texts/simulator.ts';
import { isLocale, type Key, type Locale, t } from '../../i18n/translate.ts';
import { SECURITY_HEADERS, sendJson } from './http-io.ts';

const PAGE_DIR = new URL('./page/', import.meta.url);

const ASSETS: Record<string, { file: string; type: string }> = {
  'GET /simulator/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  'GET /simulator/phone.js': { file: 'phone.js', type: 'text/javascript; charset=utf-8' },
  'GET /simulator/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  'GET /simulator/icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
};

const TEXT_KEYS = Object.keys(simulatorTexts.id) as Key[];

/** The page texts in one language, as the page script applies them. */
export function pageTexts(locale: Locale): Record<string, string> {
  // The bot's menu label in its first language (Indonesian, until the resident picks
  // another), so the language note names the choice the resident will see.
  const labels = { menuLanguage: t('id', 'menu.language') };
  return Object.fromEntries(TEXT_KEYS.map((key) => [key, t(locale, key, labels)]));
}

function localeOf(url: string | undefined, name: string): Locale {
  const value = new URL(url ?? '/', 'http://desk').searchParams.get(name) ?? 'id';
  return isLocale(value) ? value : 'id';
}

/** Fills `{{simulator.key}}` and `{{name}}` slots; an unknown slot is a bug in the page, not a blank. */
export function fillPage(template: string, locale: Locale, values: Record<string, string>): string {
  const texts = pageTexts(locale);
  // Comments in the template are notes for developers (and the linter), not for browsers.
  return template
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/\{\{([\w.]+)\}\}/g, (_slot, name: string) => {
      const value = texts[name] ?? values[name];
      if (value === undefined) throw new Error(`simulator page has an unknown slot {{${name}}}`);
      return escapeHtml(value);
    });
}

export function pageRoutes(options: { maxFileBytes: number }): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    'GET /': async (req, res) => {
      const template = await readFile(new URL('index.html', PAGE_DIR), 'utf8');
      const locale = localeOf(req.url, 'lang');
      const html = fillPage(template, locale, {
        lang: locale,
        maxFileBytes: String(options.maxFileBytes),
      });
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    },
    'GET /simulator/texts': (req, res) => {
      sendJson(res, 200, pageTexts(localeOf(req.url, 'locale')));
    },
  };
  for (const [route, asset] of Object.entries(ASSETS)) {
    routes[route] = async (_req, res) => {
      const body = await readFile(new URL(asset.file, PAGE_DIR));
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': asset.type }).end(body);
    };
  }
  return routes;
}
