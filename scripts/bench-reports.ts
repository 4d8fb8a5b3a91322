/**
 * How long the report figures take at 1,000,000 tickets: fills a fresh SQLite
 * file (and a fresh PostgreSQL database `slrt_bench_reports`, when the server
 * answers) with a year of tickets, their events, referrals and ratings, then
 * times computeReport for an admin, a koordinator's kecamatan and one desa,
 * for this month and for twelve months. Not part of `npm test`.
 *
 * Usage: npm run bench:reports [-- --tickets 1000000] [-- --skip-postgres] [-- --reuse] [-- --runs 3]
 *        --reuse times the databases a previous run filled, after migrating them (the
 *        SQLite file is analyzed when the desk opens it, PostgreSQL vacuumed and analyzed)
 *        BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres (the server to use)
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { loadHolidaySet } from '../src/holidays/holiday-records.ts';
import { computeReport, type ReportQuery } from '../src/reports/report-figures.ts';
import type { ReportScope } from '../src/reports/report-scope.ts';
import { seedHolidays } from '../src/seed/seed-holidays.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { ADMIN_URL, adminQuery, postgresReachable } from './bench/bench-databases.ts';

const argv = process.argv.slice(2);
const TICKETS = Number(argv[argv.indexOf('--tickets') + 1] || 0) || 1_000_000;
const SKIP_POSTGRES = argv.includes('--skip-postgres');
const REUSE = argv.includes('--reuse');
/** timed runs per case after one warm-up run; the table shows their median */
const RUNS = Number(argv[argv.indexOf('--runs') + 1] || 0) || 3;
const PG_NAME = 'slrt_bench_reports';

const NOW = new Date('2026-11-27T10:00:00+07:00');
const YEAR_START = new Date('2025-12-01T00:00:00+07:00');
const KECAMATAN = 10;
const DESA_PER_KECAMATAN = 10;
const SERVICES = [
  'kesehatan',
  'pendidikan',
  'adminduk',
  'bansos',
  'rehsos',
  'ekonomi',
  'perlindungan',
  'lainnya',
];
const TOPICS = ['bantuan_tidak_diterima', 'data_salah', 'pelayanan_petugas', 'pungutan_liar'];
const SECTORS = ['pemerintah', 'masyarakat', 'dunia_usaha'];
const PARTNERS = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator, so both databases get the same tickets. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Row = unknown[];
interface Tables {
  Area: Row[];
  Unit: Row[];
  Service: Row[];
  Partner: Row[];
}

const COLUMNS = {
  Area: ['code', 'name', 'level', 'parentCode'],
  Unit: ['id', 'code', 'name', 'level', 'areaCode', 'parentId', 'active', 'createdAt'],
  Service: ['code', 'nameId', 'nameSu', 'nameEn', 'slaDays', 'sortOrder'],
  Partner: ['id', 'code', 'name', 'sector', 'createdAt'],
  Ticket: [
    'id',
    'code',
    'kind',
    'unitId',
    'serviceCode',
    'topic',
    'description',
    'areaCode',
    'status',
    'channel',
    'slaDueAt',
    'createdAt',
    'updatedAt',
    'closedAt',
    'firstRespondedAt',
    'resolvedAt',
  ],
  TicketEvent: ['id', 'ticketId', 'type', 'actorKind', 'toStatus', 'createdAt'],
  Referral: [
    'id',
    'ticketId',
    'partnerId',
    'status',
    'createdAt',
    'updatedAt',
    'respondedAt',
    'completedAt',
  ],
  Feedback: ['id', 'ticketId', 'rating', 'resolved', 'createdAt'],
} as const;
type Table = keyof typeof COLUMNS;

