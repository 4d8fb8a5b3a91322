import { Browsers, DEFAULT_CONNECTION_CONFIG, DisconnectReason } from '@whiskeysockets/baileys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../../src/channels/channel-adapter.ts';
import { DeliveryError } from '../../../src/channels/channel-adapter.ts';
import { loadDatabaseAuthState } from '../../../src/channels/whatsapp/database-auth-state.ts';
import { WHATSAPP_LEASE } from '../../../src/channels/whatsapp/whatsapp-channel.ts';
import type { Database } from '../../../src/store/database.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { openTestDatabase } from '../../support/test-database.ts';
import { RESIDENT_LID } from './wa-fixtures.ts';
import { eventually, FAST, startBareChannel } from './whatsapp-desk.ts';

const message = { text: 'Tiket PB-7K4M2Q sudah diterima.', options: [] };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WhatsApp connection', () => {
  let db: Database;
  let drop: () => Promise<void>;
  const running: ChannelAdapter[] = [];

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase('sqlite'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((channel) => channel.stop()));
    await db.prisma.whatsAppAuthKey.deleteMany({});
    await db.prisma.lease.deleteMany({});
  });
  afterAll(() => drop());

  async function start(options: Parameters<typeof startBareChannel>[1] = {}) {
    const channel = startBareChannel(db.prisma, options);
    running.push(channel.whatsapp);
    await channel.whatsapp.start();
    return channel;
  }

  describe('pairing', () => {
    it('prints the QR code and says where to scan it', async () => {
      const { sockets, terminal, lines } = await start();
      const config = sockets.last.config;
      expect(config).toMatchObject({ markOnlineOnConnect: false, syncFullHistory: false });
      expect(config.browser).toEqual(Browsers.ubuntu('SLRT Desk'));
      expect(config.logger?.level).toBe('silent');
      sockets.last.ev.emit('connection.update', { qr: '2@Zm9vYmFy,bm9pc2U=,aWRlbnRpdHk=,YWR2' });
      expect(lines().map((l) => l.msg)).toContain(
        'WhatsApp: scan this QR code in WhatsApp > Linked devices > Link a device',
      );
      expect(terminal.join('')).toMatch(/[▄▀█]{10}/);
    });

    it('asks for a pairing code once when a pairing phone is configured, instead of a QR code', async () => {
      const { sockets, terminal, logs } = await start({ pairingPhone: '6281234567890' });
      sockets.last.ev.emit('connection.update', { qr: '2@first' });
      sockets.last.ev.emit('connection.update', { qr: '2@second' });
      await eventually(() =>
        expect(logs.join('')).toContain(
          'WhatsApp pairing code: K7M2-Q9PX — open WhatsApp > Linked devices > Link with phone number',
        ),
      );
      expect(sockets.last.pairingRequests).toEqual(['6281234567890']);
      expect(terminal).toEqual([]);
      expect(logs.join('')).not.toContain('6281234567890');
    });

    it('saves the credentials, encrypted, whenever Baileys updates them', async () => {
      const { sockets } = await start();
      const creds = sockets.last.config.auth?.creds;
      if (!creds) throw new Error('no creds');
      creds.registered = true;
      creds.me = { id: '6289900011122:7@s.whatsapp.net', lid: '99887766554433:7@lid' };
      sockets.last.ev.emit('creds.update', { registered: true, me: creds.me });
      await eventually(async () => {
        const reloaded = await loadDatabaseAuthState(db.prisma, testCipher());
        expect(reloaded.state.creds.me?.lid).toBe('99887766554433:7@lid');
      });
      const row = await db.prisma.whatsAppAuthKey.findFirstOrThrow({
        where: { category: 'creds' },
      });
      expect(row.value).not.toContain('6289900011122');
    });
  });

  describe('reconnecting', () => {
    it('reconnects after a recoverable drop with a growing wait, reset once connected', async () => {
      const { sockets, lines } = await start();
      sockets.last.open();
      sockets.last.drop(DisconnectReason.connectionLost);
      await eventually(() => expect(sockets.sockets).toHaveLength(2));
      sockets.last.drop(DisconnectReason.timedOut);
      await eventually(() => expect(sockets.sockets).toHaveLength(3));
      sockets.last.open();
      sockets.last.drop(DisconnectReason.connectionClosed);
      await eventually(() => expect(sockets.sockets).toHaveLength(4));
      const waits = lines().flatMap((l) => (l.retryInMs === undefined ? [] : [l.retryInMs]));
      const { initialMs } = FAST.backoff;
      expect(waits).toHaveLength(3);
      expect(waits[0]).toBeGreaterThanOrEqual(initialMs / 2);
      expect(waits[0]).toBeLessThanOrEqual(initialMs);
      expect(waits[1]).toBeGreaterThanOrEqual(initialMs);
      expect(waits[1]).toBeLessThanOrEqual(initialMs * 2);
      expect(waits[2]).toBeLessThanOrEqual(initialMs);
      // The same session (credentials and keys) on every new socket.
      expect(sockets.sockets[3]?.config.auth?.creds).toBe(sockets.sockets[0]?.config.auth?.creds);
    });

    it('keeps a QR-linked session when reconnecting, although QR linking never sets registered', async () => {
      const { sockets } = await start();
      const creds = sockets.last.config.auth?.creds;
      if (!creds) throw new Error('no creds');
      // What Baileys' pair-success stores: the device identity, never `registered`.
      creds.me = { id: '6289900011122:7@s.whatsapp.net', lid: '99887766554433:7@lid' };
      creds.account = {
        details: new Uint8Array([1]),
        accountSignatureKey: new Uint8Array([2]),
        accountSignature: new Uint8Array([3]),
        deviceSignature: new Uint8Array([4]),
      };
      sockets.last.drop(DisconnectReason.connectionLost);
      await eventually(() => expect(sockets.sockets).toHaveLength(2));
      expect(sockets.last.config.auth?.creds).toBe(creds);
      expect(creds.me.id).toBe('6289900011122:7@s.whatsapp.net');
    });

    it('reconnects at once when WhatsApp asks for a restart after pairing', async () => {
      const { sockets } = await start();
      sockets.last.drop(DisconnectReason.restartRequired);
      expect(sockets.sockets).toHaveLength(2);
    });

    it('keeps the reply in the outbox while not connected: the dispatcher is told to retry soon', async () => {
      const { whatsapp, sockets } = await start();
      const error = await whatsapp.deliver(RESIDENT_LID, message).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).options).toEqual({ retryAfterMs: 5000 });
      sockets.last.open();
      await expect(whatsapp.deliver(RESIDENT_LID, message)).resolves.toEqual({
        platformMessageId: '3EB0OUT1',
      });
    });

    it('sends every message, whatever the chat, through one spaced queue', async () => {
      const { whatsapp, sockets } = await start({
        spacing: { minGapMs: 50, jitterMs: { min: 0, max: 20 } },
      });
      sockets.last.open();
      const chats = ['111111111111111@lid', '222222222222222@lid', '333333333333333@lid'];
      await Promise.all(chats.map((chat) => whatsapp.deliver(chat, message)));
      const sent = sockets.last.sent;
      expect(sent.map((s) => s.jid).sort()).toEqual(chats);
      for (let i = 1; i < sent.length; i += 1) {
        expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(48);
      }
    });

    it('refuses for good a chat key that is no WhatsApp private chat', async () => {
      const { whatsapp, sockets } = await start();
      sockets.last.open();
      const error = await whatsapp.deliver('120363025246125888@g.us', message).catch((e) => e);
      expect((error as DeliveryError).options.permanent).toBe(true);
    });
  });

  describe('session taken over or client rejected', () => {
    it('stops WhatsApp with an error when another client replaced the session, instead of reconnecting', async () => {
      const { whatsapp, sockets, lines } = await start();
      sockets.last.open();
      sockets.last.drop(DisconnectReason.connectionReplaced);
      await pause(FAST.backoff.maxMs * 3);
      expect(sockets.sockets).toHaveLength(1);
      const errors = lines().filter((l) => l.level === 50);
      expect(errors).toEqual([
        expect.objectContaining({
          status: 440,
          msg: 'WhatsApp session replaced by another client; the desk stopped WhatsApp, pair again / stop the other client',
        }),
      ]);
      expect(lines().some((l) => l.retryInMs !== undefined)).toBe(false);
      const error = await whatsapp.deliver(RESIDENT_LID, message).catch((e: unknown) => e);
      expect((error as DeliveryError).options.retryAfterMs).toBe(60_000);
    });

    it.each([403, 405])(
      'says WhatsApp rejected the client (status %s), with the WhatsApp Web version in use, and retries later',
      async (status) => {
        const { sockets, lines } = await start();
        expect(sockets.last.config.version).toBeUndefined();
        sockets.last.drop(status);
        await eventually(() => expect(sockets.sockets).toHaveLength(2));
        const errors = lines().filter((l) => l.level === 50);
        expect(errors).toEqual([
          expect.objectContaining({
            status,
            waWebVersion: DEFAULT_CONNECTION_CONFIG.version.join('.'),
            msg: expect.stringMatching(
              /^WhatsApp rejected this client version or the number is banned; set WHATSAPP_WEB_VERSION/,
            ),
          }),
        ]);
      },
    );

    it("announces the configured WhatsApp Web version instead of Baileys' bundled one", async () => {
      const { sockets, lines } = await start({ version: [2, 3000, 1027934701] });
      expect(sockets.last.config.version).toEqual([2, 3000, 1027934701]);
      sockets.last.drop(405);
      await eventually(() => expect(sockets.sockets).toHaveLength(2));
      expect(sockets.last.config.version).toEqual([2, 3000, 1027934701]);
      expect(lines().find((l) => l.level === 50)).toMatchObject({
        waWebVersion: '2.3000.1027934701',
      });
    });
  });

  describe('logged out', () => {
    it('removes the session, says how to pair again, and does not reconnect', async () => {
      const { whatsapp, sockets, lines } = await start();
      sockets.last.open();
      sockets.last.ev.emit('creds.update', {});
      await eventually(async () => expect(await db.prisma.whatsAppAuthKey.count()).toBe(1));
      sockets.last.drop(DisconnectReason.loggedOut);
      await eventually(async () => expect(await db.prisma.whatsAppAuthKey.count()).toBe(0));
      const errors = lines().filter((l) => l.level === 50);
      expect(errors.map((l) => l.msg)).toEqual([
        expect.stringMatching(
          /^WhatsApp logged out: the session was removed; restart the desk to pair again/,
        ),
      ]);
      await pause(FAST.backoff.maxMs * 3);
      expect(sockets.sockets).toHaveLength(1);
      const error = await whatsapp.deliver(RESIDENT_LID, message).catch((e: unknown) => e);
      expect((error as DeliveryError).options.retryAfterMs).toBe(60_000);
    });
  });

  describe('stopping', () => {
    it('ends the socket without logging out, keeps the session and frees the lease', async () => {
      const { whatsapp, sockets } = await start();
      sockets.last.open();
      sockets.last.ev.emit('creds.update', {});
      await eventually(async () => expect(await db.prisma.whatsAppAuthKey.count()).toBe(1));
      await whatsapp.stop();
      await whatsapp.stop();
      expect(sockets.last.endedWith).toEqual([undefined]);
      expect(await db.prisma.whatsAppAuthKey.count()).toBe(1);
      expect(await db.prisma.lease.count({ where: { name: WHATSAPP_LEASE } })).toBe(0);
      await pause(FAST.backoff.maxMs * 2);
      expect(sockets.sockets).toHaveLength(1);
    });
  });

  describe('one session across desk processes', () => {
    const idle = 'WhatsApp session is held by another desk process; this one stays idle';

    it('lets only one process connect; the other takes over when it stops', async () => {
      const first = await start();
      const second = await start();
      expect(first.sockets.sockets).toHaveLength(1);
      expect(second.sockets.sockets).toHaveLength(0);
      await pause(FAST.leaseMs);
      expect(second.sockets.sockets).toHaveLength(0);
      expect(second.lines().filter((l) => l.msg === idle)).toHaveLength(1);
      await first.whatsapp.stop();
      await eventually(() => expect(second.sockets.sockets).toHaveLength(1), FAST.leaseMs * 2);
      expect(first.sockets.last.endedWith).toEqual([undefined]);
    });

    it('takes over the session of a process that died without letting go', async () => {
      await db.prisma.lease.create({
        data: { name: WHATSAPP_LEASE, holder: 'crashed', expiresAt: new Date(Date.now() + 800) },
      });
      const survivor = await start();
      expect(survivor.sockets.sockets).toHaveLength(0);
      await eventually(() => expect(survivor.sockets.sockets).toHaveLength(1), FAST.leaseMs * 2);
    });

    it('disconnects at once when another process has taken the lease', async () => {
      const { sockets, logs } = await start();
      sockets.last.open();
      await db.prisma.lease.update({ where: { name: WHATSAPP_LEASE }, data: { holder: 'other' } });
      await eventually(() => expect(sockets.last.endedWith).toEqual([undefined]), FAST.leaseMs);
      expect(logs.join('')).toContain('WhatsApp session lease lost');
    });
  });
});
