/**
 * Where /dasbor links point (DASHBOARD_BASE_URL, else the server's own
 * address) and that the desk started as `npm start` does serves the
 * dashboard's routes on its own port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDesk } from '../../src/app.ts';
import { ConfigError, loadConfig } from '../../src/config/env.ts';
import { dashboardBaseUrl } from '../../src/dashboard/dashboard-base-url.ts';
import { sessionCookie } from '../../src/dashboard/dashboard-cookie.ts';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import { TEST_KEY_HEX } from '../support/test-cipher.ts';

describe('DASHBOARD_BASE_URL', () => {
  it('takes an http(s) origin, without the trailing slash', () => {
    expect(
      loadConfig({ DASHBOARD_BASE_URL: 'https://slrt.example.go.id/' }).DASHBOARD_BASE_URL,
    ).toBe('https://slrt.example.go.id');
  });

  it('stops the desk at start, naming the variable, for a path or a non-URL', () => {
    for (const value of ['https://slrt.example.go.id/dasbor', 'slrt.example.go.id', 'ftp://x']) {
      expect(() => loadConfig({ DASHBOARD_BASE_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ DASHBOARD_BASE_URL: value })).toThrow(
        /^Invalid DASHBOARD_BASE_URL: /,
      );
    }
  });

  it("defaults to the server's own address", () => {
    expect(dashboardBaseUrl({ HOST: '0.0.0.0' }, 8080)).toBe('http://localhost:8080');
    expect(dashboardBaseUrl({ HOST: '127.0.0.1' }, 41234)).toBe('http://127.0.0.1:41234');
    expect(dashboardBaseUrl({ HOST: '::1' }, 8080)).toBe('http://[::1]:8080');
    expect(dashboardBaseUrl({ HOST: '0.0.0.0', DASHBOARD_BASE_URL: 'https://a.example' }, 1)).toBe(
      'https://a.example',
    );
  });
});

describe('the session cookie', () => {
  it('is Secure only when the desk is reached over https', () => {
    expect(sessionCookie('x', true)).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    expect(sessionCookie('x', false)).not.toMatch(/Secure/);
  });
});

describe('the dashboard on the running desk', () => {
  it('refuses an unknown link and a request without a session on the desk port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slrt-dashboard-'));
    const desk = await startDesk(
      loadConfig({
        DATABASE_URL: `file:${join(dir, 'slrt.db')}`,
        ATTACHMENTS_DIR: join(dir, 'attachments'),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
      }),
      createLogger('silent'),
    );
    try {
      const base = `http://127.0.0.1:${desk.port}`;
      const link = await fetch(`${base}/dasbor/masuk?t=${'A'.repeat(43)}`);
      expect(link.status).toBe(403);
      expect(link.headers.get('x-frame-options')).toBe('DENY');
      expect(await link.text()).toContain(t('id', 'dashboard.link.refused'));
      expect((await fetch(`${base}/dasbor`)).status).toBe(401);
      expect((await fetch(`${base}/dasbor/app.js`)).headers.get('content-type')).toMatch(
        /javascript/,
      );
    } finally {
      await desk.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
