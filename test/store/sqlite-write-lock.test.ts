/**
 * Another process writing to the desk's SQLite file (a CLI command, the
 * checkpointer cutting the log back) while residents write: their turns wait
 * for its commit and are answered, instead of failing at once and being left
 * for the platform to send again. The wait must not stop the desk: timers,
 * and with them every other chat, the health check and the Telegram poll, go on.
 * The other process is a real one holding the file's write lock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { NotCommitted } from '../../src/runtime/not-committed.ts';
import { inWriteLockedTransaction } from '../../src/store/sqlite-write-lock.ts';
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

describe('turns while another process holds the SQLite file', () => {
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
});

describe('inWriteLockedTransaction', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('tries a refused lock again in a new transaction, and runs the turns once it is had', async () => {
    let tries = 0;
    let transactions = 0;
    const ran: number[] = [];
    await inWriteLockedTransaction(
      {
        transaction: async (body) => {
          transactions += 1;
          await body('tx');
        },
        tryLock: () => {
          tries += 1;
          if (tries < 4) throw busy();
        },
        waitMs: 5_000,
      },
      async () => {
        ran.push(tries);
      },
    );
    expect({ transactions, ran }).toEqual({ transactions: 4, ran: [4] });
  });

  it('gives up with the busy error once the wait is over, never having run the turns', async () => {
    let ran = false;
    const started = performance.now();
    const attempt = inWriteLockedTransaction(
      {
        transaction: async (body) => body('tx'),
        tryLock: () => {
          throw busy();
        },
        waitMs: 100,
      },
      async () => {
        ran = true;
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(ran).toBe(false);
  });

  it('does not run the turns again when they fail, even on a busy error of their own', async () => {
    let runs = 0;
    const attempt = inWriteLockedTransaction(
      { transaction: async (body) => body('tx'), tryLock: () => {}, waitMs: 5_000 },
      async () => {
        runs += 1;
        throw busy();
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(runs).toBe(1);
  });
});
