/**
 * Another process writing to the desk's SQLite file (a CLI command, the
 * checkpointer cutting the log back) while residents write: their turns wait
 * for its commit and are answered, instead of failing at once and being left
 * for the platform to send again. The wait must not stop the desk: timers,
 * and with them every other chat, the health check and the Telegram poll, go on.
 * The same holds for every other transaction on the desk's connection. The
 * other process is a real one holding the file's write lock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { NotCommitted } from '../../src/runtime/not-committed.ts';
import { isDatabaseUnavailable } from '../../src/store/database-unavailable.ts';
import { startWriteLocked } from '../../src/store/sqlite-write-lock.ts';
import { databaseOutage } from '../support/database-outage.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

/** Counts 10 ms timer ticks until stopped: a blocked event loop counts none. */
function ticker() {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return ticks;
    },
  };
}

/** Settles to 'pending' when `promise` has not settled by then. */
const stateAfter = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(
      () => 'resolved',
      () => 'rejected',
    ),
    new Promise((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);

describe('while another process holds the SQLite file', () => {
  const outage = databaseOutage('sqlite');
  let h: DeskHarness | undefined;
  afterEach(async () => {
    await outage.close();
    await h?.close();
    h = undefined;
  });

  it("answers a resident's message once the other process commits, and the desk keeps running meanwhile", async () => {
    h = await startDeskHarness('sqlite', { open: { sqliteBusyTimeoutMs: 5_000 } });
    const chat = h.channel.chat('waits-for-lock');
    await outage.begin(h.url);
    const ticks = ticker();
    const sent = chat.send('halo', 'held-1');

    expect(await stateAfter(sent, 400)).toBe('pending');
    await outage.end();
    expect(texts(await sent)).toEqual([t('id', 'entry.askLanguage')]);
    // Blocked in SQLite's own busy wait, the loop would have ticked about once.
    expect(ticks.stop()).toBeGreaterThanOrEqual(20);
    expect(
      await h.db.prisma.processedMessage.count({ where: { externalMessageId: 'held-1' } }),
    ).toBe(1);
    // The conversation went on from there.
    expect(texts(await chat.send('1'))).toEqual([t('id', 'entry.askConsent')]);
  });

  it('leaves the message unanswered after the busy timeout, with the desk running, and handles it once when sent again', async () => {
    h = await startDeskHarness('sqlite', { open: { sqliteBusyTimeoutMs: 300 } });
    const chat = h.channel.chat('outwaits-lock');
    await outage.begin(h.url);
    const ticks = ticker();
    const started = performance.now();

    await expect(chat.send('halo', 'held-2')).rejects.toBeInstanceOf(NotCommitted);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(ticks.stop()).toBeGreaterThanOrEqual(15);
    expect(
      await h.db.prisma.processedMessage.count({ where: { externalMessageId: 'held-2' } }),
    ).toBe(0);

    await outage.end();
    expect(texts(await chat.send('halo', 'held-2'))).toEqual([t('id', 'entry.askLanguage')]);
    // Delivered a third time, it is a duplicate: no second answer.
    expect(texts(await chat.send('halo', 'held-2'))).toEqual([]);
  });

  // Every other transaction on the desk's connection as well.
  const processed = (id: string) => ({
    channel: 'test',
    externalMessageId: id,
    processedAt: new Date(),
  });
  const recorded = (id: string) =>
    h?.db.prisma.processedMessage.count({ where: { externalMessageId: id } });
  /** A desk whose file the other process holds from now on, and a ticker started then. */
  async function heldDesk(busyTimeoutMs: number) {
    h = await startDeskHarness('sqlite', { open: { sqliteBusyTimeoutMs: busyTimeoutMs } });
    await outage.begin(h.url);
    return { db: h.db, ticks: ticker() };
  }
  /** A transaction whose first statement is a write. */
  const writeFirst = (db: DeskHarness['db'], id: string) =>
    db.prisma.$transaction(async (tx) => {
      await tx.processedMessage.create({ data: processed(id) });
    });

  // Reading first, SQLite refused at once; writing first, it slept in its busy wait with the desk.
  // The other process is let go from a timer of this thread, which the busy wait would never let run.
  it.each([
    [
      'reads before it writes (the dispatcher, the apology)',
      (db: DeskHarness['db'], id: string) =>
        db.prisma.$transaction(async (tx) => {
          await tx.processedMessage.count();
          await tx.processedMessage.create({ data: processed(id) });
        }),
    ],
    ['writes first', writeFirst],
  ])(
    'lets one that %s wait on a timer and commit once the other process does',
    async (_, write) => {
      const { db, ticks } = await heldDesk(5_000);
      const written = write(db, 'waited');

      expect(await stateAfter(written, 400)).toBe('pending');
      await outage.end();
      await written;
      expect(ticks.stop()).toBeGreaterThanOrEqual(20);
      expect(await recorded('waited')).toBe(1);
    },
  );

  it('gives up after the busy timeout as the database being unavailable, and the next transaction runs', async () => {
    const { db, ticks } = await heldDesk(300);
    const started = performance.now();

    const refused = await writeFirst(db, 'outwaits').then(
      () => null,
      (error: unknown) => error,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(ticks.stop()).toBeGreaterThanOrEqual(15);
    expect(isDatabaseUnavailable(refused)).toBe(true);

    await outage.end();
    // The adapter let go of its transaction mutex: a later transaction is not stuck behind it.
    await writeFirst(db, 'after-release');
    expect(await recorded('outwaits')).toBe(0);
    expect(await recorded('after-release')).toBe(1);
  });
});

describe('a SQLite transaction whose COMMIT fails', () => {
  let h: DeskHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('lets go of the connection, so the transactions after it still run', async () => {
    h = await startDeskHarness('sqlite');
    const db = h.db;
    // A consent naming no resident, its foreign key checked only at COMMIT, which fails
    // as a full disk would make it fail.
    const failed = db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('PRAGMA defer_foreign_keys = ON');
      await tx.$executeRawUnsafe(
        `INSERT INTO "Consent" ("id", "identityId", "purpose", "version", "granted")
         VALUES ('orphan', 'no-such-identity', 'data', 'v1', 1)`,
      );
    });
    await expect(failed).rejects.toThrow(/ForeignKey/);

    // Before, the adapter kept its transaction lock, and this waited for it for ever.
    await db.prisma.$transaction(async (tx) => {
      await tx.processedMessage.create({
        data: {
          channel: 'test',
          externalMessageId: 'after-commit-failed',
          processedAt: new Date(),
        },
      });
    });
    expect(
      await db.prisma.processedMessage.count({
        where: { externalMessageId: 'after-commit-failed' },
      }),
    ).toBe(1);
    expect(await db.prisma.consent.count({ where: { id: 'orphan' } })).toBe(0);
  });
});

