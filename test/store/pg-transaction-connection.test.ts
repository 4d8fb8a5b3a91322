/**
 * The pool the PostgreSQL desk hands to Prisma's pg adapter
 * (store/pg-transaction-connection.ts): it tells a turn which connection its
 * transaction got, so the turn's own statements run there. Whatever order
 * the turn's statements and Prisma's come in, everything the transaction ran
 * must commit or roll back together. And, through `openDatabase` as the desk
 * wires it (store/transaction-end-guard.ts), a transaction whose ROLLBACK or
 * COMMIT fails must still give its connection back.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../prisma/generated/postgresql/index.js';
import { TransactionConnectionPool } from '../../src/store/pg-transaction-connection.ts';
import { rawQuery } from '../support/raw-sql.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe('transactions on the turn connection pool', () => {
  let drop: () => Promise<void>;
  let prisma: PrismaClient;
  let pool: TransactionConnectionPool;

  beforeAll(async () => {
    const test = await openTestDatabase('postgresql');
    await test.db.close();
    drop = test.drop;
    pool = new TransactionConnectionPool({ connectionString: test.url });
    prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await drop();
  });

  const NOW = new Date('2026-11-27T02:00:00.000Z');
  const insert = (id: string) => ({
    name: 'tc_processed',
    text: `INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
      VALUES ($1, $2, $3::timestamp(3))`,
    values: ['test', id, NOW.toISOString()],
  });
  const stored = async (id: string) =>
    prisma.processedMessage.count({ where: { externalMessageId: id } });

  /** A transaction as db.inChat runs one; `work` gets the claimed connection and Prisma's client. */
  const transaction = <T>(
    work: (
      connection: Parameters<Parameters<TransactionConnectionPool['claiming']>[0]>[0],
      tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0],
    ) => Promise<T>,
  ) => pool.claiming((connection) => prisma.$transaction((tx) => work(connection, tx)));

  it('rolls back the first statement with everything after it', async () => {
    await expect(
      transaction(async (connection, tx) => {
        await connection.query(insert('tc-first'));
        await tx.processedMessage.create({
          data: { channel: 'test', externalMessageId: 'tc-first-prisma', processedAt: NOW },
        });
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    expect(await stored('tc-first')).toBe(0);
    expect(await stored('tc-first-prisma')).toBe(0);
  });

  it("rolls back Prisma's statement when it comes first", async () => {
    await expect(
      transaction(async (connection, tx) => {
        await tx.processedMessage.create({
          data: { channel: 'test', externalMessageId: 'tc-prisma-first', processedAt: NOW },
        });
        await connection.query(insert('tc-prisma-then-ours'));
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    expect(await stored('tc-prisma-first')).toBe(0);
    expect(await stored('tc-prisma-then-ours')).toBe(0);
  });

  it('commits both when the work succeeds', async () => {
    await transaction(async (connection, tx) => {
      await connection.query(insert('tc-commit'));
      await tx.processedMessage.create({
        data: { channel: 'test', externalMessageId: 'tc-commit-prisma', processedAt: NOW },
      });
    });
    expect(await stored('tc-commit')).toBe(1);
    expect(await stored('tc-commit-prisma')).toBe(1);
  });

  it('reports a taken key in the first statement as the database does', async () => {
    await transaction((connection) => connection.query(insert('tc-twice')));
    const error = await transaction((connection) => connection.query(insert('tc-twice'))).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: '23505' });
    expect(await stored('tc-twice')).toBe(1);
  });
});

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

/** A turn after the failures records its message: the pool still has connections to give. */
async function expectTurnCommits(db: TestDatabase['db'], messageId: string): Promise<void> {
  await db.inChat({ channel: 'test', chatKey: `tc-${messageId}` }, async () => {}, {
    messageId,
    now: new Date(),
  });
  expect(await db.prisma.processedMessage.count({ where: { externalMessageId: messageId } })).toBe(
    1,
  );
}

/** Closing waits for every connection handed out; one kept for good kept it waiting for ever. */
async function expectClosesInTime(test: TestDatabase): Promise<void> {
  const closing = test.db.close().then(() => 'closed');
  const waited = new Promise((resolve) => setTimeout(resolve, 5_000, 'still waiting'));
  expect(await Promise.race([closing, waited])).toBe('closed');
  await test.drop();
}

describe("a chat's transaction whose connection the server closed", () => {
  it('gives the connection back: new turns still start, and the desk closes', async () => {
    const test = await openTestDatabase('postgresql');
    const { db } = test;
    try {
      // As a server restart does to transactions in flight: more of them than the pool (10) has places.
      for (let i = 0; i < 11; i++) {
        const cut = db.inChat({ channel: 'test', chatKey: `tc-cut-${i}` }, async (tx) => {
          const [own] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await rawQuery(test.url, 'SELECT pg_terminate_backend($1)', [own?.pid]);
          await tx.$queryRaw`SELECT 1`;
        });
        await expect(cut).rejects.toThrow();
      }
      await expectTurnCommits(db, 'after-restart');
    } finally {
      await expectClosesInTime(test);
    }
  });
});

describe("a chat's transaction whose COMMIT the server refuses", () => {
  it('gives the connection back: new turns still start, and the desk closes', async () => {
    const test = await openTestDatabase('postgresql');
    // A foreign key checked only at COMMIT: the way a COMMIT fails on a live connection.
    await rawQuery(test.url, 'CREATE TABLE tc_parent (id int PRIMARY KEY)');
    await rawQuery(
      test.url,
      `CREATE TABLE tc_child (id int PRIMARY KEY,
        parent int REFERENCES tc_parent (id) DEFERRABLE INITIALLY DEFERRED)`,
    );
    const { db } = test;
    try {
      // More refused commits than the desk's pool has connections (10).
      for (let id = 1; id <= 11; id++) {
        const refused = db.inChat(
          { channel: 'test', chatKey: `tc-refused-${id}` },
          (tx) => tx.$executeRaw`INSERT INTO tc_child (id, parent) VALUES (${id}, 404)`,
        );
        await expect(refused).rejects.toThrow(/ForeignKeyConstraintViolation|foreign key/i);
      }
      await expectTurnCommits(db, 'after-refusals');
      const [orphans] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM tc_child`;
      expect(orphans?.n).toBe(0);
    } finally {
      await expectClosesInTime(test);
    }
  });
});
