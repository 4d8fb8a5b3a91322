/**
 * The outbox's claim on a row: short, renewed while the send runs, given up
 * when it ends. Real time and a real database, because the claim is about time
 * passing while another dispatcher watches the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../src/attachments/attachment-store.ts';
import type { ChannelAdapter } from '../../src/channels/channel-adapter.ts';
import { InboundGateway } from '../../src/channels/inbound-gateway.ts';
import { OutboxDispatcher } from '../../src/channels/outbox-dispatcher.ts';
import { OUTBOX_LEASE_MS } from '../../src/channels/outbox-lease.ts';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.ts';
import { createLogger } from '../../src/log.ts';
import { ConversationRuntime } from '../../src/runtime/conversation-runtime.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { sealOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';
import type { Database } from '../../src/store/database.ts';
import { BotApiEmulator, tooManyRequests } from '../support/bot-api-emulator.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A platform whose sends take `sendMs` and then succeed or fail as told. */
class SlowPlatform implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly received: string[] = [];
  fail = false;
  constructor(private readonly sendMs: number) {}
  async start() {}
  async stop() {}
  async deliver(_chatKey: string, message: OutboundMessage) {
    await sleep(this.sendMs);
    if (this.fail) throw new Error('ECONNRESET');
    this.received.push(message.text);
    return { platformMessageId: String(this.received.length) };
  }
}

describe.each(PROVIDERS)('outbox lease on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  const cipher = testCipher();
  const logger = createLogger('silent');
  let seq = 0;

  async function queue(chatKey: string, text: string): Promise<number> {
    seq += 1;
    const row = await db.prisma.outbox.create({
      data: {
        channel: 'telegram',
        chatKey,
        dedupeKey: `lease:${seq}`,
        payload: sealOutboxPayload(cipher, { text, options: [] }),
      },
    });
    return row.id;
  }
  const dispatcher = (platform: ChannelAdapter, leaseMs: number) =>
    new OutboxDispatcher({ prisma: db.prisma, cipher, adapters: [platform], logger, leaseMs });
  const row = (id: number) => db.prisma.outbox.findUniqueOrThrow({ where: { id } });
  /** The other process starts looking once the first has the row. */
  async function claimed(id: number): Promise<void> {
    while (!(await row(id)).lockedBy) await sleep(5);
  }

  beforeAll(async () => {
    const t = await openTestDatabase(provider);
    db = t.db;
    drop = t.drop;
  });
  afterAll(() => drop());
  beforeEach(() => db.prisma.outbox.deleteMany());

  it('keeps a send that outlasts the lease to itself, so another process never sends it too', async () => {
    const id = await queue('a', 'slow to send');
    // A lease of a second, a send of three: renewal must carry it through even
    // when a loaded machine delays a renewal by a few hundred milliseconds.
    const platform = new SlowPlatform(3000);
    const sending = dispatcher(platform, 1000).runOnce();
    const seen: number[] = [];
    let done = false;
    void sending.finally(() => {
      done = true;
    });
    // A second process looks every 50 ms, as a desk process polling would.
    await claimed(id);
    const other = dispatcher(platform, 1000);
    while (!done) {
      await other.runOnce();
      const until = (await row(id)).lockedUntil;
      if (until) seen.push(until.getTime());
      await sleep(50);
    }
    expect(await sending).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(platform.received).toEqual(['slow to send']);
    // The claim was pushed forward while the send ran, several times.
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect(Math.max(...seen) - Math.min(...seen)).toBeGreaterThan(1500);
  });

  it('stops renewing once the send has ended, whether it worked or not', async () => {
    const sent = await queue('a', 'sent');
    await dispatcher(new SlowPlatform(200), 300).runOnce();
    const retried = await queue('b', 'retried');
    const fails = Object.assign(new SlowPlatform(200), { fail: true });
    expect((await dispatcher(fails, 300).runOnce()).retrying).toBe(1);
    // Three renewal periods later nothing has claimed the rows again.
    await sleep(400);
    const after = await Promise.all([row(sent), row(retried)]);
    expect(after.map((r) => [r.lockedBy, r.lockedUntil])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(after.map((r) => r.status).sort()).toEqual(['pending', 'sent']);
  });

  it('frees the chats of a process that died within one lease of ten seconds, not a minute', async () => {
    const claimedAt = new Date();
    await queue('held', 'claimed by a process that was killed');
    // What a claim by a process that then died leaves behind.
    await db.prisma.outbox.updateMany({
      data: {
        lockedBy: 'dead-process',
        lockedUntil: new Date(claimedAt.getTime() + OUTBOX_LEASE_MS),
      },
    });
    expect(OUTBOX_LEASE_MS).toBeLessThanOrEqual(15_000);
    const platform = new SlowPlatform(0);
    const at = (ms: number) => () => new Date(claimedAt.getTime() + ms);
    const restarted = (ms: number) =>
      new OutboxDispatcher({
        prisma: db.prisma,
        cipher,
        adapters: [platform],
        logger,
        clock: at(ms),
      });
    expect((await restarted(OUTBOX_LEASE_MS - 1).runOnce()).sent).toBe(0);
    expect((await restarted(OUTBOX_LEASE_MS).runOnce()).sent).toBe(1);
    expect(platform.received).toEqual(['claimed by a process that was killed']);
  });

  it('lets Telegram auto-retry wait out a rate limit longer than the lease without a second send', async () => {
    const emulator = await BotApiEmulator.start();
    const dir = mkdtempSync(join(tmpdir(), 'slrt-lease-'));
    try {
      const ref = await ReferenceData.load(db.prisma);
      const telegram = createTelegramChannel({
        gateway: new InboundGateway({
          runtime: new ConversationRuntime({ db, cipher, ref, logger }),
          prisma: db.prisma,
          attachments: new AttachmentStore(dir, 1024 * 1024),
          logger,
        }),
        logger,
        token: emulator.token,
        apiRoot: emulator.apiRoot,
      });
      // The resident wrote first, so Telegram knows the chat.
      const chat = { id: 4242, type: 'private' as const, first_name: 'Warga' };
      const from = { id: chat.id, is_bot: false as const, first_name: 'Warga' };
      emulator.pushUpdate({ message: { message_id: 1, date: 0, chat, from, text: 'halo' } });
      const id = await queue(String(chat.id), 'after a rate limit');
      // Telegram says "retry after 2 s": auto-retry waits, twice the lease of 1 s.
      emulator.failNext('sendMessage', 1, tooManyRequests(2));
      const sending = dispatcher(telegram, 1000).runOnce();
      let done = false;
      void sending.finally(() => {
        done = true;
      });
      await claimed(id);
      const other = dispatcher(telegram, 1000);
      while (!done) {
        await other.runOnce();
        await sleep(100);
      }
      expect(await sending).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(emulator.sentTo(chat.id).map((m) => m.text)).toEqual(['after a rate limit']);
      expect(emulator.callsOf('sendMessage')).toHaveLength(2);
    } finally {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
