import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDesk, startDesk } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';
import { stored } from '../../src/store/sqlite-turn-statements.ts';
import { openEventStream } from '../channels/simulator/event-stream-client.ts';
import { type CapturedLogs, captureLogs } from '../channels/telegram/log-capture.ts';
import { rawQuery } from '../support/raw-sql.ts';
import { childEnv, finished, lines, startNode } from '../support/run-process.ts';
import { TEST_KEY_HEX } from '../support/test-cipher.ts';
import { createEmptyDatabase, type TestDatabase } from '../support/test-database.ts';

const logger = createLogger('silent');

function start(databaseUrl: string): Promise<RunningDesk> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
  });
  return startDesk(config, logger);
}

const get = (port: number, path: string, init?: RequestInit) =>
  fetch(`http://127.0.0.1:${port}${path}`, init);

async function countAreasAndUnits(url: string): Promise<{ areas: number; units: number }> {
  const [row] = await rawQuery<{ areas: number | string; units: number | string }>(
    url,
    'SELECT (SELECT COUNT(*) FROM "Area") AS areas, (SELECT COUNT(*) FROM "Unit") AS units',
  );
  return { areas: Number(row?.areas), units: Number(row?.units) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('startDesk on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-app-'));
  const url = `file:${join(dir, 'slrt.db')}`;
  let desk: RunningDesk | undefined;
  beforeAll(async () => {
    desk = await start(url);
  });
  afterAll(async () => {
    await desk?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers GET /healthz with 200 and status ok', async () => {
    const response = await get(desk?.port ?? 0, '/healthz');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('answers 404 for any other path or method', async () => {
    const port = desk?.port ?? 0;
    const unknown = await get(port, '/tidak-ada');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not found' });
    const post = await get(port, '/healthz', { method: 'POST' });
    expect(post.status).toBe(404);
    await post.body?.cancel();
  });

  it('adds nothing when started again on the same database', async () => {
    expect(await countAreasAndUnits(url)).toEqual({ areas: 312, units: 312 });
    await desk?.stop();
    desk = undefined;

    desk = await start(url);

    expect(await countAreasAndUnits(url)).toEqual({ areas: 312, units: 312 });
    expect((await get(desk.port, '/healthz')).status).toBe(200);
  });

  it('forgets the ids of messages handled before the retention as it starts, and keeps the recent ones', async () => {
    await desk?.stop();
    desk = undefined;
    const insert = (id: string, at: Date) =>
      rawQuery(
        url,
        'INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt") VALUES (?, ?, ?)',
        ['telegram', id, stored(at)],
      );
    await insert('handled-a-month-ago', new Date(Date.now() - 30 * 24 * 60 * 60_000));
    await insert('handled-an-hour-ago', new Date(Date.now() - 60 * 60_000));
    const ids = async () =>
      (
        await rawQuery<{ id: string }>(
          url,
          'SELECT "externalMessageId" AS id FROM "ProcessedMessage" ORDER BY "processedAt"',
        )
      ).map((row) => row.id);

    desk = await start(url);

    for (let i = 0; i < 100 && (await ids()).length > 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await ids()).toEqual(['handled-an-hour-ago']);
  });
});

describe('startDesk with the simulator on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-host-'));
  const url = `file:${join(dir, 'slrt.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** 127.0.0.2 is this machine too, but only a desk bound beyond 127.0.0.1 answers there. */
  const reachableFrom = (address: string, port: number) =>
    fetch(`http://${address}:${port}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );

  async function startWith(env: Record<string, string>) {
    const logs = captureLogs('info');
    const config = loadConfig({
      DATABASE_URL: url,
      PORT: '0',
      DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
      ...env,
    });
    return { desk: await startDesk(config, logs.logger), logs };
  }

  it('listens on 127.0.0.1 only when HOST is unset, and says why', async () => {
    const { desk, logs } = await startWith({});
    try {
      expect(await reachableFrom('127.0.0.1', desk.port)).toBe(200);
      expect(await reachableFrom('127.0.0.2', desk.port)).toBe('refused');
      expect(logs.lines()).toContainEqual(
        expect.objectContaining({
          level: 30,
          msg: 'listening on 127.0.0.1 only because the simulator is on; set HOST=0.0.0.0 to expose it',
        }),
      );
    } finally {
      await desk.stop();
    }
  });

  it('listens where HOST says, and warns that the simulator is exposed', async () => {
    const { desk, logs } = await startWith({ HOST: '0.0.0.0' });
    try {
      expect(await reachableFrom('127.0.0.2', desk.port)).toBe(200);
      // Whether next year's cuti bersama are entered depends on the real date, not on HOST.
      const warnings = logs
        .lines()
        .filter((line) => line.level === 40 && !String(line.msg).startsWith('no cuti bersama'));
      expect(warnings.map((line) => line.msg)).toEqual([
        expect.stringMatching(/^the simulator is on and HOST=0\.0\.0\.0 exposes it/),
      ]);
    } finally {
      await desk.stop();
    }
  });
});

