/**
 * /healthz and /metrics on a real desk (startDesk with the browser simulator,
 * Telegram and WhatsApp off), as an operator's probe and Prometheus see them:
 * the JSON shape, the outbox backlog, 503 when PostgreSQL goes away, and
 * counters that move after a resident's turn, a staff command and an SLA
 * breach the sweeper acted on.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDesk, startDesk } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { databaseOutage } from '../support/database-outage.ts';
import { answersUpToDesa, newResident } from '../support/resident-scripts.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { TEST_KEY_HEX } from '../support/test-cipher.ts';
import { createEmptyDatabase, PROVIDERS, type TestDatabase } from '../support/test-database.ts';

const MINUTE = 60_000;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads Prometheus text exposition strictly: any line that is not a comment or a sample fails. */
function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    if (line.startsWith('# TYPE ')) {
      expect(line).toMatch(/^# TYPE [a-zA-Z_:][\w:]* (counter|gauge|histogram|summary|untyped)$/);
      continue;
    }
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    // Prometheus reads values as Go floats: NaN and Inf in any case (prom-client writes "Nan").
    const raw = match[3] as string;
    const value = /^nan$/i.test(raw)
      ? Number.NaN
      : /^[+-]?inf$/i.test(raw)
        ? Number(raw.replace(/inf/i, 'Infinity'))
        : Number(raw);
    if (Number.isNaN(value) && !/^nan$/i.test(raw)) throw new Error(`bad value: ${line}`);
    samples.push({ name: match[1] as string, labels, value });
  }
  return samples;
}

/** The sample's value, 0 when Prometheus has not seen it yet. */
function sampleValue(samples: Sample[], name: string, labels: Record<string, string>): number {
  const found = samples.find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return found?.value ?? 0;
}

