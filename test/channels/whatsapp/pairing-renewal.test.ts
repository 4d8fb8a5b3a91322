/**
 * Linking by pairing code when nobody typed the code in time. Runs Baileys'
 * real socket: WhatsApp's pair-device stanza makes it emit a QR, the channel
 * asks Baileys for a pairing code (Baileys saves `me` right then), and once
 * the QR references run out Baileys closes the connection. The next socket
 * must register afresh, or WhatsApp would never offer another code.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../../src/channels/channel-adapter.ts';
import { loadDatabaseAuthState } from '../../../src/channels/whatsapp/database-auth-state.ts';
import type { Database } from '../../../src/store/database.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../../support/test-database.ts';
import { baileysSockets, deliverStanza, startWaServer, type WaServer } from './wa-server.ts';
import { eventually, startBareChannel } from './whatsapp-desk.ts';

const PHONE = '6289900011122';
/** Long enough for Baileys to derive the pairing key (PBKDF2) and send the code request. */
const QR_TIMEOUT_MS = 2500;

/** WhatsApp's invitation to link: one QR reference, so the QR expires after one round. */
const pairDevice = (ref: string): BinaryNode => ({
  tag: 'iq',
  attrs: { from: 's.whatsapp.net', type: 'set', id: `pair-${ref}`, xmlns: 'md' },
  content: [{ tag: 'pair-device', attrs: {}, content: [{ tag: 'ref', attrs: {}, content: ref }] }],
});

describe.each(PROVIDERS)('WhatsApp pairing code renewal on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let server: WaServer;
  let channel: ChannelAdapter | undefined;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    server = await startWaServer();
  });
  afterEach(async () => {
    await channel?.stop();
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  it('asks for a new code with fresh credentials after the first one expired unused', async () => {
    const sockets = baileysSockets(server, { qrTimeoutMs: QR_TIMEOUT_MS });
    const bare = startBareChannel(db.prisma, { pairingPhone: PHONE, makeSocket: sockets.make });
    channel = bare.whatsapp;
    await channel.start();
    await eventually(() => expect(sockets.last.ws.isOpen).toBe(true));
    const first = sockets.last;
    deliverStanza(first, pairDevice('REF1'));
    const codes = () => bare.lines().filter((l) => l.msg.startsWith('WhatsApp pairing code: '));
    await eventually(() => expect(codes()).toHaveLength(1));
    expect(first.authState.creds.me?.id).toBe(`${PHONE}@s.whatsapp.net`);

    // Nobody typed the code: the QR reference runs out and Baileys closes the connection.
    await eventually(() => expect(sockets.sockets).toHaveLength(2), QR_TIMEOUT_MS * 2);
    expect(sockets.registering).toEqual([true, true]);
    const stored = await loadDatabaseAuthState(db.prisma, testCipher());
    expect(stored.state.creds.me).toBeUndefined();
    expect(stored.state.creds.noiseKey.public).not.toEqual(first.authState.creds.noiseKey.public);

    await eventually(() => expect(sockets.last.ws.isOpen).toBe(true));
    deliverStanza(sockets.last, pairDevice('REF2'));
    await eventually(() => expect(codes()).toHaveLength(2));
    // Both codes were really asked of WhatsApp, each by its own socket.
    const requests = () =>
      server.received.filter(
        (n) =>
          n.tag === 'iq' &&
          Array.isArray(n.content) &&
          n.content[0]?.tag === 'link_code_companion_reg' &&
          n.content[0].attrs.stage === 'companion_hello',
      );
    await eventually(() => expect(requests()).toHaveLength(2));
    expect(bare.logs.join('\n')).not.toContain(PHONE);
  });
});