describe('startDesk on PostgreSQL', () => {
  let t: TestDatabase;
  let desk: RunningDesk | undefined;
  beforeAll(async () => {
    t = await createEmptyDatabase('postgresql');
    desk = await start(t.url);
  });
  afterAll(async () => {
    await desk?.stop();
    await t.drop();
  });

  it('reports 503 on /healthz once the database is gone', async () => {
    const port = desk?.port ?? 0;
    expect((await get(port, '/healthz')).status).toBe(200);

    await t.drop();
    const response = await get(port, '/healthz');

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      database: 'unreachable',
      outbox: null,
    });
  });
});

describe('startDesk on PostgreSQL over its Unix socket', () => {
  let t: TestDatabase;
  let socketDir: string;
  let desk: RunningDesk | undefined;
  let logs: CapturedLogs;
  beforeAll(async () => {
    t = await createEmptyDatabase('postgresql');
    // Wherever this server puts its socket (Debian: /var/run/postgresql).
    const [setting] = await rawQuery<{ dirs: string }>(
      t.url,
      "SELECT current_setting('unix_socket_directories') AS dirs",
    );
    socketDir = String(setting?.dirs).split(',')[0]?.trim() ?? '';
    const url = new URL(t.url);
    url.hostname = 'localhost';
    url.searchParams.set('host', socketDir);
    logs = captureLogs('info');
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
    });
    desk = await startDesk(config, logs.logger);
  }, 60_000);
  afterAll(async () => {
    await desk?.stop();
    await t?.drop();
  });

  it('answers a resident, names the socket in its log and opens no TCP connection', async () => {
    const base = `http://127.0.0.1:${desk?.port}`;
    const events = await openEventStream(`${base}/simulator/events`);
    try {
      const response = await fetch(`${base}/simulator/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messageId: randomUUID(), phone: 'resident', text: 'halo' }),
      });
      expect(await response.json()).toEqual({ status: 'handled' });
      await events.next((e) => {
        if (e.event !== 'entry') return false;
        const entry = JSON.parse(e.data) as { from: string; text: string };
        return entry.from === 'desk' && entry.text.startsWith('Selamat datang');
      });
    } finally {
      events.close();
    }

    const name = new URL(t.url).pathname.slice(1);
    expect(logs.lines().find((line) => line.msg === 'data ready')?.database).toBe(
      `PostgreSQL socket ${socketDir}/.s.PGSQL.${new URL(t.url).port || 5432}, database ${name}`,
    );
    // This query's own connection is TCP; every other one on the database is the desk's.
    const connections = await rawQuery<{ tcp: boolean }>(
      t.url,
      'SELECT client_addr IS NOT NULL AS tcp FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.filter((c) => c.tcp)).toEqual([]);
  });
});

describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-main-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves /healthz and exits 0 within 5 s of SIGTERM', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const child = startNode(
      'src/main.ts',
      [],
      childEnv({
        DATABASE_URL: `file:${join(dir, 'slrt.db')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      }),
    );
    const exit = finished(child);
    try {
      const deadline = Date.now() + 45_000;
      let status = 0;
      while (status !== 200 && Date.now() < deadline && child.exitCode === null) {
        status = await get(port, '/healthz').then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);

      const stoppedAt = Date.now();
      child.kill('SIGTERM');
      const result = await exit;

      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      expect(result).toMatchObject({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses an invalid PORT with one line on stderr and exit code 1', async () => {
    const result = await finished(
      startNode(
        'src/main.ts',
        [],
        childEnv({ DATABASE_URL: `file:${join(dir, 'never.db')}`, PORT: 'abc' }),
      ),
    );

    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^slrt-desk: Invalid PORT/)]);
    expect(result.stdout).toBe('');
  });
});
