import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChannelAdapter, DeliveryError } from '../../src/channels/channel-adapter.ts';
import { backoffMs, OutboxDispatcher } from '../../src/channels/outbox-dispatcher.ts';
import { createLogger } from '../../src/log.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { sealOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import { FieldCipher } from '../../src/security/field-cipher.ts';
import type { Database } from '../../src/store/database.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

/** A platform that records what reached each chat and fails when told to. */
class RecordingPlatform implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly received: { chatKey: string; text: string }[] = [];
  /** errors the next deliveries to a chat throw, in order */
  failures: Record<string, Error[]> = {};
  async start() {}
  async stop() {}
  async deliver(chatKey: string, message: OutboundMessage) {
    const failure = this.failures[chatKey]?.shift();
    if (failure) throw failure;
    this.received.push({ chatKey, text: message.text });
    return { platformMessageId: String(this.received.length) };
  }
}

describe.each(PROVIDERS)('outbox dispatcher on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let now: Date;
  let platform: RecordingPlatform;
  const clock = () => now;
  const dispatcher = (options: Partial<ConstructorParameters<typeof OutboxDispatcher>[0]> = {}) =>
    new OutboxDispatcher({
      prisma: db.prisma,
      cipher: testCipher(),
      adapters: [platform],
      logger: createLogger('silent'),
      clock,
      ...options,
    });
  let seq = 0;
  async function queue(chatKey: string, text: string, channel = 'telegram') {
    seq += 1;
    await db.prisma.outbox.create({
      data: {
        channel,
        chatKey,
        dedupeKey: `test:${seq}`,
        payload: sealOutboxPayload(testCipher(), { text, options: [] }),
        createdAt: now,
        nextAttemptAt: now,
      },
    });
  }

  beforeAll(async () => {
    const t = await openTestDatabase(provider);
    db = t.db;
    drop = t.drop;
  });
  afterAll(() => drop());
  beforeEach(async () => {
    await db.prisma.outbox.deleteMany();
    now = new Date('2026-11-27T02:00:00Z');
    platform = new RecordingPlatform();
  });

  it('sends every chat its messages in the order they were queued and marks them sent', async () => {
    await queue('a', 'a1');
    await queue('b', 'b1');
    await queue('a', 'a2');
    await queue('a', 'a3');
    const report = await dispatcher().runOnce();
    expect(report).toEqual({ sent: 4, retrying: 0, failed: 0 });
    expect(platform.received.filter((m) => m.chatKey === 'a').map((m) => m.text)).toEqual([
      'a1',
      'a2',
      'a3',
    ]);
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.every((r) => r.status === 'sent' && r.platformMessageId && r.sentAt)).toBe(true);
    expect((await dispatcher().runOnce()).sent).toBe(0);
  });

  it('holds a chat behind a message that must be retried, and honours retry_after', async () => {
    await queue('a', 'status: diterima');
    await queue('a', 'status: selesai');
    await queue('b', 'other chat');
    platform.failures = { a: [new DeliveryError('Too Many Requests', { retryAfterMs: 7000 })] };
    const d = dispatcher();
    expect(await d.runOnce()).toEqual({ sent: 1, retrying: 1, failed: 0 });
    expect(platform.received.map((m) => m.text)).toEqual(['other chat']);

    now = new Date(now.getTime() + 6000);
    expect((await d.runOnce()).sent).toBe(0);
    now = new Date(now.getTime() + 1000);
    expect((await d.runOnce()).sent).toBe(2);
    expect(platform.received.map((m) => m.text)).toEqual([
      'other chat',
      'status: diterima',
      'status: selesai',
    ]);
    const first = await db.prisma.outbox.findFirstOrThrow({
      where: { chatKey: 'a' },
      orderBy: { id: 'asc' },
    });
    expect(first.attempts).toBe(2);
    expect(first.lastError).toBeNull();
  });

  it('backs off exponentially after plain errors and gives up after the last attempt', async () => {
    await queue('a', 'never arrives');
    await queue('a', 'arrives after the failed one is given up');
    platform.failures = { a: [1, 2, 3].map(() => new Error('ECONNRESET')) };
    const d = dispatcher({ maxAttempts: 3 });
    expect(await d.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await db.prisma.outbox.findFirstOrThrow({
      where: { chatKey: 'a' },
      orderBy: { id: 'asc' },
    });
    expect(waiting.nextAttemptAt.getTime() - now.getTime()).toBe(backoffMs(1));
    now = new Date(now.getTime() + backoffMs(1));
    expect(await d.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    now = new Date(now.getTime() + backoffMs(2));
    expect(await d.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ['failed', 'ECONNRESET'],
      ['sent', null],
    ]);
    expect(backoffMs(30)).toBe(10 * 60_000);
  });

  it('gives up at once when the platform says trying again cannot help', async () => {
    await queue('gone', 'to a chat that blocked the bot');
    platform.failures = {
      gone: [new DeliveryError('Forbidden: bot was blocked', { permanent: true })],
    };
    expect(await dispatcher().runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
  });

  it('leaves other channels and rows claimed by another process alone', async () => {
    await queue('a', 'for whatsapp', 'whatsapp');
    await queue('b', 'claimed elsewhere');
    await db.prisma.outbox.updateMany({
      where: { chatKey: 'b' },
      data: { lockedUntil: new Date(now.getTime() + 30_000), lockedBy: 'other-process' },
    });
    expect((await dispatcher().runOnce()).sent).toBe(0);
    now = new Date(now.getTime() + 30_000);
    expect((await dispatcher().runOnce()).sent).toBe(1);
    const whatsapp = await db.prisma.outbox.findFirstOrThrow({ where: { channel: 'whatsapp' } });
    expect(whatsapp.status).toBe('pending');
  });

  it('never sends one row twice when two dispatchers run at the same time', async () => {
    for (let i = 0; i < 20; i += 1) await queue(`chat-${i % 5}`, `m${i}`);
    const reports = await Promise.all([dispatcher().runOnce(), dispatcher().runOnce()]);
    expect(reports[0].sent + reports[1].sent).toBe(20);
    expect(platform.received).toHaveLength(20);
    expect(new Set(platform.received.map((m) => m.text)).size).toBe(20);
  });

  it('leaves the rows of a channel that is not connected untouched until it is', async () => {
    await queue('a', 'waits for the connection');
    let connected = false;
    const waiting = Object.assign(platform, { ready: () => connected });
    const d = dispatcher({ adapters: [waiting] });
    expect(await d.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const row = await db.prisma.outbox.findFirstOrThrow({ where: { chatKey: 'a' } });
    expect([row.status, row.attempts, row.lockedBy]).toEqual(['pending', 0, null]);
    connected = true;
    expect((await d.runOnce()).sent).toBe(1);
  });

  it('gives up a payload sealed with another key at once, saying nothing of it, and sends the next', async () => {
    const otherKey = new FieldCipher(Buffer.alloc(32, 7));
    await db.prisma.outbox.create({
      data: {
        channel: 'telegram',
        chatKey: 'a',
        dedupeKey: 'other-key',
        payload: sealOutboxPayload(otherKey, { text: 'NIK 3204054512900001', options: [] }),
        createdAt: now,
        nextAttemptAt: now,
      },
    });
    await queue('a', 'after it');
    const logs: string[] = [];
    const logger = createLogger('info', { write: (line: string) => logs.push(line) });
    expect(await dispatcher({ logger }).runOnce()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(platform.received.map((m) => m.text)).toEqual(['after it']);
    const given = await db.prisma.outbox.findUniqueOrThrow({ where: { dedupeKey: 'other-key' } });
    expect([given.status, given.attempts]).toEqual(['failed', 1]);
    expect(given.lastError).not.toContain('3204');
    expect(logs.join('\n')).toContain('gave up');
    expect(logs.join('\n')).not.toContain('3204');
  });

  it('sends soon after wake() without waiting for the poll interval', async () => {
    const d = dispatcher({ clock: () => new Date(), pollMs: 60_000 });
    now = new Date();
    d.start();
    try {
      await new Promise((r) => setTimeout(r, 50));
      await queue('a', 'woken');
      d.wake();
      for (let i = 0; i < 100 && platform.received.length === 0; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(platform.received.map((m) => m.text)).toEqual(['woken']);
    } finally {
      await d.stop();
    }
  });
});
