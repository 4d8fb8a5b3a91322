/**
 * The SLA watch walked hour by hour over Indonesia's real calendar, with the
 * desk's clock under the test's control and the seeded holidays (date-holidays
 * plus the 2026 joint decree): nothing lands on Nyepi, Lebaran, Christmas or
 * New Year; reminders come when half and four fifths of the working time are
 * gone; a missed deadline escalates; a wait for the resident over Lebaran
 * gives the unit its days back; a reopening starts a fresh window; an unanswered referral is chased over the
 * year end, cancelled and sent again; an unrated ticket closes after 7 days.
 *
 * Every line in the expected journals was worked out by hand from the
 * calendar (see the comments), not read back from the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import type { SlaSweeper } from '../../src/sla/sla-sweeper.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { deskSweeper } from '../support/desk-sweeper.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { PROVIDERS } from '../support/test-database.ts';

const HOUR = 3_600_000;
const WIB_MS = 7 * HOUR;
const wib = (local: string) => new Date(`${local}+07:00`);
/** `YYYY-MM-DD HH:MM` in Jakarta. */
const local = (at: Date) =>
  new Date(at.getTime() + WIB_MS).toISOString().slice(0, 16).replace('T', ' ');
const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const due = (day: string) => formatLongDate('id', wib(`${day}T23:59:59.999`));
const DESA = 'Puskesos Desa Cileunyi Kulon';
const KECAMATAN = 'SLRT Kecamatan Cileunyi';
const remind = (code: string, percent: string, deadline: string, day: string) =>
  say('sla.remind.ticket', {
    percent,
    deadline: say(`sla.deadline.${deadline}` as Key),
    code,
    due: due(day),
  });

