/**
 * Staff alerts: a resident reopening a ticket, rating it 1 or 2, or
 * answering a /minta reaches the unit's staff chat in the same turn, with
 * the code and the Lihat/Ambil options and none of the resident's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe.each(PROVIDERS)('staff alerts from resident acts on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let serial = 0;

  /** A ticket completed by the unit; the resident has just been asked for feedback. */
  async function finishedTicket() {
    serial += 1;
    const resident = h.channel.chat(`alert-resident-${serial}`);
    const who = newResident();
    const code = await fileHelpRequest(resident, who);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/status ${code} DIPROSES`);
    await petugas.send(`/selesai ${code} bantuan sudah diterima`);
    expect(texts(await resident.drain())).toContain(
      say('feedback.askResolved', { ticketCode: code }),
    );
    await petugas.drain();
    return { code, resident, who };
  }

  const viewAndClaim = (code: string) => [`/tiket ${code}`, `/ambil ${code}`];

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    const { code } = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    petugas = h.channel.chat('alert-petugas');
    await petugas.send(`/masuk ${code}`);
  });
  afterAll(() => h.close());

  it('tells the unit at once when the resident reopens, without the reason', async () => {
    const { code, resident, who } = await finishedTicket();
    await resident.send('belum');
    await resident.send(`Obat belum diterima, NIK saya ${who.nik}`);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(ticket.status).toBe('DIBUKA_KEMBALI');
    const alerts = await petugas.drain();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toBe(
      say('staff.alert.reopened', {
        code,
        due: formatLongDate('id', ticket.slaDueAt ?? new Date(0)),
      }),
    );
    expect(alerts[0]?.options.map((o) => o.id)).toEqual(viewAndClaim(code));
    expect(alerts[0]?.text).not.toContain(who.nik);
    expect(alerts[0]?.text).not.toContain('Obat');
  });

  it('tells the unit about a rating of 2, not about a rating of 4', async () => {
    const low = await finishedTicket();
    await low.resident.send('sudah');
    await low.resident.send('2');
    // The rating is saved with its comment; the comment stays with it, out of the unit's chat.
    await low.resident.send(`Lama sekali, NIK ${low.who.nik}`);
    const [alert, ...rest] = await petugas.drain();
    expect(rest).toEqual([]);
    expect(alert?.text).toBe(say('staff.alert.lowRating', { code: low.code, rating: 2 }));
    expect(alert?.options.map((o) => o.id)).toEqual(viewAndClaim(low.code));
    expect(alert?.text).not.toContain(low.who.nik);

    const good = await finishedTicket();
    await good.resident.send('sudah');
    await good.resident.send('4');
    await good.resident.send('Lewati');
    expect(await petugas.drain()).toEqual([]);
  });

  it('tells the unit that the ticket runs again when the resident answers a /minta', async () => {
    serial += 1;
    const resident = h.channel.chat(`alert-resident-${serial}`);
    const code = await fileHelpRequest(resident);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/minta ${code} Mohon kirim foto KK`);
    await petugas.drain();
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send('Sudah saya foto, ini KK saya');
    const told = await petugas.drain();
    expect(told.map((m) => m.text)).toEqual([
      say('staff.announce.residentMessage', { code, text: 'Sudah saya foto, ini KK saya' }),
      say('staff.alert.answered', { code, status: 'DIVERIFIKASI' }),
    ]);
    expect(told[1]?.options.map((o) => o.id)).toEqual(viewAndClaim(code));
    // A second message on a ticket that already runs is forwarded, with no new alert.
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send('Terima kasih');
    expect(texts(await petugas.drain())).toEqual([
      say('staff.announce.residentMessage', { code, text: 'Terima kasih' }),
    ]);
  });
});