function reference(): Tables {
  const tables: Tables = { Area: [], Unit: [], Service: [], Partner: [] };
  const created = new Date('2025-01-01T00:00:00Z');
  tables.Area.push(['99.01', 'Kabupaten Bench', 'kabupaten_kota', null]);
  tables.Unit.push([
    'u-kab',
    'B-KAB',
    'SLRT Kabupaten',
    'kabupaten_kota',
    '99.01',
    null,
    true,
    created,
  ]);
  for (let k = 1; k <= KECAMATAN; k++) {
    const kec = `99.01.${String(k).padStart(2, '0')}`;
    tables.Area.push([kec, `Kecamatan ${k}`, 'kecamatan', '99.01']);
    tables.Unit.push([
      `u-kec-${k}`,
      `B-KEC-${k}`,
      `SLRT Kecamatan ${k}`,
      'kecamatan',
      kec,
      'u-kab',
      true,
      created,
    ]);
    for (let d = 1; d <= DESA_PER_KECAMATAN; d++) {
      const desa = `${kec}.${2000 + d}`;
      tables.Area.push([desa, `Desa ${k}-${d}`, 'desa_kelurahan', kec]);
      tables.Unit.push([
        `u-desa-${k}-${d}`,
        `B-DESA-${k}-${d}`,
        `Puskesos ${k}-${d}`,
        'desa_kelurahan',
        desa,
        `u-kec-${k}`,
        true,
        created,
      ]);
    }
  }
  SERVICES.forEach((code, i) => {
    tables.Service.push([code, code, code, code, 5, i]);
  });
  for (let p = 0; p < PARTNERS; p++) {
    tables.Partner.push([
      `p-${p}`,
      `mitra-${p}`,
      `Mitra ${p}`,
      SECTORS[p % SECTORS.length],
      created,
    ]);
  }
  return tables;
}

/** The tickets, in chunks, each with its events, referrals and ratings. */
function* ticketChunks(chunkSize: number): Generator<Record<Exclude<Table, keyof Tables>, Row[]>> {
  const next = random(42);
  const span = NOW.getTime() - YEAR_START.getTime();
  let chunk = {
    Ticket: [] as Row[],
    TicketEvent: [] as Row[],
    Referral: [] as Row[],
    Feedback: [] as Row[],
  };
  for (let i = 0; i < TICKETS; i++) {
    const id = `t${i}`;
    const k = 1 + Math.floor(next() * KECAMATAN);
    const d = 1 + Math.floor(next() * DESA_PER_KECAMATAN);
    const desa = `99.01.${String(k).padStart(2, '0')}.${2000 + d}`;
    const createdAt = new Date(YEAR_START.getTime() + Math.floor(next() * span));
    const complaint = next() < 0.1;
    const age = NOW.getTime() - createdAt.getTime();
    const answeredAt = new Date(createdAt.getTime() + Math.floor(next() * 3 * DAY));
    const resolvedAt = new Date(answeredAt.getTime() + Math.floor(next() * 12 * DAY));
    const resolved = resolvedAt.getTime() < NOW.getTime() && next() < 0.9;
    const closedAt = resolved
      ? new Date(resolvedAt.getTime() + Math.floor(next() * 7 * DAY))
      : null;
    const closed = closedAt !== null && closedAt.getTime() < NOW.getTime();
    const answered = answeredAt.getTime() < NOW.getTime();
    const status = closed ? 'DITUTUP' : resolved ? 'SELESAI' : age < 2 * DAY ? 'BARU' : 'DIPROSES';
    const slaDueAt = new Date(createdAt.getTime() + 7 * DAY);
    chunk.Ticket.push([
      id,
      `PB-${i.toString(36).toUpperCase().padStart(6, '0')}`,
      complaint ? 'pengaduan' : 'permohonan',
      `u-desa-${k}-${d}`,
      complaint ? null : SERVICES[i % SERVICES.length],
      complaint ? TOPICS[i % TOPICS.length] : null,
      'bench',
      desa,
      status,
      'telegram',
      slaDueAt,
      createdAt,
      createdAt,
      closed ? closedAt : null,
      answered ? answeredAt : null,
      resolved ? resolvedAt : null,
    ]);
    chunk.TicketEvent.push([`${id}-c`, id, 'created', 'warga', 'BARU', createdAt]);
    if (answered) {
      chunk.TicketEvent.push([`${id}-a`, id, 'claimed', 'petugas', null, answeredAt]);
    }
    if (resolved)
      chunk.TicketEvent.push([`${id}-r`, id, 'completed', 'petugas', 'SELESAI', resolvedAt]);
    if (closed) chunk.TicketEvent.push([`${id}-x`, id, 'closed', 'warga', 'DITUTUP', closedAt]);
    if (next() < 0.03) {
      const escalatedAt = new Date(createdAt.getTime() + 8 * DAY);
      if (escalatedAt.getTime() < NOW.getTime()) {
        chunk.TicketEvent.push([`${id}-e`, id, 'escalated', 'sistem', 'DIESKALASI', escalatedAt]);
      }
    }
    if (!complaint && next() < 0.2) {
      const sentAt = new Date(answeredAt.getTime() + HOUR);
      const respondedAt = new Date(sentAt.getTime() + DAY);
      const declined = next() < 0.2;
      const done = !declined && resolved;
      chunk.Referral.push([
        `${id}-ref`,
        id,
        `p-${i % PARTNERS}`,
        declined ? 'DITOLAK' : done ? 'SELESAI' : 'DITERIMA',
        sentAt,
        sentAt,
        respondedAt,
        done ? resolvedAt : null,
      ]);
    }
    if (closed && next() < 0.4) {
      chunk.Feedback.push([`${id}-f`, id, 1 + Math.floor(next() * 5), true, closedAt]);
    }
    if (chunk.Ticket.length === chunkSize) {
      yield chunk;
      chunk = { Ticket: [], TicketEvent: [], Referral: [], Feedback: [] };
    }
  }
  if (chunk.Ticket.length > 0) yield chunk;
}