// Each walk sweeps a few hundred times; on a busy 2-core machine that can take longer than the default 30 s.
describe.each(PROVIDERS)(
  'the SLA watch over the 2026 calendar on %s',
  { timeout: 120_000 },
  (provider) => {
    let h: DeskHarness;
    let sweeper: SlaSweeper;
    let chats: Record<'petugas' | 'koordinator' | 'mitra', InProcessChat>;
    let serial = 0;

    /** A kesehatan request (3 working days) filed at `filedAt` (Jakarta time). */
    async function fileAt(filedAt: string) {
      h.clock.now = wib(filedAt);
      serial += 1;
      const resident = h.channel.chat(`calendar-resident-${provider}-${serial}`);
      const code = await fileHelpRequest(resident);
      await resident.drain();
      for (const chat of Object.values(chats)) await chat.drain();
      return { code, resident };
    }

    /**
     * Sweeps once an hour, on the hour, from the hour after the clock up to and
     * including `until`, and returns what reached the staff chats and the
     * resident about `code`, as "time who: text".
     */
    async function walk(code: string, resident: InProcessChat, until: string): Promise<string[]> {
      const journal: string[] = [];
      const end = wib(until).getTime();
      let at = Math.floor(h.clock.now.getTime() / HOUR) * HOUR + HOUR;
      for (; at <= end; at += HOUR) {
        h.clock.now = new Date(at);
        await sweeper.runOnce();
        for (const [who, chat] of [...Object.entries(chats), ['warga', resident] as const]) {
          for (const { text } of await chat.drain()) {
            if (text.includes(code)) journal.push(`${local(h.clock.now)} ${who}: ${text}`);
          }
        }
      }
      h.clock.now = wib(until);
      return journal;
    }

    beforeAll(async () => {
      h = await startDeskHarness(provider);
      sweeper = deskSweeper(h);
      h.clock.now = wib('2026-03-01T09:00');
      chats = {
        petugas: await joinStaff(h, `calendar-petugas-${provider}`, 'petugas', '32.04.05.2001'),
        koordinator: await joinStaff(h, `calendar-koord-${provider}`, 'koordinator', '32.04.05'),
        mitra: await joinStaff(h, `calendar-mitra-${provider}`, 'mitra', '32.04', 'contoh-baznas'),
      };
    });
    afterAll(async () => {
      await sweeper.stop();
      await h.close();
    });

    it('is silent over Nyepi and Lebaran, reminds on the working days after, and escalates when the first response is missed', async () => {
      // Filed Tuesday 17 March 10:00. 18 March cuti Nyepi, 19 Nyepi, 20 cuti,
      // 21–22 Idul Fitri, 23–24 cuti: the first response is due on Wednesday
      // 25 March, the resolution (3 working days) on Friday 27 March.
      const { code, resident } = await fileAt('2026-03-17T10:00');
      const filed = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
      expect(filed.firstResponseDueAt).toEqual(wib('2026-03-25T23:59:59.999'));
      expect(filed.slaDueAt).toEqual(wib('2026-03-27T23:59:59.999'));

      // First response: 14 h on the 17th + 24 h on the 25th = 38 working hours;
      // 50% (19 h) at 05:00 on the 25th, 80% (30.4 h) at 16:24, swept at 17:00.
      // Resolution, now with the kecamatan: 14 + 3 × 24 = 86 h; 50% (43 h) at
      // 05:00 on the 26th, 80% (68.8 h) at 06:48 on the 27th.
      const reason = say('sla.escalated.reason', {
        deadline: say('sla.deadline.first_response'),
        due: due('2026-03-25'),
      });
      expect(await walk(code, resident, '2026-03-27T12:00')).toEqual([
        `2026-03-25 05:00 petugas: ${remind(code, '50', 'first_response', '2026-03-25')}`,
        `2026-03-25 17:00 petugas: ${remind(code, '80', 'first_response', '2026-03-25')}`,
        `2026-03-26 00:00 petugas: ${say('sla.escalated.from', {
          code,
          deadline: say('sla.deadline.first_response'),
          due: due('2026-03-25'),
          unit: KECAMATAN,
        })}`,
        `2026-03-26 00:00 koordinator: ${say('staff.announce.escalated', { code, unit: DESA, reason })}`,
        `2026-03-26 00:00 warga: ${say('notify.escalated', { code, unit: KECAMATAN })}`,
        `2026-03-26 05:00 koordinator: ${remind(code, '50', 'resolution', '2026-03-27')}`,
        `2026-03-27 07:00 koordinator: ${remind(code, '80', 'resolution', '2026-03-27')}`,
      ]);
      const events = await h.db.prisma.ticketEvent.findMany({
        where: { ticketId: filed.id, type: 'escalated' },
      });
      expect(events.map((e) => [e.actorKind, e.createdAt])).toEqual([
        ['sistem', wib('2026-03-26T00:00')],
      ]);
    });

    it('gives a wait for the resident over Lebaran back to the unit, so no reminder comes the moment they answer', async () => {
      // Filed Friday 13 March 10:00: first response due Monday 16 March
      // (14 + 24 = 38 working hours, 50% at 05:00 on the 16th), resolution due
      // Wednesday 25 March (Mon 16, Tue 17, then Wed 25 after the holidays).
      const { code, resident } = await fileAt('2026-03-13T10:00');
      const early = await walk(code, resident, '2026-03-16T10:00');
      expect(early).toEqual([
        `2026-03-16 05:00 petugas: ${remind(code, '50', 'first_response', '2026-03-16')}`,
      ]);
      await chats.petugas.send(`/verifikasi ${code}`);
      await chats.petugas.send(`/minta ${code} Mohon kirim foto KK`);
      await resident.drain();
      await chats.petugas.drain();

      // Nothing at all while the ticket waits, through the whole holiday week.
      expect(await walk(code, resident, '2026-03-26T09:00')).toEqual([]);

      // The resident answers on Thursday 26 March: Tue 17, Wed 25 and Thu 26 were
      // lost, so the deadline moves to Monday 30 March and the window's start
      // from Friday 13 to Wednesday 25 March, 10:00.
      await resident.send('menu');
      await resident.send({ optionId: 'contact' });
      await resident.send('1');
      await resident.send('Sudah saya foto, ini KK saya');
      await resident.drain();
      await chats.petugas.drain();
      const resumed = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
      expect([resumed.status, resumed.slaDueAt, resumed.slaStartedAt]).toEqual([
        'DIVERIFIKASI',
        wib('2026-03-30T23:59:59.999'),
        wib('2026-03-25T10:00'),
      ]);

      // 14 + 24 + 24 + 24 = 86 working hours from Wednesday 10:00: 50% at 05:00
      // on Friday 27th, 80% at 06:48 on Monday 30th, breach when Monday ends.
      const reason = say('sla.escalated.reason', {
        deadline: say('sla.deadline.resolution'),
        due: due('2026-03-30'),
      });
      expect(await walk(code, resident, '2026-03-31T06:00')).toEqual([
        `2026-03-27 05:00 petugas: ${remind(code, '50', 'resolution', '2026-03-30')}`,
        `2026-03-30 07:00 petugas: ${remind(code, '80', 'resolution', '2026-03-30')}`,
        `2026-03-31 00:00 petugas: ${say('sla.escalated.from', {
          code,
          deadline: say('sla.deadline.resolution'),
          due: due('2026-03-30'),
          unit: KECAMATAN,
        })}`,
        `2026-03-31 00:00 koordinator: ${say('staff.announce.escalated', { code, unit: DESA, reason })}`,
        `2026-03-31 00:00 warga: ${say('notify.escalated', { code, unit: KECAMATAN })}`,
      ]);
    });

    it('chases an unanswered referral over Christmas and New Year, and a cancelled one no more', async () => {
      // Filed and referred Wednesday 23 December 10:00. 24 December cuti, 25
      // Christmas, 26–27 weekend. Resolution (3 days) due Wednesday 30 December:
      // 14 + 3 × 24 = 86 h, 50% at 05:00 on the 29th, 80% at 06:48 on the 30th.
      // Referral (2 days) due Tuesday 29 December: 14 + 24 + 24 = 62 h, 50% at
      // 17:00 on Monday 28th.
      const { code, resident } = await fileAt('2026-12-23T10:00');
      await chats.petugas.send(`/verifikasi ${code}`);
      await chats.petugas.send(`/rujuk ${code} contoh-baznas`);
      await resident.drain();
      for (const chat of Object.values(chats)) await chat.drain();
      const partner = await h.db.prisma.partner.findUniqueOrThrow({
        where: { code: 'contoh-baznas' },
      });
      const chase = (day: string) =>
        say('sla.referral.remind', { code, due: due(day), unit: DESA });
      const late = (day: string) =>
        say('sla.referral.breach', { code, due: due(day), partner: partner.name });

      expect(await walk(code, resident, '2026-12-30T09:00')).toEqual([
        `2026-12-28 17:00 mitra: ${chase('2026-12-29')}`,
        `2026-12-29 05:00 petugas: ${remind(code, '50', 'resolution', '2026-12-30')}`,
        `2026-12-30 00:00 petugas: ${late('2026-12-29')}`,
        `2026-12-30 00:00 mitra: ${chase('2026-12-29')}`,
        `2026-12-30 07:00 petugas: ${remind(code, '80', 'resolution', '2026-12-30')}`,
      ]);

      // The unit takes the referral back and sends it again at 09:00 on the
      // 30th: due Monday 4 January (31 December, then 1 January and the weekend
      // off): 15 + 24 + 24 = 63 h, 50% at 16:30 on the 31st, swept at 17:00.
      await chats.petugas.send(`/batalrujuk ${code} mitra tidak menjawab`);
      expect((await chats.mitra.drain()).map((m) => m.text)).toEqual([
        say('partner.announce.cancelled', { code, unit: DESA }),
      ]);
      await chats.petugas.send(`/rujuk ${code} contoh-baznas`);
      await resident.drain();
      for (const chat of Object.values(chats)) await chat.drain();

      // The ticket is with a partner, so its own missed deadline cannot go up a
      // unit: the unit is alerted once, when the 30th ends.
      expect(await walk(code, resident, '2027-01-05T06:00')).toEqual([
        `2026-12-31 00:00 petugas: ${say('sla.breach.alert', {
          code,
          deadline: say('sla.deadline.resolution'),
          due: due('2026-12-30'),
        })}`,
        `2026-12-31 17:00 mitra: ${chase('2027-01-04')}`,
        `2027-01-05 00:00 petugas: ${late('2027-01-04')}`,
        `2027-01-05 00:00 mitra: ${chase('2027-01-04')}`,
      ]);
      const referrals = await h.db.prisma.referral.findMany({
        where: { ticket: { code } },
        orderBy: { createdAt: 'asc' },
      });
      expect(referrals.map((r) => r.status)).toEqual(['DIBATALKAN', 'TERKIRIM']);
    });

    it('gives a reopened ticket a fresh window, so reopening does not set off a reminder at once', async () => {
      // Filed Monday 7 December 09:00 and finished the same morning.
      const { code, resident } = await fileAt('2026-12-07T09:00');
      await chats.petugas.send(`/verifikasi ${code}`);
      await chats.petugas.send(`/status ${code} DIPROSES`);
      await chats.petugas.send(`/selesai ${code} bantuan sudah diterima`);
      await resident.drain();
      for (const chat of Object.values(chats)) await chat.drain();

      // Reopened a week later, Monday 14 December 09:00: due Thursday 17th,
      // 15 + 24 + 24 + 24 = 87 working hours, 50% at 04:30 on Wednesday 16th.
      h.clock.now = wib('2026-12-14T09:00');
      await resident.send('belum');
      await resident.send('Obat belum diterima');
      await resident.drain();
      for (const chat of Object.values(chats)) await chat.drain();
      const reopened = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
      expect([reopened.status, reopened.slaDueAt]).toEqual([
        'DIBUKA_KEMBALI',
        wib('2026-12-17T23:59:59.999'),
      ]);
      expect(await walk(code, resident, '2026-12-16T06:00')).toEqual([
        `2026-12-16 05:00 petugas: ${remind(code, '50', 'resolution', '2026-12-17')}`,
      ]);
    });

    it('closes a ticket finished on New Year’s Eve that nobody rated, 7 days later', async () => {
      const { code, resident } = await fileAt('2026-12-31T08:00');
      h.clock.now = wib('2026-12-31T10:00');
      await chats.petugas.send(`/verifikasi ${code}`);
      await chats.petugas.send(`/status ${code} DIPROSES`);
      await chats.petugas.send(`/selesai ${code} bantuan sudah diterima`);
      await resident.drain();
      for (const chat of Object.values(chats)) await chat.drain();

      expect(await walk(code, resident, '2027-01-08T10:00')).toEqual([
        `2027-01-07 10:00 warga: ${say('sla.feedback.closed', { code })}`,
      ]);
      const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
      expect([ticket.status, ticket.closedAt]).toEqual(['DITUTUP', wib('2027-01-07T10:00')]);
    });
  },
);
