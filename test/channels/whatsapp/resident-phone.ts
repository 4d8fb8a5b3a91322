/**
 * A resident's phone for tests that run Baileys' real socket: its own Signal
 * identity (Baileys' libsignal repository over an in-memory key store), which
 * encrypts messages to the desk's linked device exactly as WhatsApp clients
 * do, and wraps them in the stanza WhatsApp's server would deliver.
 */
import {
  type AuthenticationCreds,
  addTransactionCapability,
  type BinaryNode,
  DEFAULT_CONNECTION_CONFIG,
  encodeWAMessage,
  generateSignalPubKey,
  initAuthCreds,
  makeCacheableSignalKeyStore,
  type proto,
  type SignalDataSet,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import { pino } from 'pino';
import type { Resident } from './wa-fixtures.ts';

/** The desk's linked device as WhatsApp knows it once paired. */
export const DESK_ME = {
  id: '6289900011122:7@s.whatsapp.net',
  lid: '99887766554433:7@lid',
  name: 'Puskesos',
};

export interface OfflineOptions {
  /** message id; a fresh one when absent */
  id?: string;
  /** when the resident sent it, in seconds */
  sentAtS: number;
}

export interface LiveOptions {
  /** message id; a fresh one when absent */
  id?: string;
  /** when the resident sent it, in seconds; now when absent */
  sentAtS?: number;
}

export interface ResidentPhone {
  /**
   * The stanza WhatsApp delivers for a private message the resident sent
   * while the desk was offline (`offline` attribute set), its content
   * encrypted to the desk's device.
   */
  offlineMessage(content: proto.IMessage, options: OfflineOptions): Promise<BinaryNode>;
  /** The stanza WhatsApp delivers for a message sent while the desk is connected. */
  liveMessage(content: proto.IMessage, options?: LiveOptions): Promise<BinaryNode>;
}

let sequence = 0;

/** A phone that has fetched the desk's key bundle (as WhatsApp hands it out) and can write to it. */
export async function residentPhone(
  who: Resident,
  desk: AuthenticationCreds,
): Promise<ResidentPhone> {
  const logger = pino({ level: 'silent' });
  const keys = addTransactionCapability(
    makeCacheableSignalKeyStore(memoryKeyStore(), logger),
    logger,
    { maxCommitRetries: 1, delayBetweenTriesMs: 1 },
  );
  const signal = DEFAULT_CONNECTION_CONFIG.makeSignalRepository(
    { creds: initAuthCreds(), keys },
    logger,
  );
  await signal.injectE2ESession({
    jid: DESK_ME.lid,
    session: {
      registrationId: desk.registrationId,
      identityKey: generateSignalPubKey(desk.signedIdentityKey.public),
      signedPreKey: {
        keyId: desk.signedPreKey.keyId,
        publicKey: generateSignalPubKey(desk.signedPreKey.keyPair.public),
        signature: desk.signedPreKey.signature,
      },
      // WhatsApp hands out a one-time pre-key when it has one; the signed one is enough.
    } as Parameters<typeof signal.injectE2ESession>[0]['session'],
  });
  async function stanza(content: proto.IMessage, id: string, sentAtS: number, offline: boolean) {
    const { type, ciphertext } = await signal.encryptMessage({
      jid: DESK_ME.lid,
      data: encodeWAMessage(content),
    });
    return {
      tag: 'message',
      attrs: {
        from: who.lid,
        sender_pn: who.pn,
        addressing_mode: 'lid',
        id,
        t: String(sentAtS),
        type: 'text',
        notify: 'Siti Aminah',
        ...(offline ? { offline: '1' } : {}),
      },
      content: [{ tag: 'enc', attrs: { v: '2', type }, content: ciphertext }],
    };
  }
  return {
    async offlineMessage(content, { id, sentAtS }) {
      sequence += 1;
      return stanza(content, id ?? `3AOFF${String(sequence).padStart(15, '0')}`, sentAtS, true);
    },
    async liveMessage(content, { id, sentAtS } = {}) {
      sequence += 1;
      const at = sentAtS ?? Math.floor(Date.now() / 1000);
      return stanza(content, id ?? `3ALIVE${String(sequence).padStart(14, '0')}`, at, false);
    },
  };
}

/** The signal `<ib><offline count/></ib>` WhatsApp sends once every offline stanza is delivered. */
export function offlineDone(count: number): BinaryNode {
  return {
    tag: 'ib',
    attrs: { from: 's.whatsapp.net' },
    content: [{ tag: 'offline', attrs: { count: String(count) } }],
  };
}

function memoryKeyStore(): SignalKeyStore {
  const data = new Map<string, unknown>();
  return {
    async get(type, ids) {
      const found: Record<string, never> = {};
      for (const id of ids) {
        const value = data.get(`${type}:${id}`);
        if (value !== undefined) found[id] = value as never;
      }
      return found;
    },
    async set(set: SignalDataSet) {
      for (const [type, values] of Object.entries(set)) {
        for (const [id, value] of Object.entries(values ?? {})) {
          if (value === null || value === undefined) data.delete(`${type}:${id}`);
          else data.set(`${type}:${id}`, value);
        }
      }
    },
  };
}
