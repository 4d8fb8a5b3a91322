/**
 * A desk with the WhatsApp channel on a fake socket: the real runtime, the
 * real InboundGateway and the real OutboxDispatcher, so a message emitted on
 * the socket goes through every layer and the reply comes back to
 * sendMessage. Log lines are kept so tests can look for (and forbid) content.
 */
import { expect, vi } from 'vitest';
import type { ChannelAdapter } from '../../../src/channels/channel-adapter.ts';
import { InboundGateway } from '../../../src/channels/inbound-gateway.ts';
import { OutboxDispatcher } from '../../../src/channels/outbox-dispatcher.ts';
import { loadDatabaseAuthState } from '../../../src/channels/whatsapp/database-auth-state.ts';
import {
  createWhatsAppChannel,
  type WhatsAppDeps,
} from '../../../src/channels/whatsapp/whatsapp-channel.ts';
import { createLogger } from '../../../src/log.ts';
import type { Db } from '../../../src/store/database.ts';
import { type DeskHarness, startDeskHarness } from '../../support/desk-harness.ts';
import { testCipher } from '../../support/test-cipher.ts';
import type { TestDatabaseOptions, TestProvider } from '../../support/test-database.ts';
import { fakeSockets } from './fake-socket.ts';
import { DESK_ME, type ResidentPhone, residentPhone } from './resident-phone.ts';
import type { Resident } from './wa-fixtures.ts';
import type { baileysSockets } from './wa-server.ts';

export const FAST = {
  leaseMs: 1000,
  backoff: { initialMs: 20, maxMs: 80 },
  spacing: { minGapMs: 0, jitterMs: { min: 0, max: 0 } },
} as const;

export interface WhatsAppDesk {
  h: DeskHarness;
  gateway: InboundGateway;
  whatsapp: ChannelAdapter;
  dispatcher: OutboxDispatcher;
  sockets: ReturnType<typeof fakeSockets>;
  logs: string[];
  terminal: string[];
  close(): Promise<void>;
}

export async function startWhatsAppDesk(
  options: Partial<WhatsAppDeps> & {
    lids?: Map<string, string>;
    provider?: TestProvider;
    /** how the desk opens its database (through a proxy, with a short busy timeout) */
    database?: TestDatabaseOptions;
  } = {},
): Promise<WhatsAppDesk> {
  const { lids, provider = 'sqlite', database, ...deps } = options;
  const h = await startDeskHarness(provider, database);
  const logs: string[] = [];
  const terminal: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => logs.push(line) });
  let dispatcher: OutboxDispatcher | undefined;
  const gateway = new InboundGateway({
    runtime: h.runtime,
    prisma: h.db.prisma,
    attachments: h.attachments,
    logger,
    onReplies: () => dispatcher?.wake(),
  });
  const sockets = fakeSockets({ lids });
  const whatsapp = createWhatsAppChannel({
    gateway,
    prisma: h.db.prisma,
    cipher: testCipher(),
    logger,
    makeSocket: sockets.make,
    terminal: { write: (text: string) => terminal.push(text) },
    ...FAST,
    ...deps,
  });
  dispatcher = new OutboxDispatcher({
    prisma: h.db.prisma,
    cipher: testCipher(),
    adapters: [whatsapp],
    logger,
    pollMs: 50,
    clock: () => h.clock.now,
  });
  await whatsapp.start();
  dispatcher.start();
  const started = dispatcher;
  return {
    h,
    gateway,
    whatsapp,
    dispatcher: started,
    sockets,
    logs,
    terminal,
    async close() {
      await whatsapp.stop();
      await started.stop();
      await h.close();
    },
  };
}

/** Waits until `check` stops throwing (a reply arrives, a socket is made). */
export function eventually(check: () => void, timeout = 5000): Promise<void> {
  return vi.waitFor(check, { timeout, interval: 10 });
}

/**
 * Pairs a desk just started on fresh Baileys sockets (`baileysSockets`) as
 * if long ago: once its channel has made its first socket, stops it, stores the paired device,
 * starts it again and waits until the new socket's WebSocket is open (Baileys
 * processes offline stanzas only then). Returns `who`'s phone, which can
 * write to the paired device.
 */
export async function pairLongAgo(
  desk: WhatsAppDesk,
  sockets: ReturnType<typeof baileysSockets>,
  who: Resident,
): Promise<ResidentPhone> {
  await eventually(() => expect(sockets.sockets).toHaveLength(1));
  await desk.whatsapp.stop();
  const auth = await loadDatabaseAuthState(desk.h.db.prisma, testCipher());
  Object.assign(auth.state.creds, { me: DESK_ME, registered: true, accountSyncCounter: 1 });
  await auth.saveCreds();
  const phone = await residentPhone(who, auth.state.creds);
  await desk.whatsapp.start();
  await eventually(() => expect(sockets.sockets).toHaveLength(2));
  await eventually(() => expect(sockets.last.ws.isOpen).toBe(true));
  return phone;
}

/**
 * A WhatsApp channel alone on a database, for connection and lease tests
 * that never hand a message to the desk (so no runtime behind the gateway).
 */
export function startBareChannel(prisma: Db, options: Partial<WhatsAppDeps> = {}) {
  const logs: string[] = [];
  const terminal: string[] = [];
  const sockets = fakeSockets();
  const whatsapp = createWhatsAppChannel({
    gateway: NO_MESSAGES_EXPECTED,
    prisma,
    cipher: testCipher(),
    logger: createLogger('info', { write: (line: string) => logs.push(line) }),
    makeSocket: sockets.make,
    terminal: { write: (text: string) => terminal.push(text) },
    ...FAST,
    ...options,
  });
  const lines = () => logs.map((line) => JSON.parse(line) as LogLine);
  return { whatsapp, sockets, logs, terminal, lines };
}

export interface LogLine {
  level: number;
  msg: string;
  status?: number;
  retryInMs?: number;
}

const NO_MESSAGES_EXPECTED = new Proxy({} as InboundGateway, {
  get() {
    throw new Error('this test sends no messages to the desk');
  },
});
