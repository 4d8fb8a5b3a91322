/**
 * The dashboard's HTTP routes, mounted on the desk's own server (app.ts):
 *
 * - GET  /dasbor/masuk?t=…  a live link shows a page that posts it; a spent,
 *   expired or unknown one gets 403 and one line saying to ask again;
 * - POST /dasbor/masuk      spends the link, sets the session cookie, 303 → /dasbor;
 * - GET  /dasbor            the dashboard (`periode`, `wilayah` filter it);
 * - GET  /dasbor/data       the same figures as JSON for the page's script.
 *
 * Every answer is no-store and framed by nobody; the page loads nothing from
 * outside the desk.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.ts';
import type { RouteHandler } from '../http/server.ts';
import { isLocale, type Key, type Locale, t } from '../i18n/translate.ts';
import { computeReport, type ReportFigures } from '../reports/report-figures.ts';
import { reportScopeFor } from '../reports/report-scope.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';
import { type DashboardViewer, linkIsLive, redeemLink, sessionViewer } from './dashboard-access.ts';
import { sessionCookie, sessionTokenOf } from './dashboard-cookie.ts';
import { figuresHtml } from './dashboard-figures-html.ts';
import { areaChoices, type DashboardFilter, readFilter } from './dashboard-filter.ts';
import { dashboardPage, messagePage, openingPage } from './dashboard-page.ts';

export const DASHBOARD_HEADERS = {
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

export interface DashboardDeps {
  prisma: Db;
  cipher: FieldCipher;
  ref: Pick<ReferenceData, 'areaName' | 'kecamatan' | 'desaOf' | 'holidays'>;
  /** Secure cookies: the desk is reached over https (DASHBOARD_BASE_URL) */
  secureCookies: boolean;
  clock?: () => Date;
}

const PAGE_DIR = new URL('./page/', import.meta.url);
const ASSETS: Record<string, { file: string; type: string }> = {
  'GET /dasbor/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  'GET /dasbor/masuk.js': { file: 'masuk.js', type: 'text/javascript; charset=utf-8' },
  'GET /dasbor/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers = {},
) {
  res.writeHead(status, { ...DASHBOARD_HEADERS, ...headers, 'content-type': type }).end(body);
}
const sendHtml = (res: ServerResponse, status: number, html: string) =>
  send(res, status, 'text/html; charset=utf-8', html);
const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

const localeOf = (viewer: DashboardViewer): Locale =>
  isLocale(viewer.locale) ? viewer.locale : 'id';

/** A form post from another site carries its own Origin: only the desk's own page may spend a link. */
function fromOtherSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

export function dashboardRoutes(deps: DashboardDeps): Record<string, RouteHandler> {
  const now = () => (deps.clock ?? (() => new Date()))();
  const urlOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://desk');

  /** The figures for a viewer's filter, or the problem with the filter. */
  async function figuresFor(viewer: DashboardViewer, params: URLSearchParams) {
    const read = readFilter(params, viewer.unitAreaCode, deps.ref, now());
    if (!read.ok) return read;
    const scope = await reportScopeFor(deps.prisma, viewer);
    if (!scope) return { ok: false as const, problem: 'dashboard.area.outside' as const };
    const { filter } = read;
    const figures = await computeReport(
      deps.prisma,
      {
        scope,
        from: filter.period.from,
        to: filter.period.to,
        ...(filter.areaCode ? { areaCode: filter.areaCode } : {}),
      },
      deps.ref.holidays,
    );
    return { ok: true as const, filter, figures };
  }

  function showing(locale: Locale, filter: DashboardFilter): string {
    const area = filter.areaCode
      ? (deps.ref.areaName(filter.areaCode) ?? filter.areaCode)
      : t(locale, 'dashboard.filter.allAreas');
    return t(locale, 'dashboard.showing', { period: filter.period.label, area });
  }

  async function viewerOr401(req: IncomingMessage, res: ServerResponse, json: boolean) {
    const viewer = await sessionViewer(deps.prisma, deps.cipher, sessionTokenOf(req), now());
    if (viewer) return viewer;
    if (json) sendJson(res, 401, { error: t('id', 'dashboard.session.ended') });
    else sendHtml(res, 401, messagePage('id', 'dashboard.session.ended'));
    return null;
  }

  const statusOf = (problem: Key) => (problem === 'dashboard.area.outside' ? 403 : 400);

  const routes: Record<string, RouteHandler> = {
    'GET /dasbor/masuk': async (req, res) => {
      const token = urlOf(req).searchParams.get('t') ?? '';
      if (await linkIsLive(deps.prisma, deps.cipher, token, now())) {
        sendHtml(res, 200, openingPage('id', token));
      } else {
        sendHtml(res, 403, messagePage('id', 'dashboard.link.refused'));
      }
    },
    'POST /dasbor/masuk': async (req, res) => {
      const body = await readBody(req, 4096).catch(() => Buffer.alloc(0));
      const token = new URLSearchParams(body.toString('utf8')).get('t') ?? '';
      const session = fromOtherSite(req)
        ? null
        : await redeemLink(deps.prisma, deps.cipher, token, now());
      if (!session) {
        sendHtml(res, 403, messagePage('id', 'dashboard.link.refused'));
        return;
      }
      res
        .writeHead(303, {
          ...DASHBOARD_HEADERS,
          location: '/dasbor',
          'set-cookie': sessionCookie(session.token, deps.secureCookies),
        })
        .end();
    },
    'GET /dasbor': async (req, res) => {
      const viewer = await viewerOr401(req, res, false);
      if (!viewer) return;
      const locale = localeOf(viewer);
      const params = urlOf(req).searchParams;
      const result = await figuresFor(viewer, params);
      const choices = areaChoices(viewer.unitAreaCode, deps.ref);
      if (!result.ok) {
        const fallback = readFilter(new URLSearchParams(), viewer.unitAreaCode, deps.ref, now());
        if (!fallback.ok) throw new Error('the default dashboard filter must always read');
        const filter = { ...fallback.filter, periodText: params.get('periode') ?? '' };
        const page = dashboardPage({
          locale,
          unitName: viewer.unitName,
          filter,
          choices,
          showing: t(locale, result.problem),
          figures: '',
        });
        sendHtml(res, statusOf(result.problem), page);
        return;
      }
      const page = dashboardPage({
        locale,
        unitName: viewer.unitName,
        filter: result.filter,
        choices,
        showing: showing(locale, result.filter),
        figures: figuresHtml(locale, result.figures),
      });
      sendHtml(res, 200, page);
    },
    'GET /dasbor/data': async (req, res) => {
      const viewer = await viewerOr401(req, res, true);
      if (!viewer) return;
      const locale = localeOf(viewer);
      const result = await figuresFor(viewer, urlOf(req).searchParams);
      if (!result.ok) {
        sendJson(res, statusOf(result.problem), { error: t(locale, result.problem) });
        return;
      }
      const body: DashboardData = {
        period: result.filter.period.label,
        area: result.filter.areaCode,
        showing: showing(locale, result.filter),
        html: figuresHtml(locale, result.figures),
        figures: result.figures,
      };
      sendJson(res, 200, body);
    },
  };
  for (const [route, asset] of Object.entries(ASSETS)) {
    routes[route] = async (_req, res) => {
      send(res, 200, asset.type, await readFile(new URL(asset.file, PAGE_DIR)));
    };
  }
  return routes;
}

/** What GET /dasbor/data answers. */
export interface DashboardData {
  period: string;
  area: string | null;
  showing: string;
  /** the figures part of the page, rendered as on the first load */
  html: string;
  figures: ReportFigures;
}
