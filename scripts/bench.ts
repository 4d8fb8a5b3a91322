/**
 * The turn benchmark (issue 12): how many resident turns per second the desk
 * carries end to end, its latency at a fixed offered load, its fraction of the
 * bare driver's ceiling, memory as conversations pile up, two desk processes
 * on one PostgreSQL, and the grammY conversations plugin for comparison.
 * Prints a markdown table. Not part of `npm test`.
 *
 * Usage: npm run bench [-- --residents 1000] [-- --rate 200] [-- --latency-seconds 10]
 *        [-- --skip-postgres] [-- --memory-conversations 100000] [-- --memory-seconds 180]
 *        [-- --pair-residents 200] [-- --skip-memory] [-- --skip-plugin]
 *        BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres (the server to use)
 * For heap figures after a full GC: node --expose-gc --max-semi-space-size=64 --import tsx scripts/bench.ts
 * (the desk's own flags, as `npm start` sets them; child processes inherit them)
 */
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import {
  type BenchDatabase,
  createBenchDatabase,
  type Provider,
  postgresReachable,
} from './bench/bench-databases.ts';
import {
  type BenchDesk,
  openBenchDesk,
  randomKeyHex,
  seedBenchDatabase,
} from './bench/bench-desk.ts';
import type { runConversationsPluginBench } from './bench/conversations-plugin.ts';
import { type DeskProcessesResult, runDeskProcesses } from './bench/desk-processes.ts';
import { runEndToEnd, type ThroughputResult } from './bench/end-to-end.ts';
import { type LatencyResult, runLatency, type Schedule } from './bench/latency.ts';
import type { MemoryResult } from './bench/memory.ts';
import {
  type RawResult,
  type RawShape,
  runRawPostgres,
  runRawSqlite,
} from './bench/raw-ceiling.ts';
import { ResidentProgress, TURNS_PER_RESIDENT } from './bench/resident-script.ts';
import { sendTurn } from './bench/send-turn.ts';

const argv = process.argv.slice(2);
const number = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0
    ? z.coerce
        .number()
        .positive()
        .parse(argv[at + 1])
    : fallback;
};
const RESIDENTS = number('residents', 1000);
const RATE = number('rate', 200);
const LATENCY_SECONDS = number('latency-seconds', 10);
const MEMORY_CONVERSATIONS = number('memory-conversations', 100_000);
const MEMORY_SECONDS = number('memory-seconds', 180);
const PAIR_RESIDENTS = number('pair-residents', Math.min(RESIDENTS, 200));
const SKIP_POSTGRES = argv.includes('--skip-postgres');
const SKIP_MEMORY = argv.includes('--skip-memory');
const SKIP_PLUGIN = argv.includes('--skip-plugin');
const PG_NAME = 'slrt_bench_turns';
const run = promisify(execFile);

/** Residents visiting before figure 1 is timed, on the desk and on the plugin alike. */
const WARMUP_RESIDENTS = 5;
/** Resident numbers per phase, so every resident in one database has its own NIK and KK. */
const WARMUP_FIRST = 0;
const E2E_FIRST = 10;
const LATENCY_LANES = Math.ceil((RATE * LATENCY_SECONDS) / TURNS_PER_RESIDENT);
const LATENCY_FIRST = E2E_FIRST + RESIDENTS;
// A steady run's lanes each start a second resident; a lockstep run's do not.
const BURST_FIRST = LATENCY_FIRST + 2 * LATENCY_LANES + 10;
const PAIR_FIRST = BURST_FIRST + LATENCY_LANES + 10;
const SOLO_FIRST = PAIR_FIRST + PAIR_RESIDENTS + 10;

/** Turns the grammY conversations plugin took, and in how long. */
type PluginResult = Awaited<ReturnType<typeof runConversationsPluginBench>>;

interface ProviderFigures {
  provider: Provider;
  e2e: ThroughputResult;
  latency: LatencyResult;
  /** the same offered load with every resident on the same step */
  burst: LatencyResult;
  raw: RawResult;
  /** figure 5: one desk process over IPC, then two */
  pairs: DeskProcessesResult[];
}

