/**
 * Deletes the ids of handled messages recorded before a cutoff. Every inbound
 * message adds one, keyed by a random platform id, so kept for good the table
 * only grows, and with it the cost of every turn's insert: with two million
 * ids of one channel stored, a SQLite turn took 40–190 µs more CPU
 * (scripts/bench/FINDINGS.md).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './database.ts';
import { perConnection } from './sqlite-prepared.ts';
import { stored } from './sqlite-turn-statements.ts';

/**
 * Ids deleted per SQLite statement: each one is a short job between the
 * turns (group-commit.ts). Each id sits on its own page of the index, so on
 * a table of two million a thousand took some 28 ms; 250 keep the turns at
 * 200/s under a p99 of 25 ms while a long history is forgotten.
 */
export const FORGET_CHUNK = 250;

/**
 * One chunk on SQLite: the oldest rows by rowid, those recorded before
 * `cutoff`; 0 once none is left. Ids are appended in the order they are
 * handled, so the oldest rowids are the oldest ids, and each chunk reads
 * FORGET_CHUNK rows at most: there is no index on the time, which every turn
 * would have to update. A row a few milliseconds out of order behind a newer one is
 * left for the next pass.
 */
export function sqliteForgetChunk(
  connection: () => BetterSqlite3.Database,
): (cutoff: Date) => number {
  const statement = perConnection(connection, (on) =>
    on.prepare(`DELETE FROM "ProcessedMessage"
      WHERE rowid < (SELECT min(rowid) FROM "ProcessedMessage") + ${FORGET_CHUNK}
        AND "processedAt" < ?`),
  );
  return (cutoff) => statement().run(stored(cutoff)).changes;
}

/**
 * On PostgreSQL in one statement: a delete there holds back no other writer,
 * and a table kept to a few days of messages is read through in moments.
 */
export async function pgForgetProcessed(prisma: Db, cutoff: Date): Promise<number> {
  return prisma.$executeRaw`DELETE FROM "ProcessedMessage" WHERE "processedAt" < ${cutoff}`;
}
