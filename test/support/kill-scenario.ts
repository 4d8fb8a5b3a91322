/**
 * The kill test's run: real desk processes (Telegram in webhook mode, outbox
 * dispatcher) on one database, residents in several chats filing help
 * requests and then checking their status until the planned kills are done,
 * and the KillController SIGKILLing a desk mid-turn and mid-dispatch and
 * starting it again. Everything that must outlive a kill (Telegram, the
 * residents, the record of what arrived) lives in the test process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/store/database.ts';
import { BotApiEmulator, waitFor } from './bot-api-emulator.ts';
import { auditDeliveries } from './delivery-audit.ts';
import { DeskFleet } from './desk-fleet.ts';
import { KillController, type KillKind } from './kill-controller.ts';
import { BotApiTap, WebhookBalancer } from './kill-switches.ts';
import { answersUpToDesa, newResident, TRACKING_CODE } from './resident-scripts.ts';
import { TEST_KEY_HEX, testCipher } from './test-cipher.ts';
import { createEmptyDatabase, type TestProvider } from './test-database.ts';

export interface KillPlan {
  provider: TestProvider;
  /** desk processes on the database; with two, the survivor takes over the killed one's chats */
  desks: number;
  chats: number;
  kills: number;
}

export interface KillFigures extends KillPlan {
  turns: number;
  tickets: number;
  confirmations: number;
  killed: Record<KillKind, number>;
  lostTurns: number;
  lostReplies: number;
  /** outbox rows that reached their chat twice */
  doubled: number;
  /** rows a kill caught between reaching Telegram and being marked sent */
  crashWindow: number;
  /** doubled rows no kill caught in its crash window: must be none */
  doubledOutsideWindow: number;
  /** messages in a chat that match no outbox row */
  unexplained: number;
  /** chats a killed desk held claimed outbox rows in */
  heldChats: number;
  /** longest wait of a held chat, from a desk being there to send it (restart, or the survivor) to its next message */
  worstHeldDelayMs: number;
  /** the same wait counted from the kill, restart included */
  worstSinceKillMs: number;
  seconds: number;
  /** the desks' last log lines, for a failing run */
  logs: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TURNS_BETWEEN_KILLS = 4;
const GIVE_UP_MS = 150_000;

export async function runKillScenario(plan: KillPlan): Promise<KillFigures> {
  const began = performance.now();
  const database = await createEmptyDatabase(plan.provider);
  const files = mkdtempSync(join(tmpdir(), 'slrt-kill-'));
  const emulator = await BotApiEmulator.start();
  const tap = await BotApiTap.start(emulator.apiRoot);
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_WEBHOOK_SECRET: 'kill-test-webhook-secret',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SIMULATOR_ENABLED: 'false',
    ATTACHMENTS_DIR: join(files, 'attachments'),
  };
  const fleet = new DeskFleet({ size: plan.desks, env, apiRoot: (slot) => tap.apiRoot(slot) });
  const balancer = await WebhookBalancer.start(fleet);
  env.KILL_TEST_WEBHOOK_URL = balancer.url;
  const db = await openDatabase(database.url);
  const sentTo = (chatKey: string) => emulator.sentTo(chatKey);
  const controller = new KillController({
    fleet,
    tap,
    balancer,
    prisma: db.prisma,
    kills: plan.kills,
    turnsBetween: TURNS_BETWEEN_KILLS,
    sentTo,
  });
  const pushed: string[] = [];
  const giveUpAt = Date.now() + GIVE_UP_MS;

  /** One message from a resident; returns once it is handled and its replies reached the chat. */
  async function say(chatId: number, text: string): Promise<void> {
    const from = { id: chatId, is_bot: false as const, first_name: `Warga ${chatId}` };
    const chat = { id: chatId, type: 'private' as const, first_name: from.first_name };
    const message_id = emulator.nextMessageId(chatId);
    const update = emulator.pushUpdate({
      message: { message_id, date: Math.floor(Date.now() / 1000), chat, from, text },
    });
    pushed.push(`${chatId}:${message_id}`);
    const answered = () =>
      emulator.webhookPosts.some((p) => p.updateId === update.update_id && p.status === 200);
    await waitFor(answered, `update ${update.update_id} to be handled`, 60_000);
    controller.turnHandled();
    const where = { chatKey: String(chatId), status: 'pending' };
    // Polled gently: the desks share this database.
    while ((await db.prisma.outbox.count({ where })) > 0) {
      if (Date.now() > giveUpAt) throw new Error(`replies to chat ${chatId} never left`);
      await sleep(50);
    }
  }

