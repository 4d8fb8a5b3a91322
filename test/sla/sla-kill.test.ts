/**
 * SIGKILL the SLA sweeper in the middle of its work, again and again, and
 * start it again: in the end every due reminder and escalation happened
 * exactly once (no ticket missed, none told twice). On SQLite with one process,
 * on PostgreSQL with two sweeping processes killed and restarted together.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { TEST_KEY_HEX } from '../support/test-cipher.ts';

const HOUR = 3_600_000;
const TICKETS = 30;
const PLANS = [
  { provider: 'sqlite', processes: 1, kills: 4 },
  { provider: 'postgresql', processes: 2, kills: 3 },
] as const;

/** What each ticket is due for at the sweep's instant: an escalation, a 50% or an 80% reminder. */
const expectation = (i: number) => (['breach', '50', '80'] as const)[i % 3] ?? 'breach';

interface Sweeper {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<boolean>;
}

function startSweeper(env: NodeJS.ProcessEnv): Sweeper {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/sla-sweep-entry.ts'], {
    cwd: process.cwd(),
    env,
  });
  const lines = createInterface({ input: child.stdout });
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let finished = false;
  lines.on('line', (line) => {
    if (line === 'ready') markReady();
    if (line === 'done') finished = true;
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<boolean>((resolve) =>
    child.once('exit', (code) => {
      if (code !== null && code !== 0)
        console.error(`sweeper exited ${code}: ${stderr.slice(-2000)}`);
      resolve(finished);
    }),
  );
  return { child, ready, done };
}

describe.each(PLANS)('the SLA sweeper SIGKILLed on $provider ($processes process(es))', (plan) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let koordinator: InProcessChat;
  let resident: InProcessChat;
  const now = new Date('2026-12-02T10:00:00+07:00');
  const codes: string[] = [];

  const join = (key: string, role: StaffRole, unitCode: string) =>
    joinStaff(h, key, role, unitCode);

  beforeAll(async () => {
    h = await startDeskHarness(plan.provider);
    petugas = await join('kill-petugas', 'petugas', '32.04.05.2001');
    koordinator = await join('kill-koordinator', 'koordinator', '32.04.05');
    resident = h.channel.chat('kill-resident');
    const filed = await fileHelpRequest(resident);
    const model = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code: filed } });
    // The filed ticket itself is far from any deadline, so it stays out of the count.
    await h.db.prisma.ticket.update({
      where: { code: filed },
      data: { createdAt: now, firstResponseDueAt: new Date(now.getTime() + 100 * HOUR) },
    });
    const created = new Date(now.getTime() - 10 * HOUR);
    const firstDue = { breach: -1, '50': 5, '80': 1 };
    for (let i = 0; i < TICKETS; i++) {
      const code = `PB-K${String(i).padStart(5, '0')}`;
      codes.push(code);
      await h.db.prisma.ticket.create({
        data: {
          code,
          kind: model.kind,
          unitId: model.unitId,
          serviceCode: model.serviceCode,
          description: model.description,
          channel: model.channel,
          originIdentityId: model.originIdentityId,
          createdAt: created,
          firstResponseDueAt: new Date(now.getTime() + firstDue[expectation(i)] * HOUR),
          slaDueAt: new Date(now.getTime() + 1000 * HOUR),
        },
      });
    }
    for (const chat of [petugas, koordinator, resident]) await chat.drain();
  }, 60_000);
  afterAll(() => h.close());

  it('escalates and reminds every due ticket exactly once', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: h.url,
      DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
      SLA_TEST_NOW: now.toISOString(),
    };
    const progress: number[] = [];
    let kills = 0;
    for (let round = 0; round < 50; round++) {
      const sweepers = Array.from({ length: plan.processes }, () => startSweeper(env));
      await Promise.all(sweepers.map((s) => s.ready));
      if (kills < plan.kills) {
        // Kill once this round has made progress (so the sweep is under way), a moment later at random.
        const before = progress.at(-1) ?? 0;
        const deadline = Date.now() + 10_000;
        while ((await h.db.prisma.slaNotice.count()) <= before && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
        for (const s of sweepers) s.child.kill('SIGKILL');
        await Promise.all(sweepers.map((s) => s.done));
        kills += 1;
        progress.push(await h.db.prisma.slaNotice.count());
        continue;
      }
      const finished = await Promise.all(sweepers.map((s) => s.done));
      if (finished.every(Boolean)) break;
    }
    const context = JSON.stringify({ kills, progress });
    console.log(
      `SLA kill test | ${plan.provider} | ${plan.processes} process(es) | ${kills} kills | notices after each kill: ${progress.join(', ')} of ${TICKETS}`,
    );
    expect(kills, context).toBe(plan.kills);
    // At least one kill landed while the work was half done.
    expect(
      progress.some((n) => n > 0 && n < TICKETS),
      context,
    ).toBe(true);

    const notices = await h.db.prisma.slaNotice.findMany();
    const byTicket = await h.db.prisma.ticket.findMany({
      where: { code: { in: codes } },
      select: { id: true, code: true, status: true },
    });
    const kindOf = new Map(byTicket.map((t) => [t.id, t.code]));
    expect(
      notices
        .map((n) => `${kindOf.get(n.ticketId)}:${n.threshold}`)
        .sort()
        .join(' '),
    ).toBe(
      codes
        .map((code, i) => `${code}:${expectation(i)}`)
        .sort()
        .join(' '),
    );
    const count = (texts: string[], code: string) => texts.filter((t) => t.includes(code)).length;
    const toPetugas = (await petugas.drain()).map((m) => m.text);
    const toKoordinator = (await koordinator.drain()).map((m) => m.text);
    const toResident = (await resident.drain()).map((m) => m.text);
    const escalations = await h.db.prisma.ticketEvent.findMany({
      where: { type: 'escalated', ticket: { code: { in: codes } } },
      select: { actorKind: true, ticket: { select: { code: true } } },
    });
    codes.forEach((code, i) => {
      const breach = expectation(i) === 'breach';
      expect([code, count(toPetugas, code)]).toEqual([code, 1]);
      expect([code, count(toKoordinator, code)]).toEqual([code, breach ? 1 : 0]);
      expect([code, count(toResident, code)]).toEqual([code, breach ? 1 : 0]);
      expect([code, escalations.filter((e) => e.ticket.code === code).length]).toEqual([
        code,
        breach ? 1 : 0,
      ]);
    });
    expect(new Set(escalations.map((e) => e.actorKind))).toEqual(new Set(['sistem']));
    const statuses = byTicket.map((t) => t.status);
    expect(statuses.filter((s) => s === 'DIESKALASI')).toHaveLength(TICKETS / 3);
  }, 120_000);
});
