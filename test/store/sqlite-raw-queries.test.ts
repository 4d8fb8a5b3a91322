/**
 * Inside a turn on SQLite, `tx.$queryRaw` and `tx.$executeRaw` run as cached
 * statements on the bare connection (store/sqlite-raw-queries.ts). The code
 * calling them was written against Prisma, so the rows must come back exactly
 * as Prisma hands them back: read here both ways and compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../prisma/generated/sqlite/index.js';
import type { Database } from '../../src/store/database.ts';
import { openTestDatabase } from '../support/test-database.ts';

const NOW = new Date('2026-11-27T02:00:00.000Z');

describe('raw queries inside a SQLite turn', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let identityId: string;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase('sqlite'));
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
    expect(inTurn).toEqual([
      {
        version: 'v1',
        granted: true,
        createdAt: NOW,
        citizenId: null,
        n: 2n,
        known: 1n,
        half: 3,
      },
      {
        version: 'v2',
        granted: false,
        createdAt: NOW,
        citizenId: null,
        n: 2n,
        known: 1n,
        half: 3,
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
        WHERE "version" IN (${Prisma.join(versions)}) ORDER BY "version"`,
    );
    expect(rows.map((row) => row.version)).toEqual(versions);
  });
});