  async function resident(chatId: number): Promise<string | undefined> {
    const script = [...answersUpToDesa(newResident()), 'cileunyi kulon', 'selesai', '1'];
    for (const text of script) await say(chatId, text);
    const transcript = sentTo(String(chatId)).map((m) => m.text);
    const code = transcript.join('\n').match(new RegExp(TRACKING_CODE, 'g'))?.at(-1);
    // Checking the ticket keeps the desks busy until every kill has happened.
    do {
      await say(chatId, '3');
      await say(chatId, code ?? 'PB-000000');
      await say(chatId, 'menu');
    } while (!controller.done && Date.now() < giveUpAt);
    return code;
  }

  try {
    // One after the other: the first start migrates and seeds.
    for (const { slot } of fleet.slots) await fleet.start(slot);
    const chatIds = Array.from({ length: plan.chats }, (_, i) => 880_001 + i);
    const codes = await Promise.all(chatIds.map((id) => resident(id)));
    await controller.settled();
    await waitFor(
      async () => (await db.prisma.outbox.count({ where: { status: 'pending' } })) === 0,
      'the outbox to drain',
      30_000,
    );

    const audit = await auditDeliveries(db.prisma, testCipher(), sentTo);
    const processed = await db.prisma.processedMessage.findMany({
      where: { channel: 'telegram' },
      select: { externalMessageId: true },
    });
    const handledIds = new Set(processed.map((row) => row.externalMessageId));
    const tickets = await db.prisma.ticket.findMany({ select: { code: true } });
    const ticketCodes = new Set(tickets.map((t) => t.code));
    const records = controller.records;
    const caught = (id: number) =>
      records.some((k) => k.pending.includes(id) && (audit.firstArrival.get(id) ?? 0) < k.goneAt);
    const crashWindow = records.reduce(
      (n, k) => n + k.pending.filter((id) => (audit.firstArrival.get(id) ?? 0) < k.goneAt).length,
      0,
    );
    const waits = (since: (k: (typeof records)[number]) => number) =>
      records.flatMap((k) =>
        k.heldChats.map((chatKey) => {
          const from = since(k);
          const next = sentTo(chatKey).find((m) => m.at >= from);
          return next ? next.at - from : Number.POSITIVE_INFINITY;
        }),
      );
    const delays = waits((k) => k.availableAt ?? Number.POSITIVE_INFINITY);
    return {
      ...plan,
      turns: pushed.length,
      tickets: tickets.length,
      confirmations: codes.filter((code) => code && ticketCodes.has(code)).length,
      killed: {
        'mid-turn': controller.killed('mid-turn'),
        'before-send': controller.killed('before-send'),
        'after-send': controller.killed('after-send'),
      },
      lostTurns: pushed.filter((id) => !handledIds.has(id)).length,
      lostReplies: audit.lost.length,
      doubled: audit.doubled.length,
      crashWindow,
      doubledOutsideWindow: audit.doubled.filter((id) => !caught(id)).length,
      unexplained: audit.unexplained.length,
      heldChats: delays.length,
      worstHeldDelayMs: Math.max(0, ...delays),
      worstSinceKillMs: Math.max(0, ...waits((k) => k.diedAt)),
      seconds: (performance.now() - began) / 1000,
      logs: fleet.slots.flatMap((s) => s.log),
    };
  } finally {
    await controller.settled();
    await fleet.stopAll();
    await balancer.close();
    await tap.close();
    await emulator.close();
    await db.close();
    await database.drop();
    rmSync(files, { recursive: true, force: true });
  }
}
