/**
 * db.inChat, the transaction every resident turn and staff command runs in.
 * On SQLite the chats waiting at one moment share one commit, each in its own
 * savepoint (store/group-commit.ts); what a resident would notice is checked
 * on both databases: one chat's failure takes nothing of the other chats'
 * turns with it, a message delivered twice at once is handled once, and a
 * turn is answered only when what it wrote is on disk for everyone to read.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { handleOnce } from '../../src/runtime/handle-once.ts';
import type { InboundMessage } from '../../src/runtime/messages.ts';
import type { Database, Tx } from '../../src/store/database.ts';
import { GroupCommit } from '../../src/store/group-commit.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const NOW = new Date('2026-11-27T02:00:00.000Z');

const processedIds = async (db: Database, prefix: string) =>
  (
    await db.prisma.processedMessage.findMany({
      where: { externalMessageId: { startsWith: prefix } },
      select: { externalMessageId: true },
      orderBy: { externalMessageId: 'asc' },
    })
  ).map((row) => row.externalMessageId);

describe.each(PROVIDERS)('chat transactions on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
  });
  afterAll(() => drop());

  it("keeps every other chat's turn when one chat's turn fails at the same moment", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        db.inChat({ channel: 'test', chatKey: `ct-${i}` }, async (tx, sql) => {
          await sql.recordProcessed('test', `ct-many-${String(i).padStart(2, '0')}`, NOW);
          // A query through Prisma in the middle, as a status check makes.
          await tx.unit.count();
          if (i === 7) throw new Error('turn 7 breaks');
          return i;
        }),
      ),
    );
    expect(outcomes[7]).toMatchObject({ status: 'rejected', reason: { message: 'turn 7 breaks' } });
    const kept = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
    expect(kept).toHaveLength(29);
    expect(await processedIds(db, 'ct-many-')).toEqual(
      Array.from({ length: 30 }, (_, i) => `ct-many-${String(i).padStart(2, '0')}`).filter(
        (id) => id !== 'ct-many-07',
      ),
    );
  });

  it('handles a message delivered twice at the same moment once, and calls the other a duplicate', async () => {
    const message: InboundMessage = {
      channel: 'test',
      conversationKey: 'ct-twice',
      messageId: 'ct-twice-1',
      sender: { id: 'ct-twice' },
      chatType: 'private',
      receivedAt: NOW,
      kind: 'text',
      text: 'halo',
    } as InboundMessage;
    const options = {
      db,
      cipher: testCipher(),
      logger: createLogger('silent'),
      now: NOW,
      apology: 'runtime.error' as const,
    };
    let worked = 0;
    const work = async (tx: Tx) => {
      worked += 1;
      await tx.unit.count();
      return 'done';
    };
    const [a, b] = await Promise.all([
      handleOnce(options, message, work),
      handleOnce(options, message, work),
    ]);
    expect([a.status, b.status].sort()).toEqual(['duplicate', 'handled']);
    expect(await processedIds(db, 'ct-twice-')).toEqual(['ct-twice-1']);
    expect(worked).toBe(1);
  });
});

describe('group commit on sqlite', () => {
  let db: Database;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, url, drop } = await openTestDatabase('sqlite'));
  });
  afterAll(() => drop());

  it('answers a turn only once what it wrote can be read by another connection', async () => {
    const file = url.replace(/^file:/, '');
    const other = new BetterSqlite3(file, { readonly: true });
    try {
      const seen = (id: string) =>
        other.prepare('SELECT 1 FROM "ProcessedMessage" WHERE "externalMessageId" = ?').get(id) !==
        undefined;
      let releaseFirst: () => void = () => {};
      const firstHeld = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      const first = db.inChat({ channel: 'test', chatKey: 'ct-held' }, async (_tx, sql) => {
        await sql.recordProcessed('test', 'ct-held-1', NOW);
        await firstHeld;
      });
      let secondAnswered = false;
      const second = db
        .inChat({ channel: 'test', chatKey: 'ct-held-2' }, async (_tx, sql) => {
          await sql.recordProcessed('test', 'ct-held-2', NOW);
        })
        .then(() => {
          secondAnswered = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Neither is committed while the first turn is still running.
      expect(seen('ct-held-1')).toBe(false);
      expect(secondAnswered).toBe(false);
      releaseFirst();
      await first;
      expect(seen('ct-held-1')).toBe(true);
      await second;
      expect(seen('ct-held-2')).toBe(true);
    } finally {
      other.close();
    }
  });

  it("marks an in-process chat's replies sent in the commit of the turns running at that moment", async () => {
    const file = url.replace(/^file:/, '');
    const other = new BetterSqlite3(file, { readonly: true });
    try {
      const chat = { channel: 'test', chatKey: 'ct-drain' };
      await db.inChat(chat, async (_tx, sql) => {
        await sql.insertOutbox(
          ['first', 'second'].map((payload) => ({
            ...chat,
            dedupeKey: `ct-drain>${payload}`,
            payload,
            now: NOW,
          })),
        );
      });
      const statuses = () =>
        other
          .prepare('SELECT "status" FROM "Outbox" WHERE "chatKey" = ? ORDER BY "id"')
          .all('ct-drain')
          .map((row) => (row as { status: string }).status);
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const turn = db.inChat({ channel: 'test', chatKey: 'ct-drain-busy' }, () => held);
      let taken: string[] | null = null;
      const take = db.takeReplies(chat, NOW).then((rows) => {
        taken = rows.map((row) => row.payload);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Not a write of its own between two batches: it waits for the open one.
      expect(taken).toBeNull();
      expect(statuses()).toEqual(['pending', 'pending']);
      release();
      await Promise.all([turn, take]);
      expect(taken).toEqual(['first', 'second']);
      expect(statuses()).toEqual(['sent', 'sent']);
      // Taken once: a second drain finds nothing.
      expect(await db.takeReplies(chat, NOW)).toEqual([]);
    } finally {
      other.close();
    }
  });
});

describe('group commit when the database will not open a transaction', () => {
  it('fails every waiting turn instead of leaving them waiting', async () => {
    let attempts = 0;
    const group = new GroupCommit<null>({
      transaction: async () => {
        attempts += 1;
        throw new Error('unable to open database file');
      },
      exec: () => {},
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => group.run(async () => n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(attempts).toBe(1);
    // The next turn tries again: the database may be back.
    await expect(group.run(async () => 4)).rejects.toThrow('unable to open database file');
    expect(attempts).toBe(2);
  });
});
