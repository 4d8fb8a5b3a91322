import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxPurger } from '../../src/channels/outbox-purger.ts';
import { createLogger } from '../../src/log.ts';
import { openOutboxPayload, sealOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import type { Database } from '../../src/store/database.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const DAY = 24 * 60 * 60_000;

describe.each(PROVIDERS)('outbox retention on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let now: Date;
  const purger = (everyMs?: number) =>
    new OutboxPurger({
      prisma: db.prisma,
      cipher: testCipher(),
      logger: createLogger('silent'),
      retentionDays: 7,
      clock: () => now,
      everyMs,
    });
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  let seq = 0;
  async function row(
    text: string,
    status: 'pending' | 'sent' | 'failed',
    writtenDaysAgo: number,
    payload = sealOutboxPayload(testCipher(), { text, options: [] }),
  ) {
    seq += 1;
    const written = daysAgo(writtenDaysAgo);
    await db.prisma.outbox.create({
      data: {
        channel: 'telegram',
        chatKey: 'chat',
        dedupeKey: `purge:${seq}`,
        payload,
        status,
        createdAt: written,
        nextAttemptAt: written,
        // sent a minute after it was written
        sentAt: status === 'sent' ? new Date(written.getTime() + 60_000) : null,
      },
    });
  }
  const texts = async () =>
    (await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } })).map(
      (r) => openOutboxPayload(testCipher(), r.payload).text,
    );

  beforeAll(async () => {
    const t = await openTestDatabase(provider);
    db = t.db;
    drop = t.drop;
  });
  afterAll(() => drop());
  beforeEach(async () => {
    await db.prisma.outbox.deleteMany();
    now = new Date('2026-11-27T02:00:00Z');
  });

  it('deletes sent messages older than the retention period and keeps failed and waiting ones', async () => {
    await row('sent 8 days ago', 'sent', 8);
    await row('sent 6 days ago', 'sent', 6);
    await row('failed a month ago', 'failed', 30);
    await row('waiting for a month', 'pending', 30);
    expect(await purger().runOnce()).toBe(1);
    expect(await texts()).toEqual(['sent 6 days ago', 'failed a month ago', 'waiting for a month']);

    now = new Date(now.getTime() + 2 * DAY);
    expect(await purger().runOnce()).toBe(1);
    expect(await texts()).toEqual(['failed a month ago', 'waiting for a month']);
  });

  it('purges as soon as it starts and again at each interval', async () => {
    await row('old', 'sent', 10);
    const p = purger(30);
    await p.start();
    try {
      for (let i = 0; i < 100 && (await db.prisma.outbox.count()) > 0; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(await db.prisma.outbox.count()).toBe(0);
      await row('sent just now', 'sent', 0);
      now = new Date(now.getTime() + 8 * DAY);
      for (let i = 0; i < 100 && (await db.prisma.outbox.count()) > 0; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(await db.prisma.outbox.count()).toBe(0);
    } finally {
      await p.stop();
    }
  });

  it('seals rows written in clear before payloads were sealed, so they are still sent and no longer readable', async () => {
    const plain = JSON.stringify({ text: 'Nama: Siti Aminah', options: [] });
    await row('', 'pending', 0, plain);
    await row('', 'failed', 3, plain);
    await row('already sealed', 'pending', 0);
    const p = purger();
    await p.start();
    await p.stop();
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.some((r) => r.payload.includes('Siti'))).toBe(false);
    expect(await texts()).toEqual(['Nama: Siti Aminah', 'Nama: Siti Aminah', 'already sealed']);
  });

  it('drops a row kept in clear that is not a message, instead of leaving it readable for good', async () => {
    await row('', 'failed', 2, '{"text":"","note":"NIK 3204054512900001"}');
    await row('', 'pending', 0, '{not json, Siti Aminah');
    await row('kept', 'pending', 0);
    const p = purger();
    await p.start();
    await p.stop();
    const rows = await db.prisma.outbox.findMany();
    expect(rows.some((r) => r.payload.startsWith('{'))).toBe(false);
    expect(await texts()).toEqual(['kept']);
  });
});
