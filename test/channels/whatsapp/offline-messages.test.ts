/**
 * What residents wrote while the desk was offline (a restart, a reconnect, a
 * lease handover) reaches the desk. Runs Baileys' real socket: the message
 * is encrypted by a resident's Signal identity, delivered as an offline
 * stanza, decrypted, queued by Baileys' offline-node processor and emitted
 * from its event buffer, so the upsert type ('append') is Baileys' own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../support/test-database.ts';
import { offlineDone, type ResidentPhone } from './resident-phone.ts';
import { resident, text } from './wa-fixtures.ts';
import { baileysSockets, deliverStanza, startWaServer, type WaServer } from './wa-server.ts';
import { eventually, pairLongAgo, startWhatsAppDesk, type WhatsAppDesk } from './whatsapp-desk.ts';

const DAY_S = 24 * 60 * 60;
const nowS = () => Math.floor(Date.now() / 1000);

describe.each(PROVIDERS)('WhatsApp messages sent while the desk was offline, on %s', (provider) => {
  let server: WaServer;
  let desk: WhatsAppDesk;
  let sockets: ReturnType<typeof baileysSockets>;
  const who = resident(41);
  let phone: ResidentPhone;

  beforeAll(async () => {
    server = await startWaServer();
  });
  afterAll(() => server.close());
  afterEach(() => desk?.close());

  async function startPairedDesk(options: { offlineMaxAgeDays?: number } = {}) {
    sockets = baileysSockets(server);
    desk = await startWhatsAppDesk({ provider, makeSocket: sockets.make, ...options });
    // The channel holds the lease and its socket is connecting: pair it as if long ago.
    phone = await pairLongAgo(desk, sockets, who);
    return sockets.last;
  }

  const processed = (id: string) =>
    desk.h.db.prisma.processedMessage.count({
      where: { channel: 'whatsapp', externalMessageId: id },
    });

  it('answers a message sent an hour before the desk came back', async () => {
    const socket = await startPairedDesk();
    const stanza = await phone.offlineMessage(text('halo'), { sentAtS: nowS() - 3600 });
    deliverStanza(socket, stanza);
    deliverStanza(socket, offlineDone(1));
    const id = stanza.attrs.id as string;
    await eventually(async () => expect(await processed(id)).toBe(1));
    const replies = await desk.h.db.prisma.outbox.count({
      where: { channel: 'whatsapp', chatKey: who.lid },
    });
    expect(replies).toBeGreaterThan(0);
    // Baileys acknowledged it to WhatsApp, so it is not delivered again.
    await eventually(() =>
      expect(server.received.some((n) => n.tag === 'receipt' && n.attrs.id === id)).toBe(true),
    );
  });

  it('skips what is older than the cutoff, logging only how many', async () => {
    const socket = await startPairedDesk({ offlineMaxAgeDays: 3 });
    const old = await phone.offlineMessage(text('tolong bantu'), { sentAtS: nowS() - 4 * DAY_S });
    const recent = await phone.offlineMessage(text('halo'), { sentAtS: nowS() - 2 * DAY_S });
    deliverStanza(socket, old);
    deliverStanza(socket, recent);
    deliverStanza(socket, offlineDone(2));
    await eventually(async () => expect(await processed(recent.attrs.id as string)).toBe(1));
    expect(await processed(old.attrs.id as string)).toBe(0);
    const skipped = desk.logs
      .map((line) => JSON.parse(line) as { msg: string; skipped?: number })
      .filter((line) => line.skipped !== undefined);
    expect(skipped).toEqual([
      expect.objectContaining({
        skipped: 1,
        msg: 'WhatsApp messages sent while the desk was offline are too old to answer; skipped',
      }),
    ]);
    const logs = desk.logs.join('\n');
    for (const secret of ['tolong bantu', who.lid.split('@')[0], who.pn.split('@')[0]]) {
      expect(logs).not.toContain(secret);
    }
  });
});