/** How the SQLite adapter stores a DateTime (so text comparisons in SQL line up). */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

async function fillSqlite(file: string): Promise<void> {
  const db = new BetterSqlite3(file);
  // A throwaway file: no journal and a big cache make the bulk load I/O-light.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const insert = (table: Table) => {
    const columns = COLUMNS[table];
    const statement = db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    return (rows: Row[]) => {
      for (const row of rows) statement.run(...row.map(sqliteValue));
    };
  };
  const tables = reference();
  db.transaction(() => {
    for (const table of Object.keys(tables) as (keyof Tables)[]) insert(table)(tables[table]);
  })();
  const inserts = {
    Ticket: insert('Ticket'),
    TicketEvent: insert('TicketEvent'),
    Referral: insert('Referral'),
    Feedback: insert('Feedback'),
  };
  for (const chunk of ticketChunks(50_000)) {
    db.transaction(() => {
      for (const table of Object.keys(chunk) as (keyof typeof chunk)[])
        inserts[table](chunk[table]);
    })();
  }
  db.exec('ANALYZE');
  db.close();
}

const PG_TYPES: Record<string, string> = {
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
  closedAt: 'timestamp(3)',
  slaDueAt: 'timestamp(3)',
  firstRespondedAt: 'timestamp(3)',
  resolvedAt: 'timestamp(3)',
  respondedAt: 'timestamp(3)',
  completedAt: 'timestamp(3)',
  active: 'boolean',
  resolved: 'boolean',
  slaDays: 'integer',
  sortOrder: 'integer',
  rating: 'integer',
};

