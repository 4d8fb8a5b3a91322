/**
 * Handled message ids are forgotten once no platform can deliver the message
 * again: the desk still answers a redelivery within that time once, and the
 * table stops growing with every message ever received.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ProcessedIdPurger,
  processedIdRetentionDays,
} from '../../src/channels/processed-id-purger.ts';
import { createLogger } from '../../src/log.ts';
import { FORGET_CHUNK } from '../../src/store/forget-processed.ts';
import { databaseOutage, TEST_BUSY_TIMEOUT_MS } from '../support/database-outage.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';
import { captureLogs } from './telegram/log-capture.ts';

const DAY = 24 * 60 * 60_000;
const logger = createLogger('silent');

describe('how long a handled message id is kept', () => {
  it('outlasts both platforms: a day of Telegram updates, the WhatsApp offline cut-off, and a day of clock error', () => {
    expect(processedIdRetentionDays(3)).toBe(4);
    expect(processedIdRetentionDays(0.5)).toBe(2);
    expect(processedIdRetentionDays(30)).toBe(31);
  });
});

describe.each(PROVIDERS)('forgetting handled message ids on %s', (provider) => {
  let h: DeskHarness;
  const purger = () =>
    new ProcessedIdPurger({
      db: h.db,
      logger,
      retentionDays: processedIdRetentionDays(3),
      clock: () => h.clock.now,
    });
  const stored = async () =>
    (
      await h.db.prisma.processedMessage.findMany({
        select: { externalMessageId: true },
        orderBy: { processedAt: 'asc' },
      })
    ).map((row) => row.externalMessageId);

  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h.close());

  it('still answers a redelivery within the retention once, and forgets the ids past it', async () => {
    const chat = h.channel.chat('forget-1');
    expect(await chat.send('halo', 'sent-monday')).not.toEqual([]);
    h.clock.advance(3 * DAY);
    expect(await chat.send('halo', 'sent-thursday')).not.toEqual([]);
    h.clock.advance(2 * DAY);

    expect(await purger().runOnce()).toBe(1);
    expect(await stored()).toEqual(['sent-thursday']);
    // Thursday's message is two days old: a platform could still bring it again.
    const again = await h.runtime.handle(chat.inbound('halo', 'sent-thursday'));
    expect(again.status).toBe('duplicate');
    expect(await chat.drain()).toEqual([]);
  });

  it('forgets a long history a chunk at a time, keeping every recent id', async () => {
    await h.db.prisma.processedMessage.deleteMany();
    const now = h.clock.now.getTime();
    const old = 2 * FORGET_CHUNK + 500;
    await h.db.prisma.processedMessage.createMany({
      data: Array.from({ length: old }, (_, i) => ({
        channel: 'whatsapp',
        externalMessageId: `old-${i}`,
        processedAt: new Date(now - 30 * DAY + i * 1000),
      })),
    });
    await h.db.prisma.processedMessage.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({
        channel: 'telegram',
        externalMessageId: `recent-${i}`,
        processedAt: new Date(now - DAY + i * 1000),
      })),
    });

    expect(await purger().runOnce()).toBe(old);
    expect(await stored()).toEqual(Array.from({ length: 10 }, (_, i) => `recent-${i}`));
    expect(await purger().runOnce()).toBe(0);
  });
});

describe('forgetting handled message ids while another process holds the SQLite file', () => {
  const outage = databaseOutage('sqlite');
  afterEach(() => outage.close());

  it('skips the pass while the file is held, without an error or a wait, and forgets on the next', async () => {
    const { db, url, drop } = await openTestDatabase('sqlite', outage.database);
    const logs = captureLogs();
    try {
      await db.prisma.processedMessage.create({
        data: { channel: 'test', externalMessageId: 'old', processedAt: new Date(0) },
      });
      const purger = new ProcessedIdPurger({
        db,
        logger: logs.logger,
        retentionDays: 4,
        everyMs: 20,
        writable: () => db.writeLockFree(),
      });
      await outage.begin(url);
      purger.start();
      // A pass that tried to write would wait out the busy timeout or fail and log it.
      const asleep = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(performance.now() - asleep).toBeLessThan(100 + TEST_BUSY_TIMEOUT_MS);
      expect(await db.prisma.processedMessage.count()).toBe(1);
      await outage.end();
      for (let i = 0; i < 100 && (await db.prisma.processedMessage.count()) > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await purger.stop();
      expect(await db.prisma.processedMessage.count()).toBe(0);
      expect(logs.lines().filter((line) => line.level >= 50)).toEqual([]);
    } finally {
      await drop();
    }
  });
});
