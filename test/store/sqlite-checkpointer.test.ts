/**
 * The SQLite write-ahead log is copied back into the database file by a
 * worker thread (store/sqlite-checkpointer.ts), not by the desk's connection
 * in the middle of a resident's turn. What an administrator would notice if
 * that broke: the -wal file beside the database growing without end while
 * the desk runs, and the database file alone (a backup copy of it) missing
 * the latest tickets.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { startSqliteCheckpointer } from '../../src/store/sqlite-checkpointer.ts';
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

describe('the SQLite log after a rush', () => {
  it('grows while turns never pause, and is emptied by the worker, not by a turn, once the desk is quiet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slrt-wal-'));
    const file = join(dir, 'rush.db');
    // The desk's arrangement (store/database.ts): no automatic checkpoints and no
    // journal_size_limit, so no commit of the desk's ever copies or cuts the log.
    const desk = new BetterSqlite3(file, { timeout: 5_000 });
    desk.pragma('journal_mode = WAL');
    desk.pragma('synchronous = NORMAL');
    desk.pragma('wal_autocheckpoint = 0');
    desk.exec('CREATE TABLE "Outbox" (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const checkpointer = startSqliteCheckpointer(file, {
      intervalMs: 20,
      keepBytes: 1024 * 1024,
      onLost: (error) => {
        throw error;
      },
    });
    const walBytes = () => statSync(`${file}-wal`).size;
    try {
      const insert = desk.prepare('INSERT INTO "Outbox" (payload) VALUES (?)');
      const turn = desk.transaction(() => {
        for (let i = 0; i < 20; i++) insert.run('x'.repeat(2000));
      });
      // A rush: commits back to back for 400 ms, the event loop never free.
      let turns = 0;
      const until = performance.now() + 400;
      while (performance.now() < until) {
        turn();
        turns += 1;
      }
      const afterRush = walBytes();
      expect(afterRush).toBeGreaterThan(4 * 1024 * 1024);
      // Quiet: within a few intervals the worker has copied the log and emptied it.
      for (let waited = 0; waited < 3_000 && walBytes() > 0; waited += 20) await sleep(20);
      expect(walBytes()).toBe(0);
      // Nothing written is lost: the database file alone holds every row.
      desk.close();
      const reader = new BetterSqlite3(file, { readonly: true });
      const { n } = reader.prepare('SELECT COUNT(*) AS n FROM "Outbox"').get() as { n: number };
      reader.close();
      expect(n).toBe(turns * 20);
    } finally {
      if (desk.open) desk.close();
      await checkpointer.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
