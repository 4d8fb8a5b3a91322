/**
 * Inside a turn, `tx.$queryRaw` and `tx.$executeRaw` run as cached statements
 * on the turn's own connection (store/sqlite-raw-queries.ts,
 * store/pg-raw-queries.ts). The code calling them was written against Prisma,
 * so the rows must come back exactly as Prisma hands them back: read here both
 * ways and compared, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma as PostgresPrisma } from '../../prisma/generated/postgresql/index.js';
import { Prisma as SqlitePrisma } from '../../prisma/generated/sqlite/index.js';
import type { Database } from '../../src/store/database.ts';
import { recordSqlitePrepares } from '../support/sqlite-prepares.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const NOW = new Date('2026-11-27T02:00:00.000Z');

describe.each(PROVIDERS)('raw queries inside a turn on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let identityId: string;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    const sql = db.statements();
    ({ id: identityId } = await sql.identityOf(
      { channel: 'test', externalId: 'raw-q', altExternalId: null },
      NOW,
    ));
    for (const [version, granted] of [
      ['v1', true],
      ['v2', false],
    ] as const) {
      await sql.recordConsent({
        identityId,
        citizenId: null,
        purpose: 'data',
        version,
        granted,
        now: NOW,
      });
    }
  });
  afterAll(() => drop());

  it('reads dates, flags, counts and texts back as Prisma does', async () => {
    const read = (tx: Pick<Database['prisma'], '$queryRaw'>) =>
      tx.$queryRaw`SELECT c."version", c."granted", c."createdAt", c."citizenId",
          (SELECT COUNT(*) FROM "Consent" k WHERE k."identityId" = c."identityId") AS "n",
          EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."id" = c."identityId") AS "known",
          length(c."version") * 1.5 AS "half"
        FROM "Consent" c WHERE c."identityId" = ${identityId} AND c."createdAt" = ${NOW}
        ORDER BY c."version"`;
    const viaPrisma = await read(db.prisma);
    const inTurn = await db.inChat({ channel: 'test', chatKey: 'raw-q' }, (tx) => read(tx));
    expect(inTurn).toEqual(viaPrisma);
    // SQLite has no boolean for EXISTS and no decimal type; PostgreSQL has both.
    const exists = provider === 'sqlite' ? 1n : true;
    const half = provider === 'sqlite' ? 3 : new PostgresPrisma.Decimal(3);
    expect(inTurn).toEqual([
      { version: 'v1', granted: true, createdAt: NOW, citizenId: null, n: 2n, known: exists, half },
      {
        version: 'v2',
        granted: false,
        createdAt: NOW,
        citizenId: null,
        n: 2n,
        known: exists,
        half,
      },
    ]);
  });

  it('reads integers, texts and dates of a plain select as Prisma does', async () => {
    const read = (tx: Pick<Database['prisma'], '$queryRaw'>) =>
      tx.$queryRaw`SELECT 1 AS "one", c."purpose", c."createdAt", c."granted",
          (SELECT COUNT(*) FROM "Consent" k WHERE k."identityId" = c."identityId") AS "n"
        FROM "Consent" c WHERE c."identityId" = ${identityId} AND c."granted" = ${true}`;
    const viaPrisma = await read(db.prisma);
    const inTurn = await db.inChat({ channel: 'test', chatKey: 'raw-q' }, (tx) => read(tx));
    expect(inTurn).toEqual(viaPrisma);
    expect(inTurn).toEqual([
      {
        one: provider === 'sqlite' ? 1n : 1,
        purpose: 'data',
        createdAt: NOW,
        granted: true,
        n: 2n,
      },
    ]);
  });

  it('counts the rows a raw write changed and keeps it in the turn', async () => {
    const changed = await db.inChat(
      { channel: 'test', chatKey: 'raw-q' },
      (tx) =>
        tx.$executeRaw`UPDATE "ChannelIdentity" SET "locale" = ${'su'} WHERE "id" = ${identityId}`,
    );
    expect(changed).toBe(1);
    const identity = await db.prisma.channelIdentity.findUniqueOrThrow({
      where: { id: identityId },
    });
    expect(identity.locale).toBe('su');
  });

  it('still answers a query built from Prisma.sql fragments', async () => {
    const versions = ['v1', 'v2'];
    const rows = await db.inChat(
      { channel: 'test', chatKey: 'raw-q' },
      (tx) =>
        tx.$queryRaw<{ version: string }[]>`SELECT "version" FROM "Consent"
        WHERE "version" IN (${(provider === 'sqlite' ? SqlitePrisma : PostgresPrisma).join(versions)}) ORDER BY "version"`,
    );
    expect(rows.map((row) => row.version)).toEqual(versions);
  });
});

describe('raw queries inside a turn on postgresql', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase('postgresql'));
  });
  afterAll(() => drop());

  it("run as prepared statements on the turn's own connection", async () => {
    const prepared = await db.inChat({ channel: 'test', chatKey: 'raw-pg' }, async (tx) => {
      await tx.$queryRaw`SELECT "code" FROM "Unit" WHERE "code" = ${'none'}`;
      return tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
    });
    expect(prepared.map((row) => row.statement)).toContainEqual(
      'SELECT "code" FROM "Unit" WHERE "code" = $1',
    );
  });
});

describe('raw queries inside a turn on sqlite', () => {
  let desks: Awaited<ReturnType<typeof openTestDatabase>>[];

  beforeAll(async () => {
    desks = [await openTestDatabase('sqlite'), await openTestDatabase('sqlite')];
  });
  afterAll(() => Promise.all(desks.map((desk) => desk.drop())));

  it('are prepared once per call site on each database, not once per call', async () => {
    const text = 'SELECT "code" FROM "Unit" WHERE "code" = ?';
    const prepares = recordSqlitePrepares();
    try {
      // Two databases in one process, taking turns, as the tests and the bench open them.
      for (let round = 0; round < 3; round++) {
        for (const { db } of desks) {
          const rows = await db.inChat(
            { channel: 'test', chatKey: 'raw-sqlite' },
            (tx) => tx.$queryRaw`SELECT "code" FROM "Unit" WHERE "code" = ${'none'}`,
          );
          expect(rows).toEqual([]);
        }
      }
    } finally {
      prepares.restore();
    }
    // Through Prisma's adapter, or with one cache for both databases, it would be 6.
    expect(prepares.sources.filter((source) => source === text)).toHaveLength(2);
  });
});