const rate = (turns: number, seconds: number) => turns / seconds;
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/**
 * How heavy one turn's rows are: one resident typed step by step, the stored
 * snapshot and reply payloads measured after each turn and averaged, so the
 * raw ceiling writes rows of the same weight as the desk's mid-request turns.
 */
async function probeShape(desk: BenchDesk): Promise<RawShape> {
  const resident = new ResidentProgress(WARMUP_FIRST + 9);
  const chat = desk.channel.chat('probe');
  const snapshots: number[] = [];
  for (let step = 0; step < TURNS_PER_RESIDENT; step++) {
    const replies = await sendTurn(chat, resident.input(step));
    resident.replied(
      step,
      replies.map((r) => r.text),
    );
    const row = await desk.db.prisma.conversation.findFirstOrThrow({
      where: { chatKey: 'probe' },
      select: { snapshot: true },
    });
    snapshots.push(row.snapshot.length);
  }
  const payloads = await desk.db.prisma.outbox.findMany({
    where: { chatKey: 'probe' },
    select: { payload: true },
  });
  const unit = await desk.db.prisma.unit.findUniqueOrThrow({
    where: { code: '32.04.05.2001' },
    select: { id: true },
  });
  const average = (values: number[]) =>
    Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
  return {
    snapshotChars: average(snapshots),
    payloadChars: average(payloads.map((p) => p.payload.length)),
    unitId: unit.id,
  };
}

async function measureProvider(database: BenchDatabase): Promise<ProviderFigures> {
  const { provider } = database;
  await seedBenchDatabase(database.url);
  const keyHex = randomKeyHex();
  const desk = await openBenchDesk(database.url, keyHex);
  let shape: RawShape;
  let e2e: ThroughputResult;
  let latency: LatencyResult;
  let burst: LatencyResult;
  try {
    // Warm-up: the first turns pay for Prisma's query compilation and the flows' first run.
    await runEndToEnd(desk, 'warmup', WARMUP_FIRST, WARMUP_RESIDENTS);
    shape = await probeShape(desk);
    console.log(`[${provider}] end-to-end: ${RESIDENTS} residents at once…`);
    e2e = await runEndToEnd(desk, 'e2e', E2E_FIRST, RESIDENTS);
    console.log(
      `[${provider}] ${e2e.turns} turns in ${fixed(e2e.seconds, 1)} s = ${fixed(rate(e2e.turns, e2e.seconds))} turns/s (${e2e.completedResidents}/${e2e.residents} residents got their code back, ${e2e.redelivered} redelivered)`,
    );
    const measure = async (schedule: Schedule, prefix: string, first: number) => {
      console.log(
        `[${provider}] latency at ${RATE} turns/s offered for ${LATENCY_SECONDS} s, ${schedule}…`,
      );
      const result = await runLatency(desk, prefix, first, RATE, LATENCY_SECONDS, schedule);
      console.log(
        `[${provider}] p50 ${fixed(result.p50)} ms, p95 ${fixed(result.p95)} ms, p99 ${fixed(result.p99)} ms over ${result.turns} turns (${fixed(result.seconds, 1)} s)`,
      );
      return result;
    };
    latency = await measure('steady', 'lat', LATENCY_FIRST);
    burst = await measure('lockstep', 'burst', BURST_FIRST);
  } finally {
    await desk.close();
  }
  console.log(
    `[${provider}] raw ceiling (snapshot ${shape.snapshotChars} chars, payload ${shape.payloadChars} chars)…`,
  );
  const raw =
    provider === 'sqlite'
      ? await runRawSqlite(database.file as string, shape, RESIDENTS)
      : await runRawPostgres(database.url, shape, RESIDENTS);
  console.log(
    `[${provider}] raw: ${raw.turns} turns in ${fixed(raw.seconds, 1)} s = ${fixed(rate(raw.turns, raw.seconds))} turns/s`,
  );
  const pairs: DeskProcessesResult[] = [];
  for (const processes of [1, 2] as const) {
    console.log(`[${provider}] ${processes} desk process(es), ${PAIR_RESIDENTS} residents…`);
    const first = processes === 1 ? SOLO_FIRST : PAIR_FIRST;
    const pair = await runDeskProcesses(
      database.url,
      keyHex,
      `pair${processes}`,
      first,
      PAIR_RESIDENTS,
      processes,
    );
    console.log(
      `[${provider}] ${processes} desk process(es): ${pair.turns} turns in ${fixed(pair.seconds, 1)} s = ${fixed(rate(pair.turns, pair.seconds))} turns/s, ${pair.chatsInOrder}/${pair.chatsChecked} chats in order`,
    );
    pairs.push(pair);
  }
  return { provider, e2e, latency, burst, raw, pairs };
}

