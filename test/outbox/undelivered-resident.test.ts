/**
 * A message to a resident the desk gives up on: the ticket's unit is told
 * once, the operator sees the row (masked) with `outbox failed` and sends it
 * again with `outbox retry`. Driven by the real OutboxDispatcher over a
 * platform that refuses the resident's chat for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelAdapter, DeliveryError } from '../../src/channels/channel-adapter.ts';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { OutboxDispatcher } from '../../src/channels/outbox-dispatcher.ts';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { writeOutbox } from '../../src/runtime/outbox-writer.ts';
import { RESIDENT_UNREACHABLE } from '../../src/staff-desk/undelivered-alert.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { describeCliRefusals } from '../support/run-cli-in-process.ts';
import { lines, runCli } from '../support/run-process.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

/** A WhatsApp-like chat key: a phone number the CLI must never print in full. */
const RESIDENT_CHAT = '6281234567890';
const DAY = 24 * 3_600_000;

/** Delivers everything except to the chats it is told have blocked the bot. */
class BlockingPlatform implements ChannelAdapter {
  readonly channel = 'test' as const;
  readonly blocked = new Set<string>();
  readonly received: { chatKey: string; text: string }[] = [];
  async start() {}
  async stop() {}
  async deliver(chatKey: string, message: OutboundMessage) {
    if (this.blocked.has(chatKey)) {
      throw new DeliveryError('Forbidden: bot was blocked by the user', { permanent: true });
    }
    this.received.push({ chatKey, text: message.text });
    return { platformMessageId: String(this.received.length) };
  }
}

describe.each(PROVIDERS)('a resident who cannot be reached, on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let code: string;
  let failedId: number;
  const platform = new BlockingPlatform();
  let dispatcher: OutboxDispatcher;
  const alerts = () => petugas.drain().then((replies) => replies.map((r) => r.text));
  const unreachable = () =>
    h.db.prisma.ticketEvent.count({ where: { ticket: { code }, type: RESIDENT_UNREACHABLE } });

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await joinStaff(h, 'ud-petugas', 'petugas', '32.04.05.2001');
    // Told in their own language.
    await petugas.send('/bahasa en');
    code = await fileHelpRequest(h.channel.chat(RESIDENT_CHAT));
    await petugas.drain();
    dispatcher = new OutboxDispatcher({
      prisma: h.db.prisma,
      cipher: testCipher(),
      adapters: [platform],
      logger: createLogger('silent'),
      clock: () => h.clock.now,
    });
    await petugas.send(`/verifikasi ${code}`);
  }, 60_000);
  afterAll(() => h.close());

  it('tells the unit’s staff chats once when the resident’s update is given up', async () => {
    platform.blocked.add(RESIDENT_CHAT);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await h.db.prisma.outbox.findFirstOrThrow({ where: { status: 'failed' } });
    failedId = failed.id;
    expect(failed.chatKey).toBe(RESIDENT_CHAT);

    expect(await alerts()).toEqual([
      t('en', 'outbox.undelivered.alert', { code, channel: 'test', attempts: 1 }),
    ]);
    expect(await unreachable()).toBe(1);
    // Nothing more on the next pass.
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await alerts()).toEqual([]);
  });

  it('lists the failed row masked, without its text, and retries it until it is delivered', async () => {
    const listed = await runCli(h.url, 'outbox', 'failed');
    expect(listed.stderr).toBe('');
    const out = lines(listed.stdout);
    expect(out[0]).toMatch(/^ID\s+CHANNEL\s+CHAT\s+ATTEMPTS\s+ERROR\s+AGE$/);
    expect(out[1]).toMatch(
      new RegExp(
        `^${failedId}\\s+test\\s+6281\\*{5}7890\\s+1\\s+chat-unreachable\\s+\\d+ (s|min|h|d)$`,
      ),
    );
    expect(out.at(-1)).toBe('1 failed message(s)');
    expect(listed.stdout).not.toContain(RESIDENT_CHAT);
    expect(listed.stdout).not.toContain(code);

    const retried = await runCli(h.url, 'outbox', 'retry', String(failedId));
    expect(lines(retried.stdout)).toEqual([
      '1 message(s) back in the queue; a running desk sends them within seconds',
    ]);
    // The CLI queues it for its own now; the desk's clock catches up.
    h.clock.advance(10 * DAY);

    // Still blocked: given up again, and the unit is not told twice.
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await alerts()).toEqual([]);
    expect(await unreachable()).toBe(1);

    // The resident unblocked the bot.
    platform.blocked.clear();
    const again = await runCli(h.url, 'outbox', 'retry', '--all');
    expect(lines(again.stdout)[0]).toBe(
      '1 message(s) back in the queue; a running desk sends them within seconds',
    );
    h.clock.advance(10 * DAY);
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(platform.received.filter((m) => m.chatKey === RESIDENT_CHAT)).toEqual([
      { chatKey: RESIDENT_CHAT, text: expect.stringContaining(code) },
    ]);
    const row = await h.db.prisma.outbox.findUniqueOrThrow({ where: { id: failedId } });
    expect(row.status).toBe('sent');
    expect(await alerts()).toEqual([]);
  }, 120_000);

  it('tells nobody when a staff chat cannot be reached', async () => {
    await writeOutbox(
      h.db.statements(),
      testCipher(),
      { channel: 'test', chatKey: 'ud-petugas' },
      'test:staff-message',
      [{ text: `Tiket ${code}`, options: [] }],
      h.clock.now,
    );
    platform.blocked.add('ud-petugas');
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await h.db.prisma.outbox.count({ where: { status: 'pending' } })).toBe(0);
    expect(await unreachable()).toBe(1);
  });
});

describeCliRefusals('outbox', [
  [['retry'], 'error: usage: outbox retry <id> [<id> …] | --all'],
  [['retry', '7', '--all'], 'error: usage: outbox retry'],
  [['retry', 'abc'], 'error: "abc": an outbox id is a number, as printed by outbox failed'],
  [['retry', '999999'], 'error: no failed message with id 999999'],
  [['failed', '--limit', '0'], 'error: --limit must be at least 1'],
]);
