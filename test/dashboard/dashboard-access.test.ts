/**
 * /dasbor and the login it hands out, on both databases: the link is stored
 * as a keyed hash only, works once (even when two requests race), expires
 * after 10 minutes, its session after 8 hours; a revoked or deactivated staff
 * member is refused; a koordinator sees only their own kecamatan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardTokenHash } from '../../src/dashboard/dashboard-token.ts';
import { t } from '../../src/i18n/translate.ts';
import { joinStaff } from '../support/join-staff.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';
import {
  CILEUNYI,
  type DashboardDesk,
  dashboardLink,
  MARGAASIH,
  startDashboardDesk,
} from './dashboard-desk.ts';

const REFUSED = t('id', 'dashboard.link.refused');
const ENDED = t('id', 'dashboard.session.ended');
const MINUTE = 60_000;

const tokenOf = (link: string) => new URL(link).searchParams.get('t') ?? '';

describe.each(PROVIDERS)('dashboard access on %s', (provider) => {
  let desk: DashboardDesk;
  beforeAll(async () => {
    desk = await startDashboardDesk(provider);
  }, 60_000);
  afterAll(() => desk?.close());

  /** Spends a link as the opening page's form does; returns the response. */
  const spend = (link: string, headers: Record<string, string> = {}) =>
    fetch(`${desk.base}/dasbor/masuk`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ t: tokenOf(link) }),
      redirect: 'manual',
    });
  const cookieOf = (response: Response) =>
    (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = (path: string, cookie: string) =>
    fetch(`${desk.base}${path}`, { headers: { cookie }, redirect: 'manual' });
  const login = async (link: string) => {
    const response = await spend(link);
    expect(response.status).toBe(303);
    return cookieOf(response);
  };

  it('sends a koordinator a link to this desk, keeping only a keyed hash of it', async () => {
    const link = await dashboardLink(desk.h, 'koord-hash', 'koordinator', CILEUNYI);
    expect(link.startsWith(`${desk.base}/dasbor/masuk?t=`)).toBe(true);
    const token = tokenOf(link);
    const rows = await desk.h.db.prisma.dashboardAccess.findMany({ where: { kind: 'link' } });
    const row = rows.find((r) => r.tokenHash === dashboardTokenHash(testCipher(), token));
    expect(row?.usedAt).toBeNull();
    expect(row?.expiresAt.getTime()).toBe(desk.h.clock.now.getTime() + 10 * MINUTE);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses a petugas and a partner in one line, and keeps the link out of a group', async () => {
    const petugas = await joinStaff(desk.h, 'petugas-1', 'petugas', `${CILEUNYI}.2001`);
    expect((await petugas.send('/dasbor')).map((m) => m.text)).toEqual([
      t('id', 'staff.notAllowed', { command: 'dasbor', role: t('id', 'staff.role.petugas') }),
    ]);
    const mitra = await joinStaff(desk.h, 'mitra-1', 'mitra', '32.04', 'contoh-baznas');
    expect((await mitra.send('/dasbor')).map((m) => m.text)).toEqual([
      t('id', 'staff.notAllowed', { command: 'dasbor', role: t('id', 'staff.role.mitra') }),
    ]);
    await joinStaff(desk.h, 'koord-group', 'koordinator', CILEUNYI);
    const before = await desk.h.db.prisma.dashboardAccess.count();
    const group = desk.h.channel.groupChat('ruang-cileunyi', 'koord-group');
    expect((await group.send('/dasbor')).map((m) => m.text)).toEqual([
      t('id', 'staff.dashboard.privateOnly'),
    ]);
    expect(await desk.h.db.prisma.dashboardAccess.count()).toBe(before);
  });

  it('opens once: the link page, then a session, then the link is refused', async () => {
    const link = await dashboardLink(desk.h, 'koord-once', 'koordinator', CILEUNYI);
    const opening = await fetch(link);
    expect(opening.status).toBe(200);
    expect(await opening.text()).toContain('action="/dasbor/masuk"');
    // Following the link spends nothing (a chat app's preview fetch must not use it up).
    expect((await fetch(link)).status).toBe(200);

    const first = await spend(link);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/dasbor');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^slrt_dasbor=[\w-]{43}; Path=\/dasbor; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    );

    const dashboard = await page('/dasbor', cookieOf(first));
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(
      t('id', 'dashboard.heading', { unit: 'SLRT Kecamatan Cileunyi' }).split(':')[0],
    );
    for (const [name, value] of [
      ['x-frame-options', 'DENY'],
      ['cache-control', 'no-store'],
      ['referrer-policy', 'no-referrer'],
    ] as const) {
      expect(dashboard.headers.get(name)).toBe(value);
    }
    expect(dashboard.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
    expect(dashboard.headers.get('content-security-policy')).not.toMatch(/https?:|\*/);

    const again = await spend(link);
    expect(again.status).toBe(403);
    expect(await again.text()).toContain(REFUSED);
    const reopened = await fetch(link);
    expect(reopened.status).toBe(403);
    expect(await reopened.text()).toContain(REFUSED);
  });

  it('lets exactly one of two racing requests spend a link', async () => {
    const link = await dashboardLink(desk.h, 'koord-race', 'koordinator', CILEUNYI);
    const statuses = await Promise.all(
      Array.from({ length: 4 }, () => spend(link).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([303, 403, 403, 403]);
    expect(
      await desk.h.db.prisma.dashboardAccess.count({ where: { kind: 'session' } }),
    ).toBeGreaterThan(0);
  });

  it('refuses a link after 10 minutes and a session after 8 hours', async () => {
    const stale = await dashboardLink(desk.h, 'koord-time', 'koordinator', CILEUNYI);
    const fresh = await dashboardLink(desk.h, 'koord-time', 'koordinator', CILEUNYI);
    desk.h.clock.advance(9 * MINUTE);
    const cookie = await login(fresh);
    desk.h.clock.advance(MINUTE);
    expect((await fetch(stale)).status).toBe(403);
    expect((await spend(stale)).status).toBe(403);
    expect((await page('/dasbor', cookie)).status).toBe(200);
    // The session began at minute 9; it is good until minute 9 + 8 hours.
    desk.h.clock.advance(8 * 60 * MINUTE - 2 * MINUTE);
    expect((await page('/dasbor', cookie)).status).toBe(200);
    desk.h.clock.advance(MINUTE);
    const ended = await page('/dasbor', cookie);
    expect(ended.status).toBe(401);
    expect(await ended.text()).toContain(ENDED);
    expect((await page('/dasbor/data', cookie)).status).toBe(401);

    // The next link clears rows that can open nothing any more.
    const staleHash = dashboardTokenHash(testCipher(), tokenOf(stale));
    expect(await desk.h.db.prisma.dashboardAccess.count({ where: { tokenHash: staleHash } })).toBe(
      1,
    );
    await dashboardLink(desk.h, 'koord-time-2', 'koordinator', CILEUNYI);
    expect(await desk.h.db.prisma.dashboardAccess.count({ where: { tokenHash: staleHash } })).toBe(
      0,
    );
    expect((await fetch(stale)).status).toBe(403);
  });

  it('refuses a revoked or deactivated staff member, session and unspent link alike', async () => {
    for (const [key, change] of [
      ['koord-revoked', { revokedAt: desk.h.clock.now }],
      ['koord-inactive', { active: false }],
    ] as const) {
      const cookie = await login(await dashboardLink(desk.h, key, 'koordinator', CILEUNYI));
      const unspent = await dashboardLink(desk.h, key, 'koordinator', CILEUNYI);
      expect((await page('/dasbor', cookie)).status).toBe(200);
      const identity = await desk.h.db.prisma.channelIdentity.findFirstOrThrow({
        where: { externalId: key },
        select: { staffId: true },
      });
      await desk.h.db.prisma.staff.update({ where: { id: identity.staffId ?? '' }, data: change });
      expect((await page('/dasbor', cookie)).status).toBe(401);
      expect((await page('/dasbor/data', cookie)).status).toBe(401);
      expect((await fetch(unspent)).status).toBe(403);
      expect((await spend(unspent)).status).toBe(403);
    }
  });

  it('refuses a link posted from another site', async () => {
    const link = await dashboardLink(desk.h, 'koord-csrf', 'koordinator', CILEUNYI);
    expect((await spend(link, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(link)).status).toBe(200);
  });

  it('shows a koordinator their own kecamatan only, and an admin every one', async () => {
    const koordinator = await login(
      await dashboardLink(desk.h, 'koord-scope', 'koordinator', CILEUNYI),
    );
    const admin = await login(await dashboardLink(desk.h, 'admin-scope', 'admin', '32.04'));
    const opened = async (cookie: string, query: string, period = '2026-11') => {
      const response = await page(`/dasbor/data?periode=${period}${query}`, cookie);
      const body = (await response.json()) as { figures?: { opened: number }; error?: string };
      return { status: response.status, opened: body.figures?.opened, error: body.error };
    };
    expect(await opened(koordinator, '')).toMatchObject({ status: 200, opened: 2 });
    expect(await opened(admin, '')).toMatchObject({ status: 200, opened: 3 });
    expect(await opened(admin, `&wilayah=${MARGAASIH}`)).toMatchObject({ status: 200, opened: 1 });
    expect(await opened(admin, '&wilayah=32.04')).toMatchObject({ status: 200, opened: 3 });
    expect(await opened(koordinator, `&wilayah=${CILEUNYI}`)).toMatchObject({
      status: 200,
      opened: 2,
    });
    expect(await opened(koordinator, '&wilayah=32.04')).toMatchObject({ status: 403 });
    expect(await opened(koordinator, `&wilayah=${CILEUNYI}.2001`)).toMatchObject({ status: 200 });
    expect(await opened(koordinator, `&wilayah=${MARGAASIH}`)).toEqual({
      status: 403,
      opened: undefined,
      error: t('id', 'dashboard.area.outside'),
    });
    expect(await opened(koordinator, `&wilayah=${MARGAASIH}.2003`)).toMatchObject({ status: 403 });
    const html = await page(`/dasbor?wilayah=${MARGAASIH}`, koordinator);
    expect(html.status).toBe(403);
    const text = await html.text();
    expect(text).toContain(t('id', 'dashboard.area.outside'));
    expect(text).not.toContain('Margaasih');
    expect(await opened(koordinator, '', 'kemarin')).toMatchObject({
      status: 400,
      error: t('id', 'dashboard.period.invalid'),
    });
  });

  it("speaks the staff member's language", async () => {
    const cookie = await login(await dashboardLink(desk.h, 'admin-en', 'admin', '32.04'));
    const identity = await desk.h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'admin-en' },
      select: { staffId: true },
    });
    await desk.h.db.prisma.staff.update({
      where: { id: identity.staffId ?? '' },
      data: { locale: 'en' },
    });
    const html = await (await page('/dasbor?periode=2026-11', cookie)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(t('en', 'dashboard.section.byService'));
  });

  it('holds no personal data of the residents', async () => {
    const admin = await login(await dashboardLink(desk.h, 'admin-pii', 'admin', '32.04'));
    const html = await (await page('/dasbor?periode=2026-11', admin)).text();
    const json = await (await page('/dasbor/data?periode=2026-11', admin)).text();
    expect(html).toContain('Cileunyi Kulon');
    for (const value of desk.personal) {
      expect(html).not.toContain(value);
      expect(json).not.toContain(value);
    }
    expect(html).not.toMatch(/P[BG]-[0-9A-Z]{6}/);
  });
});