/**
 * Runs `entry` in a child process with the bench's own Node flags (and
 * --expose-gc), so a figure's RSS and speed are its own and not what the
 * earlier figures left in this process; the child prints its result as JSON
 * on its last line.
 */
async function runInChild<T>(entry: string, args: (string | number)[]): Promise<T> {
  const { stdout } = await run(
    process.execPath,
    [
      ...process.execArgv.filter((flag) => flag !== '--expose-gc'),
      '--expose-gc',
      fileURLToPath(new URL(entry, import.meta.url)),
      ...args.map(String),
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;
}

function measureMemory(): Promise<MemoryResult> {
  console.log(
    `[memory] ${MEMORY_CONVERSATIONS} conversations (first turns for up to ${MEMORY_SECONDS} s, then the store)…`,
  );
  return runInChild('./bench/memory-entry.ts', [MEMORY_CONVERSATIONS, MEMORY_SECONDS]);
}

function measurePlugin(): Promise<PluginResult> {
  console.log(`[plugin] grammY conversations plugin, ${RESIDENTS} residents…`);
  return runInChild('./bench/plugin-entry.ts', [RESIDENTS, WARMUP_RESIDENTS]);
}

function printTable(
  all: ProviderFigures[],
  memory: MemoryResult | null,
  plugin: PluginResult | null,
): void {
  const rows: string[][] = [];
  /** printed after the memory rows, in figure order */
  const pairRows: string[][] = [];
  for (const f of all) {
    const desk = rate(f.e2e.turns, f.e2e.seconds);
    const raw = rate(f.raw.turns, f.raw.seconds);
    rows.push([
      '1. end-to-end turns/s',
      f.provider,
      fixed(desk),
      `${f.e2e.turns} turns in ${fixed(f.e2e.seconds, 1)} s, ${f.e2e.residents} residents at once, ${f.e2e.completedResidents} got code + status card; ${f.e2e.redelivered} messages redelivered after NotCommitted`,
    ]);
    for (const l of [f.latency, f.burst]) {
      rows.push([
        `2. latency p50 / p95 / p99 (ms) at ${l.rate} turns/s, ${l.schedule}`,
        f.provider,
        `${fixed(l.p50)} / ${fixed(l.p95)} / ${fixed(l.p99)}`,
        `open loop, ${l.schedule === 'steady' ? 'residents spread over the script (1 filing in 15 turns)' : `all residents on the same step (${l.rate} filings/s for ${fixed(l.seconds / TURNS_PER_RESIDENT, 1)} s)`}, ${l.turns} turns in ${fixed(l.seconds, 1)} s, max ${fixed(l.max)} ms, p99 ${fixed(l.filingP99)} ms for filings, ${fixed(l.otherP99)} ms for the other turns, ${l.completedResidents}/${l.residents} finishing residents got code + status card, ${l.redelivered} redelivered`,
      ]);
    }
    rows.push([
      '3. raw ceiling turns/s',
      f.provider,
      fixed(raw),
      `${f.raw.statementsPerTurn} statements/turn (+ identity, ticket, event where due); ${f.provider === 'sqlite' ? 'one connection' : '10 connections'}`,
    ]);
    rows.push(['3. desk / raw', f.provider, fixed(desk / raw, 3), '']);
    for (const pair of f.pairs) {
      pairRows.push([
        `5. ${pair.processes === 1 ? 'one desk process (the same IPC)' : 'two desk processes'} turns/s`,
        f.provider,
        fixed(rate(pair.turns, pair.seconds)),
        `${pair.turns} turns, ${pair.residents} residents (${pair.sharedResidents} sent ${pair.processes === 1 ? 'twice' : 'to both'}), ${pair.chatsInOrder}/${pair.chatsChecked} chats in order, ${pair.completedResidents} got code + status card; ${pair.redelivered} messages redelivered after NotCommitted`,
      ]);
    }
  }
  if (memory) {
    const sample = (s: MemoryResult['first']) =>
      `RSS ${fixed(s.rssMb)} MB, heap ${fixed(s.heapUsedMb)} MB`;
    const outsideYoung = (s: MemoryResult['first']) => s.rssMb - s.youngMb;
    const gcOnlyOutsideYoung = (s: MemoryResult['first']) => s.gcOnlyRssMb - s.gcOnlyYoungMb;
    const readings = (s: MemoryResult['first']) =>
      `the median of ${fixed(s.rssRangeMb[0])}–${fixed(s.rssRangeMb[1])} MB`;
    rows.push([
      `4. memory at ${memory.first.conversations} conversations`,
      'sqlite',
      sample(memory.first),
      `${memory.gc ? 'after gc()' : 'no --expose-gc: heap without a full GC'} and garbage through the young generation, ${readings(memory.first)}; after gc() alone RSS ${fixed(memory.first.gcOnlyRssMb)} MB`,
    ]);
    rows.push([
      `4. memory at ${memory.last.conversations} conversations`,
      'sqlite',
      sample(memory.last),
      `${memory.byTurns} by first turns (${fixed(memory.turnSeconds)} s), ${memory.byStore} through the store (${fixed(memory.storeSeconds)} s), ${readings(memory.last)}; after gc() alone RSS ${fixed(memory.last.gcOnlyRssMb)} MB`,
    ]);
    rows.push([
      '4. RSS growth (MB)',
      'sqlite',
      fixed(memory.last.rssMb - memory.first.rssMb, 1),
      `heap growth ${fixed(memory.last.heapUsedMb - memory.first.heapUsedMb, 1)} MB; after gc() alone ${fixed(memory.last.gcOnlyRssMb - memory.first.gcOnlyRssMb, 1)} MB; outside V8's young generation ${fixed(outsideYoung(memory.last) - outsideYoung(memory.first), 1)} MB (after gc() alone ${fixed(gcOnlyOutsideYoung(memory.last) - gcOnlyOutsideYoung(memory.first), 1)} MB)`,
    ]);
  }
  rows.push(...pairRows);
  if (plugin) {
    const sqlite = all.find((f) => f.provider === 'sqlite');
    const pluginRate = rate(plugin.turns, plugin.seconds);
    rows.push([
      '6. grammY conversations plugin turns/s',
      'sqlite',
      fixed(pluginRate),
      `${plugin.turns} turns in ${fixed(plugin.seconds, 1)} s`,
    ]);
    if (sqlite) {
      rows.push([
        '6. desk / plugin',
        'sqlite',
        fixed(rate(sqlite.e2e.turns, sqlite.e2e.seconds) / pluginRate, 2),
        '',
      ]);
    }
  }
  console.log(
    `\nMachine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}, ${RESIDENTS} residents × 15 turns\n`,
  );
  console.log('| figure | database | value | notes |');
  console.log('| --- | --- | ---: | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

async function main(): Promise<void> {
  const providers: Provider[] = ['sqlite'];
  if (!SKIP_POSTGRES) {
    if (await postgresReachable()) providers.push('postgresql');
    else console.log('PostgreSQL skipped (not reachable)');
  }
  const all: ProviderFigures[] = [];
  for (const provider of providers) {
    const database = await createBenchDatabase(provider, PG_NAME);
    try {
      all.push(await measureProvider(database));
    } finally {
      await database.drop();
    }
  }
  const memory = SKIP_MEMORY ? null : await measureMemory();
  const plugin = SKIP_PLUGIN ? null : await measurePlugin();
  printTable(all, memory, plugin);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
