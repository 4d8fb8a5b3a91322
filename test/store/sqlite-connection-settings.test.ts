/**
 * The desk's SQLite connection settings hold on every connection Prisma's
 * adapter opens, not only the first: after a disconnect the adapter opens a
 * new connection, which starts from SQLite's defaults.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { openTestDatabase } from '../support/test-database.ts';

async function setting(db: Database, name: string): Promise<number> {
  const rows = (await db.prisma.$queryRawUnsafe(`PRAGMA ${name}`)) as Record<string, bigint>[];
  return Number(rows[0]?.[name]);
}

describe('the SQLite connection settings', () => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await drop?.();
    drop = undefined;
  });

  it('survive a reconnect: savepoints kept in memory, NORMAL sync, foreign keys enforced', async () => {
    const opened = await openTestDatabase('sqlite');
    drop = opened.drop;
    const { db } = opened;
    const expected = { temp_store: 2, synchronous: 1, foreign_keys: 1 };
    const read = async () => ({
      temp_store: await setting(db, 'temp_store'),
      synchronous: await setting(db, 'synchronous'),
      foreign_keys: await setting(db, 'foreign_keys'),
    });
    expect(await read()).toEqual(expected);

    await db.prisma.$disconnect();
    // The next query opens a new connection.
    expect(await read()).toEqual(expected);
    // Foreign keys are enforced on it, not only reported.
    await expect(
      db.prisma.consent.create({
        data: { identityId: 'no-such-identity', purpose: 'data', version: 'v1', granted: true },
      }),
    ).rejects.toThrow();
    expect(await db.prisma.consent.count()).toBe(0);
  });
});
