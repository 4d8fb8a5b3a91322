/**
 * The SQLite write-ahead log is copied back into the database file by a
 * worker thread (store/sqlite-checkpointer.ts), not by the desk's connection
 * in the middle of a resident's turn. What an administrator would notice if
 * that broke: the -wal file beside the database growing without end while
 * the desk runs, and the database file alone (a backup copy of it) missing
 * the latest tickets.
 */
import { copyFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { openTestDatabase } from '../support/test-database.ts';

const NOW = new Date('2026-11-27T02:00:00.000Z');

describe('the SQLite log while the desk runs', () => {
  let db: Database;
  let file: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    let url: string;
    ({ db, url, drop } = await openTestDatabase('sqlite'));
    file = url.replace(/^file:/, '');
  });
  afterAll(() => drop());

  /** 1,000 turns of one row each, as many commits. */
  async function writeTurns(prefix: string): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await db.inChat({ channel: 'test', chatKey: prefix }, async (_tx, sql) => {
        await sql.insertOutbox([
          {
            channel: 'test',
            chatKey: prefix,
            dedupeKey: `${prefix}-${i}`,
            payload: 'x'.repeat(2000),
            now: NOW,
          },
        ]);
      });
    }
  }

  const walBytes = () => statSync(`${file}-wal`).size;

  /** Rows in a copy of the database file alone, as a backup of it would hold. */
  function rowsInFileAlone(prefix: string): number {
    const copy = `${file}.copy`;
    copyFileSync(file, copy);
    const reader = new BetterSqlite3(copy, { readonly: true });
    try {
      const row = reader
        .prepare('SELECT COUNT(*) AS n FROM "Outbox" WHERE "chatKey" = ?')
        .get(prefix) as { n: number };
      return row.n;
    } finally {
      reader.close();
    }
  }

  it('copies committed turns into the database file and reuses the log instead of growing it', async () => {
    await writeTurns('cp-a');
    await sleep(1500);
    expect(rowsInFileAlone('cp-a')).toBe(1000);
    const afterFirst = walBytes();
    await writeTurns('cp-b');
    await sleep(1500);
    expect(rowsInFileAlone('cp-b')).toBe(1000);
    // Without the checkpoints the second thousand would have doubled the log.
    expect(walBytes()).toBeLessThan(afterFirst * 1.3);
  });
});