async function fillPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const insert = async (table: Table, rows: Row[]) => {
    if (rows.length === 0) return;
    const columns = COLUMNS[table];
    const arrays = columns.map((_, c) => rows.map((row) => row[c]));
    // One statement per chunk: unnest of column arrays is far faster than row-by-row inserts.
    await client.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
       SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(', ')})`,
      arrays,
    );
  };
  const tables = reference();
  for (const table of Object.keys(tables) as (keyof Tables)[]) await insert(table, tables[table]);
  for (const chunk of ticketChunks(20_000)) {
    await client.query('BEGIN');
    for (const table of Object.keys(chunk) as (keyof typeof chunk)[])
      await insert(table, chunk[table]);
    await client.query('COMMIT');
  }
  await client.query('ANALYZE');
  await client.end();
}

interface Case {
  who: string;
  scope: ReportScope;
  areaCode?: string;
}

const CASES: Case[] = [
  { who: 'admin (all)', scope: { unitIds: 'all' } },
  {
    who: 'koordinator (kecamatan 3)',
    scope: {
      unitIds: [
        'u-kec-3',
        ...Array.from({ length: DESA_PER_KECAMATAN }, (_, d) => `u-desa-3-${d + 1}`),
      ],
    },
  },
  { who: 'petugas (one desa)', scope: { unitIds: ['u-desa-3-7'] } },
  { who: 'admin, area filter (one kecamatan)', scope: { unitIds: 'all' }, areaCode: '99.01.05' },
];

const PERIODS = [
  {
    label: 'bulan ini',
    from: new Date('2026-11-01T00:00:00+07:00'),
    to: new Date('2026-11-28T00:00:00+07:00'),
  },
  { label: '12 bulan', from: YEAR_START, to: new Date('2026-12-01T00:00:00+07:00') },
];

async function timeReports(provider: string, url: string): Promise<string[]> {
  const db = await openDatabase(url);
  await seedHolidays(db.prisma as never, NOW);
  const holidays = await loadHolidaySet(db.prisma as never);
  const lines: string[] = [];
  try {
    for (const period of PERIODS) {
      for (const c of CASES) {
        const query: ReportQuery = {
          scope: c.scope,
          from: period.from,
          to: period.to,
          ...(c.areaCode ? { areaCode: c.areaCode } : {}),
        };
        await computeReport(db.prisma, query, holidays); // warm the cache once
        const runs: number[] = [];
        let figures = await computeReport(db.prisma, query, holidays);
        for (let r = 0; r < RUNS; r++) {
          const started = performance.now();
          figures = await computeReport(db.prisma, query, holidays);
          runs.push(performance.now() - started);
        }
        const ms = Math.round(runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0);
        lines.push(
          `| ${provider} | ${period.label} | ${c.who} | ${ms} | ${figures.opened} | ${figures.closed} | ${figures.slaCompliancePct ?? '-'} | ${figures.medianFirstResponseWorkingDays ?? '-'} | ${figures.medianResolutionWorkingDays ?? '-'} |`,
        );
        console.log(lines[lines.length - 1]);
      }
    }
  } finally {
    await db.close();
  }
  return lines;
}

function printHeader(): void {
  console.log(
    '\n| database | period | who | ms (median) | opened | closed | SLA % | median 1st resp. (wd) | median resolution (wd) |',
  );
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
}

async function main(): Promise<void> {
  console.log(`Filling databases with ${TICKETS.toLocaleString('en')} tickets…`);
  const dir = join(tmpdir(), 'slrt-bench-reports');
  const pgUrl = new URL(ADMIN_URL);
  pgUrl.pathname = `/${PG_NAME}`;
  if (REUSE) {
    const sqliteUrl = `file:${join(dir, 'bench.db')}`;
    await migrate(sqliteUrl);
    const targets: [string, string][] = [['sqlite', sqliteUrl]];
    if (!SKIP_POSTGRES && (await postgresReachable())) {
      await migrate(pgUrl.toString());
      // What autovacuum does after a migration rewrites rows, so index-only scans work again.
      await adminQuery('VACUUM ANALYZE', pgUrl.toString());
      targets.push(['postgresql', pgUrl.toString()]);
    }
    printHeader();
    for (const [provider, url] of targets) await timeReports(provider, url);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sqliteUrl = `file:${join(dir, 'bench.db')}`;
  await migrate(sqliteUrl);
  let started = performance.now();
  await fillSqlite(join(dir, 'bench.db'));
  console.log(`SQLite filled in ${Math.round((performance.now() - started) / 1000)} s`);
  const targets: [string, string][] = [['sqlite', sqliteUrl]];
  if (!SKIP_POSTGRES && (await postgresReachable())) {
    await adminQuery(`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${PG_NAME}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${PG_NAME}`;
    await migrate(url.toString());
    started = performance.now();
    await fillPostgres(url.toString());
    console.log(`PostgreSQL filled in ${Math.round((performance.now() - started) / 1000)} s`);
    targets.push(['postgresql', url.toString()]);
  } else {
    console.log('PostgreSQL skipped (not reachable or --skip-postgres)');
  }
  printHeader();
  for (const [provider, url] of targets) await timeReports(provider, url);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