describe('startWriteLocked', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('rolls back a transaction refused the lock and opens a new one, until one has it', async () => {
    let opened = 0;
    const abandoned: number[] = [];
    const transaction = await startWriteLocked({
      start: async () => {
        opened += 1;
        return opened;
      },
      tryLock: () => {
        if (opened < 4) throw busy();
      },
      abandon: async (which) => {
        abandoned.push(which);
      },
      waitMs: 5_000,
    });
    expect({ transaction, abandoned }).toEqual({ transaction: 4, abandoned: [1, 2, 3] });
  });

  it('gives up with the busy error once the wait is over, with every transaction it opened rolled back', async () => {
    let opened = 0;
    let abandoned = 0;
    const started = performance.now();
    const attempt = startWriteLocked({
      start: async () => {
        opened += 1;
      },
      tryLock: () => {
        throw busy();
      },
      abandon: async () => {
        abandoned += 1;
      },
      waitMs: 100,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(opened).toBeGreaterThan(1);
    expect(abandoned).toBe(opened);
  });

  it('does not try again after an error other than a refused lock', async () => {
    let opened = 0;
    let abandoned = 0;
    const attempt = startWriteLocked({
      start: async () => {
        opened += 1;
      },
      tryLock: () => {
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      },
      abandon: async () => {
        abandoned += 1;
      },
      waitMs: 5_000,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_IOERR' });
    expect({ opened, abandoned }).toEqual({ opened: 1, abandoned: 1 });
  });
});
