/**
 * A database outage loses no WhatsApp message. WhatsApp delivers a message
 * once: Baileys decrypts it and acknowledges it before the desk sees it. While
 * PostgreSQL is unreachable (a TCP proxy in front of it cut) or the SQLite
 * file is locked by another writer, the desk keeps what a resident sent and
 * tries it again; once the database is back each message is handled exactly
 * once, in the order it was sent, and the replies are in the outbox. Runs
 * Baileys' real socket: the stanzas are Signal-encrypted by the resident's
 * phone and decrypted by the desk's linked device.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { t } from '../../../src/i18n/translate.ts';
import { openOutboxPayload } from '../../../src/runtime/outbox-payload.ts';
import { type DatabaseOutage, databaseOutage } from '../../support/database-outage.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { PROVIDERS } from '../../support/test-database.ts';
import { type MediaServer, startMediaServer } from './media-server.ts';
import type { ResidentPhone } from './resident-phone.ts';
import { resident, text } from './wa-fixtures.ts';
import { baileysSockets, deliverStanza, startWaServer, type WaServer } from './wa-server.ts';
import { eventually, pairLongAgo, startWhatsAppDesk, type WhatsAppDesk } from './whatsapp-desk.ts';

/** What the resident writes first: it must never reach a log line. */
const FIRST_WORDS = 'halo, saya Siti Aminah';
const HELD =
  'WhatsApp message held: the database is unavailable; it is tried again until it is written';

describe.each(PROVIDERS)('WhatsApp during a database outage on %s', (provider) => {
  let server: WaServer;
  let media: MediaServer;
  let desk: WhatsAppDesk;
  let outage: DatabaseOutage;
  const who = resident(57 + PROVIDERS.indexOf(provider));
  let phone: ResidentPhone;
  let sockets: ReturnType<typeof baileysSockets>;

  beforeAll(async () => {
    server = await startWaServer();
    media = await startMediaServer();
    outage = databaseOutage(provider);
    sockets = baileysSockets(server);
    desk = await startWhatsAppDesk({
      provider,
      database: outage.database,
      makeSocket: sockets.make,
      // The session stays with this desk through the outage.
      leaseMs: 60_000,
      holdBackoff: { initialMs: 50, maxMs: 400 },
    });
    phone = await pairLongAgo(desk, sockets, who);
  });
  afterAll(async () => {
    await outage.end();
    await desk?.close();
    await outage.close();
    await server?.close();
    await media?.close();
  });

  const lines = () => desk.logs.map((line) => JSON.parse(line) as { msg: string; level: number });

  const processed = (ids: string[]) =>
    desk.h.db.prisma.processedMessage.count({
      where: { channel: 'whatsapp', externalMessageId: { in: ids } },
    });

  it('keeps what a resident sent while the database was down and handles it once, in order, when it is back', async () => {
    // A resident already talking to the desk: Baileys has their Signal session in memory.
    const hello = await phone.liveMessage(text(FIRST_WORDS));
    deliverStanza(sockets.last, hello);
    await eventually(async () => expect(await processed([hello.attrs.id as string])).toBe(1));
    // Bahasa Indonesia, then "more about consent"; the other way round they mean English, then "agree".
    const first = await phone.liveMessage(text('1'));
    const second = await phone.liveMessage(text('3'));
    const ids = [first, second].map((stanza) => stanza.attrs.id as string);

    const tries = vi.spyOn(desk.gateway, 'receive');
    const triesOf = (id: string) =>
      tries.mock.calls.filter(([input]) => input.messageId === id).length;
    await outage.begin(desk.h.url);
    deliverStanza(sockets.last, first);
    deliverStanza(sockets.last, second);
    // Baileys acknowledged both to WhatsApp: they will not be delivered again.
    await eventually(() => {
      for (const id of ids) {
        expect(server.received.some((n) => n.tag === 'receipt' && n.attrs.id === id)).toBe(true);
      }
    }, 20_000);
    await eventually(() => expect(lines().some((line) => line.msg === HELD)).toBe(true), 20_000);
    // Tried again and again while the database stays down; the second waits behind the first.
    await eventually(() => expect(triesOf(ids[0] as string)).toBeGreaterThanOrEqual(3), 20_000);
    expect(triesOf(ids[1] as string)).toBe(0);

    await outage.end();
    await eventually(async () => expect(await processed(ids)).toBe(2), 20_000);

    const outbox = await desk.h.db.prisma.outbox.findMany({
      where: { channel: 'whatsapp', chatKey: who.lid },
      orderBy: { id: 'asc' },
    });
    const replies = outbox.map((row) => openOutboxPayload(testCipher(), row.payload).text);
    expect(replies).toEqual([
      t('id', 'entry.askLanguage'),
      t('id', 'entry.askConsent'),
      t('id', 'entry.consentDetails'),
    ]);
    expect(lines().some((line) => line.msg === 'WhatsApp message was not handled')).toBe(false);
    const logs = desk.logs.join('\n');
    for (const secret of ['Siti Aminah', who.lid.split('@')[0], who.pn.split('@')[0]]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('downloads a photo sent during the outage once and stores it once', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(20_000)]);
    const file = await media.upload(bytes, 'image');
    const photo = await phone.liveMessage({
      imageMessage: { ...file, mimetype: 'image/jpeg', caption: 'foto KTP' },
    });
    const id = photo.attrs.id as string;
    const stores = vi.spyOn(desk.gateway, 'storeFile');
    const downloads = media.hits;

    await outage.begin(desk.h.url);
    deliverStanza(sockets.last, photo);
    // The file could not be kept, again and again; it was fetched from WhatsApp once.
    await eventually(() => expect(stores.mock.calls.length).toBeGreaterThanOrEqual(3), 20_000);
    expect(media.hits).toBe(downloads + 1);

    await outage.end();
    await eventually(async () => expect(await processed([id])).toBe(1), 20_000);
    expect(media.hits).toBe(downloads + 1);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const kept = await desk.h.db.prisma.attachment.findMany({ where: { sha256 } });
    expect(kept).toHaveLength(1);
    expect(await desk.h.attachments.read(kept[0]?.storageKey as string)).toEqual(bytes);
    // Handed over once the file was kept, and not kept again after that.
    const stored = await Promise.all(
      stores.mock.results.map((result) => result.value.catch(() => null)),
    );
    expect(stored.filter((result) => result?.ok)).toHaveLength(1);
    expect(stored.at(-1)?.ok).toBe(true);
  });

  it('says how many held messages a stop during the outage loses, and nothing of them', async () => {
    const held = await phone.liveMessage(text('tolong bantu saya'));
    const heldBefore = lines().filter((line) => line.msg === HELD).length;
    await outage.begin(desk.h.url);
    deliverStanza(sockets.last, held);
    await eventually(
      () => expect(lines().filter((line) => line.msg === HELD).length).toBe(heldBefore + 1),
      20_000,
    );
    await desk.whatsapp.stop();
    const lost = desk.logs
      .map((line) => JSON.parse(line) as { msg: string; dropped?: number })
      .filter((line) => line.dropped !== undefined);
    expect(lost).toEqual([
      expect.objectContaining({
        dropped: 1,
        msg: 'WhatsApp channel stopped while the database was unavailable; the messages it held are lost',
      }),
    ]);
    expect(desk.logs.join('\n')).not.toContain('tolong bantu');
    await outage.end();
  });
});
