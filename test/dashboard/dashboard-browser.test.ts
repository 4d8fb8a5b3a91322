/**
 * The dashboard in Debian's Chromium (headless, through playwright-core), as
 * a koordinator or admin uses it: the /dasbor link clicked on another site
 * (as in Telegram Web) opens the dashboard once; the same link in a new
 * browser is refused, and so is a link left for more than 10 minutes; the
 * period and area filters change the figures without a reload; no resident's
 * NIK, KK or name is ever on the page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import {
  CILEUNYI,
  type DashboardDesk,
  dashboardLink,
  MARGAASIH,
  startDashboardDesk,
} from './dashboard-desk.ts';

const REFUSED = t('id', 'dashboard.link.refused');

describe('dashboard in the browser', () => {
  let desk: DashboardDesk;
  let browser: Browser;
  /** Another site (localhost, not 127.0.0.1) whose page links to the dashboard, like a chat app's. */
  let chatSite: Server;
  let chatSiteUrl: string;
  const problems: string[] = [];

  beforeAll(async () => {
    [desk, browser] = await Promise.all([
      startDashboardDesk('sqlite'),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    chatSite = createServer((req, res) => {
      const link = new URL(req.url ?? '/', 'http://x').searchParams.get('link') ?? '';
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><a id="link" href="${link.replace(/"/g, '&quot;')}">buka</a>`);
    });
    await new Promise<void>((resolve) => chatSite.listen(0, '127.0.0.1', resolve));
    chatSiteUrl = `http://localhost:${(chatSite.address() as AddressInfo).port}/`;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    chatSite?.close();
    await desk?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Refusals (403, 400) are expected answers; a CSP violation or a script error is not.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
        problems.push(m.text());
      }
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  }

  /** Clicks the link on the other site, as a staff member does in their chat. */
  async function clickFromChat(page: Page, link: string) {
    await page.goto(`${chatSiteUrl}?link=${encodeURIComponent(link)}`);
    await page.click('#link');
  }

  const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] dd`);
  const row = (page: Page, section: string, name: string) =>
    page
      .locator(`#${section} tbody tr`, { has: page.locator('th', { hasText: name }) })
      .locator('td')
      .first();

  it('opens the dashboard once from a link clicked in a chat, with the seeded figures', async () => {
    const link = await dashboardLink(desk.h, 'admin-browser', 'admin', '32.04');
    const page = await newPage();
    await clickFromChat(page, link);
    await page.waitForURL(/\/dasbor$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Dasbor SLRT');
    expect(await figure(page, 'opened').textContent()).toBe('3');
    expect(await row(page, 'by-kecamatan', 'Cileunyi').textContent()).toBe('2');
    expect(await row(page, 'by-kecamatan', 'Margaasih').textContent()).toBe('1');
    expect(await row(page, 'by-desa', 'Cileunyi Kulon').textContent()).toBe('2');
    expect(await page.locator('#by-kecamatan svg rect.bar').count()).toBe(2);

    const again = await newPage();
    await clickFromChat(again, link);
    await expect.poll(() => again.locator('body').textContent()).toContain(REFUSED);
    await again.goto(link);
    expect(await again.locator('body').textContent()).toContain(REFUSED);
    expect(await again.locator('h1').count()).toBe(1);

    // The session stays in the first browser: a reload shows the dashboard again.
    await page.reload();
    expect(await figure(page, 'opened').textContent()).toBe('3');
  });

  it('refuses a link opened more than 10 minutes after it was sent', async () => {
    const link = await dashboardLink(desk.h, 'admin-late', 'admin', '32.04');
    desk.h.clock.advance(10 * 60_000 + 1000);
    const page = await newPage();
    await page.goto(link);
    expect(await page.locator('body').textContent()).toContain(REFUSED);
    expect(page.url()).toContain('/dasbor/masuk');
  });

  it('changes the figures when the area or the period changes, without a reload', async () => {
    const page = await newPage();
    await page.goto(await dashboardLink(desk.h, 'koord-browser', 'koordinator', CILEUNYI));
    await page.waitForURL(/\/dasbor$/);
    expect(await figure(page, 'opened').textContent()).toBe('2');
    // A koordinator of Cileunyi is offered Cileunyi and its desa, never Margaasih.
    expect(await page.locator(`select[name=wilayah] option[value="${MARGAASIH}"]`).count()).toBe(0);
    await page.evaluate('window.loadedOnce = true');

    await page.selectOption('select[name=wilayah]', `${CILEUNYI}.2002`);
    await expect.poll(() => page.locator('.status').textContent()).toContain('Cileunyi Wetan');
    expect(await figure(page, 'opened').textContent()).toBe('0');
    expect(await page.locator('#by-desa .empty').count()).toBe(1);

    await page.selectOption('select[name=wilayah]', `${CILEUNYI}.2001`);
    await expect.poll(() => page.locator('.status').textContent()).toContain('Cileunyi Kulon');
    expect(await figure(page, 'opened').textContent()).toBe('2');

    await page.fill('input[name=periode]', '2026-10');
    await page.press('input[name=periode]', 'Enter');
    await expect.poll(() => page.locator('.status').textContent()).toContain('2026-10');
    expect(await figure(page, 'opened').textContent()).toBe('0');
    expect(page.url()).toContain('periode=2026-10');
    expect(await page.evaluate('window.loadedOnce')).toBe(true);

    await page.fill('input[name=periode]', 'kemarin');
    await page.press('input[name=periode]', 'Enter');
    await expect
      .poll(() => page.locator('.status').textContent())
      .toBe(t('id', 'dashboard.period.invalid'));
    expect(await page.locator('[data-figure]').count()).toBe(0);
  });

  it('shows no NIK, KK or name of the residents, and breaks no rule of its own CSP', async () => {
    const page = await newPage();
    await page.goto(await dashboardLink(desk.h, 'admin-pii-browser', 'admin', '32.04'));
    await page.waitForURL(/\/dasbor$/);
    const html = await page.content();
    expect(html).toContain('Cileunyi Kulon');
    for (const value of desk.personal) expect(html).not.toContain(value);
    expect(problems).toEqual([]);
  });
});