describe.each(PROVIDERS)('/healthz and /metrics on %s', (provider) => {
  let empty: TestDatabase;
  let proxy: TcpProxy | undefined;
  let desk: RunningDesk;
  let db: Database;
  const attachments = mkdtempSync(join(tmpdir(), 'slrt-health-'));

  const get = (path: string) => fetch(`http://127.0.0.1:${desk.port}${path}`);
  // A connection of its own per check, as a load balancer's: a pooled one can be
  // closed by the server as idle at the moment it is reused after a frozen stretch.
  const health = () =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      httpGet({ host: '127.0.0.1', port: desk.port, path: '/healthz', agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      }).on('error', reject);
    });
  const metrics = async () => {
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(await response.text());
  };
  const post = async (phone: 'resident' | 'staff', text: string) => {
    const response = await fetch(`http://127.0.0.1:${desk.port}/simulator/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: randomUUID(), phone, text }),
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  };

  beforeAll(async () => {
    empty = await createEmptyDatabase(provider);
    let deskUrl = empty.url;
    if (provider === 'postgresql') {
      const target = new URL(empty.url);
      proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
      deskUrl = proxy.rewrite(empty.url);
    }
    const config = loadConfig({
      DATABASE_URL: deskUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
      SIMULATOR_ENABLED: 'true',
      ATTACHMENTS_DIR: attachments,
      SLA_SWEEP_SECONDS: '5',
    });
    desk = await startDesk(config, createLogger('silent'));
    db = await openDatabase(empty.url);
  }, 60_000);
  afterAll(async () => {
    await desk?.stop();
    await db?.close();
    await proxy?.close();
    await empty?.drop();
    rmSync(attachments, { recursive: true, force: true });
  });

  it('reports the database, each channel and the outbox backlog, without any chat key', async () => {
    const started = Date.now();
    // Rows for a channel this desk does not run stay pending: a backlog that does not move.
    await db.prisma.outbox.createMany({
      data: [
        { channel: 'test', chatKey: 'k1', dedupeKey: `h1-${provider}`, payload: 'x' },
        { channel: 'test', chatKey: 'k2', dedupeKey: `h2-${provider}`, payload: 'x' },
        { channel: 'test', chatKey: 'k3', dedupeKey: `h3-${provider}`, payload: 'x' },
      ].map((row, i) => ({
        ...row,
        createdAt: new Date(started - (2 - i) * MINUTE),
        status: i === 2 ? 'failed' : 'pending',
      })),
    });

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      database: 'ok',
      channels: {
        telegram: { state: 'off' },
        whatsapp: { state: 'off' },
        simulator: { state: 'on', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      },
      outbox: { pending: 2, oldestPendingSeconds: expect.any(Number), failed: 1 },
    });
    const outbox = body.outbox as { oldestPendingSeconds: number };
    const waited = Math.floor((Date.now() - started) / 1000);
    expect(outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(120);
    expect(outbox.oldestPendingSeconds).toBeLessThanOrEqual(120 + waited + 1);
    expect(JSON.stringify(body)).not.toMatch(/k1|k2|k3/);
  });

  it('counts a resident turn, a staff command and an SLA breach, once committed', async () => {
    const before = await metrics();
    const turns = (kind: string, result = 'handled') =>
      sampleValue(before, 'slrt_turns_total', { kind, channel: 'simulator', result });

    // A resident files a help request; a staff member joins and reads the queue.
    for (const answer of [...answersUpToDesa(newResident()), 'cileunyi kulon', 'selesai', '1']) {
      await post('resident', answer);
    }
    const invite = await fetch(`http://127.0.0.1:${desk.port}/simulator/staff-invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { code } = (await invite.json()) as { code: string };
    await post('staff', `/masuk ${code}`);
    await post('staff', '/antrian');

    const after = await metrics();
    const now = (kind: string) =>
      sampleValue(after, 'slrt_turns_total', { kind, channel: 'simulator', result: 'handled' });
    expect(now('resident') - turns('resident')).toBe(13);
    expect(now('staff') - turns('staff')).toBe(2);
    const latency = (kind: string) =>
      sampleValue(after, 'slrt_turn_duration_seconds_count', { kind, channel: 'simulator' });
    expect(latency('resident')).toBe(now('resident'));
    expect(latency('staff')).toBe(now('staff'));
    expect(after.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(after.some((s) => s.name === 'slrt_outbox_rows' && s.labels.status === 'failed')).toBe(
      true,
    );

    // The first-response deadline passed a minute ago: the next sweep escalates the ticket.
    const ticket = await db.prisma.ticket.findFirstOrThrow({ where: { status: 'BARU' } });
    const breaches = () =>
      metrics().then((s) =>
        sampleValue(s, 'slrt_sla_breaches_total', { deadline: 'first_response' }),
      );
    expect(await breaches()).toBe(0);
    await db.prisma.ticket.update({
      where: { id: ticket.id },
      data: {
        createdAt: new Date(Date.now() - 60 * MINUTE),
        firstResponseDueAt: new Date(Date.now() - MINUTE),
      },
    });
    const deadline = Date.now() + 20_000;
    while ((await breaches()) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await breaches()).toBe(1);
    const escalated = await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(escalated.status).toBe('DIESKALASI');
    // Labels name channels, kinds, results and deadlines only: no tracking code, no chat key.
    const text = await (await get('/metrics')).text();
    expect(text).not.toContain(ticket.code);
    expect(text).not.toContain('sim-');
  }, 60_000);

  // Each database has its own outage: PostgreSQL can become unreachable, a
  // SQLite file can only be locked by another process, which reads get through.
  it(provider === 'postgresql'
    ? 'answers 503 while PostgreSQL is unreachable, still naming the channels, and 200 once it is back'
    : 'stays 200 while another process locks the SQLite file: reads still work, writes wait', async () => {
    if (provider === 'sqlite') {
      const outage = databaseOutage('sqlite');
      await outage.begin(empty.url);
      try {
        const locked = await health();
        expect(locked.status).toBe(200);
        expect(locked.body).toMatchObject({ database: 'ok' });
        // Held across two SLA sweeps (every 5 s here) and a dozen outbox polls. Their
        // writes would wait out the busy timeout (10 s) with the whole desk stopped;
        // they skip their turn instead, and /healthz keeps answering at once.
        const lockedUntil = Date.now() + 12_000;
        let longestSilence = 0;
        let last = Date.now();
        while (Date.now() < lockedUntil) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const probe = await health();
          expect(probe.status).toBe(200);
          longestSilence = Math.max(longestSilence, Date.now() - last);
          last = Date.now();
        }
        expect(longestSilence).toBeLessThan(3_000);
      } finally {
        await outage.close();
      }
      return;
    }
    await proxy?.cut();
    try {
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'unavailable',
        database: 'unreachable',
        channels: { simulator: { state: 'on' }, telegram: { state: 'off' } },
        outbox: null,
      });
    } finally {
      await proxy?.restore();
    }
    const deadline = Date.now() + 10_000;
    let back = await health();
    while (back.status !== 200 && Date.now() < deadline) back = await health();
    expect(back.status).toBe(200);
  }, 60_000);
});

describe('METRICS_ENABLED', () => {
  it('is on unless set to false, and a wrong value stops the desk with one line', () => {
    expect(loadConfig({}).METRICS_ENABLED).toBe(true);
    expect(loadConfig({ METRICS_ENABLED: 'false' }).METRICS_ENABLED).toBe(false);
    expect(() => loadConfig({ METRICS_ENABLED: 'maybe' })).toThrow(
      'Invalid METRICS_ENABLED: expected true or false',
    );
  });

  it('off: /metrics does not exist, /healthz still answers', async () => {
    const empty = await createEmptyDatabase('sqlite');
    const attachments = mkdtempSync(join(tmpdir(), 'slrt-nometrics-'));
    const desk = await startDesk(
      loadConfig({
        DATABASE_URL: empty.url,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
        ATTACHMENTS_DIR: attachments,
        METRICS_ENABLED: 'false',
      }),
      createLogger('silent'),
    );
    try {
      const metrics = await fetch(`http://127.0.0.1:${desk.port}/metrics`);
      expect(metrics.status).toBe(404);
      await metrics.body?.cancel();
      const health = await fetch(`http://127.0.0.1:${desk.port}/healthz`);
      expect(health.status).toBe(200);
      await health.body?.cancel();
    } finally {
      await desk.stop();
      await empty.drop();
      rmSync(attachments, { recursive: true, force: true });
    }
  }, 60_000);
});
