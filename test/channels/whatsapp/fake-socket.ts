/**
 * A socket the tests drive in place of makeWASocket: Baileys' own event
 * buffer as `ev` (so the channel listens exactly as it would to WhatsApp),
 * sends captured instead of transmitted, and helpers that emit the real
 * `connection.update` and `messages.upsert` events.
 */
import { Boom } from '@hapi/boom';
import {
  type AnyMessageContent,
  makeEventBuffer,
  type UserFacingSocketConfig,
  type WAMessage,
} from '@whiskeysockets/baileys';
import { pino } from 'pino';
import type { MakeSocket, WhatsAppSocket } from '../../../src/channels/whatsapp/connection.ts';

export interface SentText {
  jid: string;
  text: string;
  /** performance.now() when sendMessage was called */
  at: number;
  /** everything handed to sendMessage (an image, a document, a caption) */
  content: AnyMessageContent;
}

export type FakeSocket = WhatsAppSocket & {
  config: UserFacingSocketConfig;
  sent: SentText[];
  pairingRequests: string[];
  endedWith: Array<Error | undefined>;
  /** WhatsApp accepted the connection */
  open(): void;
  /** the connection dropped for this DisconnectReason */
  drop(statusCode: number): void;
  /** WhatsApp pushed these messages as new */
  receive(...messages: WAMessage[]): void;
};

export function fakeSockets(options: { lids?: Map<string, string> } = {}) {
  const sockets: FakeSocket[] = [];
  const make: MakeSocket = (config) => {
    const socket = fakeSocket(config, options.lids ?? new Map());
    sockets.push(socket);
    return socket;
  };
  return {
    make,
    sockets,
    get last(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was made');
      return socket;
    },
    /** every text sent on any socket, in order */
    get sent(): SentText[] {
      return sockets.flatMap((s) => s.sent).sort((a, b) => a.at - b.at);
    },
  };
}

function fakeSocket(config: UserFacingSocketConfig, lids: Map<string, string>): FakeSocket {
  const ev = makeEventBuffer(pino({ level: 'silent' }));
  const auth = config.auth;
  if (!auth) throw new Error('the channel must pass its auth state');
  let count = 0;
  const socket: FakeSocket = {
    ev,
    config,
    sent: [],
    pairingRequests: [],
    endedWith: [],
    authState: { creds: auth.creds },
    signalRepository: { lidMapping: { getLIDForPN: async (pn) => lids.get(pn) ?? null } },
    async sendMessage(jid: string, content: AnyMessageContent) {
      count += 1;
      const text = 'text' in content ? content.text : '';
      socket.sent.push({ jid, text, at: performance.now(), content });
      return { key: { remoteJid: jid, fromMe: true, id: `3EB0OUT${count}` } } as WAMessage;
    },
    async end(error: Error | undefined) {
      socket.endedWith.push(error);
      // As Baileys' end(): a close update carrying the error, then no more updates.
      ev.emit('connection.update', {
        connection: 'close',
        lastDisconnect: { error, date: new Date() },
      });
      ev.removeAllListeners('connection.update');
    },
    async requestPairingCode(phone: string) {
      socket.pairingRequests.push(phone);
      return 'K7M2Q9PX';
    },
    async updateMediaMessage(message: WAMessage) {
      return message;
    },
    open() {
      ev.emit('connection.update', { connection: 'open' });
    },
    drop(statusCode: number) {
      ev.emit('connection.update', {
        connection: 'close',
        lastDisconnect: { error: new Boom('Connection Failure', { statusCode }), date: new Date() },
      });
    },
    receive(...messages: WAMessage[]) {
      ev.emit('messages.upsert', { messages, type: 'notify' });
    },
  };
  return socket;
}
