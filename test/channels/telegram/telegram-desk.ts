/**
 * A whole desk on Telegram for tests: the real migrated and seeded SQLite
 * database and runtime (desk harness), the real inbound gateway and outbox
 * dispatcher, and the real Telegram channel talking to the Bot API emulator.
 * The only test seam is an observing gateway that records each turn's outcome,
 * so a test knows when a message has been handled instead of sleeping.
 */

import type { ChannelAdapter } from '../../../src/channels/channel-adapter.ts';
import { InboundGateway } from '../../../src/channels/inbound-gateway.ts';
import { OutboxDispatcher } from '../../../src/channels/outbox-dispatcher.ts';
import { createTelegramChannel } from '../../../src/channels/telegram/telegram-channel.ts';
import { createLogger, type Logger } from '../../../src/log.ts';
import type { InboundMessageInput } from '../../../src/runtime/messages.ts';
import { NotCommitted } from '../../../src/runtime/not-committed.ts';
import type { TurnOutcome } from '../../../src/runtime/run-turn.ts';
import { StaffDesk } from '../../../src/staff-desk/staff-desk.ts';
import {
  BotApiEmulator,
  type NewUpdate,
  type SentMessage,
  waitFor,
} from '../../support/bot-api-emulator.ts';
import { type DeskHarness, startDeskHarness } from '../../support/desk-harness.ts';
import { testCipher } from '../../support/test-cipher.ts';
import type { TestDatabaseOptions, TestProvider } from '../../support/test-database.ts';

/** What handling a message came to: a turn's outcome, or nothing committed. */
export type ObservedStatus = TurnOutcome['status'] | 'notCommitted';

/** The real gateway, remembering every message it was handed and what each came to. */
export class ObservedGateway extends InboundGateway {
  readonly inputs: InboundMessageInput[] = [];
  readonly turns: { messageId: string; status: ObservedStatus }[] = [];

  override async receive(input: InboundMessageInput): Promise<TurnOutcome> {
    this.inputs.push(input);
    try {
      const outcome = await super.receive(input);
      this.turns.push({ messageId: input.messageId, status: outcome.status });
      return outcome;
    } catch (error) {
      if (error instanceof NotCommitted) {
        this.turns.push({ messageId: input.messageId, status: 'notCommitted' });
      }
      throw error;
    }
  }

  /** Outcomes of the messages with this id, in the order they were handled. */
  outcomesOf(messageId: string): ObservedStatus[] {
    return this.turns.filter((turn) => turn.messageId === messageId).map((turn) => turn.status);
  }
}

export interface TelegramDeskOptions {
  /** webhook mode: the URL and secret the channel registers */
  webhook?: { url: string; secret: string };
  logger?: Logger;
  /** sets up Telegram's side before the channel starts (e.g. a leftover webhook) */
  prepare?: (emulator: BotApiEmulator) => void;
  /** SQLite unless told otherwise */
  provider?: TestProvider;
  /** how the desk reaches its database (e.g. through a TcpProxy) */
  database?: TestDatabaseOptions;
}

export interface TelegramDesk {
  h: DeskHarness;
  emulator: BotApiEmulator;
  gateway: ObservedGateway;
  telegram: ChannelAdapter;
  dispatcher: OutboxDispatcher;
  /**
   * Pushes an update, waits until the desk has handled it and every reply it
   * queued has reached Telegram, and returns those replies.
   */
  turn(update: NewUpdate): Promise<SentMessage[]>;
  /** Waits until the message with this desk message id has been handled `times` times. */
  handled(messageId: string, times?: number): Promise<ObservedStatus[]>;
  /** Waits until no reply to this chat is waiting in the outbox. */
  drained(chatId: number): Promise<true>;
  /** Stops the channel and starts a new one on the same bot, as a restarted desk process. */
  restartTelegram(): Promise<void>;
  close(): Promise<void>;
}

/** The desk's id for the message an update carries (see read-message.ts). */
export function deskMessageId(update: NewUpdate): string {
  if (update.callback_query) return `cb:${update.callback_query.id}`;
  const message = update.message;
  if (!message) throw new Error('update carries no message');
  return `${message.chat.id}:${message.message_id}`;
}

export function chatOf(update: NewUpdate): number {
  const chat = update.message?.chat ?? update.callback_query?.message?.chat;
  if (!chat) throw new Error('update has no chat');
  return chat.id;
}

export async function startTelegramDesk(options: TelegramDeskOptions = {}): Promise<TelegramDesk> {
  const h = await startDeskHarness(options.provider ?? 'sqlite', options.database);
  const emulator = await BotApiEmulator.start();
  options.prepare?.(emulator);
  const logger = options.logger ?? createLogger('silent');
  let dispatcher: OutboxDispatcher | undefined;
  const gateway = new ObservedGateway({
    runtime: h.runtime,
    prisma: h.db.prisma,
    attachments: h.attachments,
    logger,
    staffDesk: new StaffDesk({
      db: h.db,
      cipher: testCipher(),
      ref: h.ref,
      runtime: h.runtime,
      logger,
      clock: () => h.clock.now,
    }),
    onReplies: () => dispatcher?.wake(),
  });
  const newChannel = () =>
    createTelegramChannel({
      gateway,
      logger,
      token: emulator.token,
      apiRoot: emulator.apiRoot,
      webhook: options.webhook,
    });
  const telegram = newChannel();
  // The runtime writes outbox rows due at the harness's fixed clock, so the
  // dispatcher reads the same clock to find them due.
  dispatcher = new OutboxDispatcher({
    prisma: h.db.prisma,
    cipher: testCipher(),
    adapters: [telegram],
    logger,
    pollMs: 50,
    clock: () => h.clock.now,
  });
  const running = dispatcher;
  await telegram.start();
  running.start();

  const handled = (messageId: string, times = 1) =>
    waitFor(() => {
      const outcomes = gateway.outcomesOf(messageId);
      return outcomes.length >= times && outcomes;
    }, `message ${messageId} to be handled`);

  const pendingFor = (chatId: number) =>
    h.db.prisma.outbox.count({
      where: { channel: 'telegram', chatKey: String(chatId), status: 'pending' },
    });

  // A turn commits all its replies at once; once none is pending, all reached Telegram.
  const drained = (chatId: number) =>
    waitFor(async () => (await pendingFor(chatId)) === 0, `replies to chat ${chatId}`);

  const desk: TelegramDesk = {
    h,
    emulator,
    gateway,
    telegram,
    dispatcher: running,
    handled,
    drained,
    async turn(update) {
      const chatId = chatOf(update);
      const before = emulator.sentTo(chatId).length;
      await handled(deskMessageId(emulator.pushUpdate(update)));
      await drained(chatId);
      return emulator.sentTo(chatId).slice(before);
    },
    async restartTelegram() {
      await desk.telegram.stop();
      // The dispatcher keeps sending through the first channel's bot: only receiving restarts.
      desk.telegram = newChannel();
      await desk.telegram.start();
    },
    async close() {
      await desk.telegram.stop();
      await running.stop();
      await emulator.close();
      await h.close();
    },
  };
  return desk;
}
