/**
 * The SLA watch as staff and residents notice it, with the desk's clock under
 * the test's control: nothing before half the working time, one reminder at 50% and one
 * at 80%, escalation at the deadline (both units and the resident told, a
 * `sistem` event), never twice however often the sweep runs; paused tickets
 * left alone; unrated finished tickets closed after 7 days; unanswered
 * referrals reminded and reported to the referring unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import type { SlaSweeper } from '../../src/sla/sla-sweeper.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { deskSweeper } from '../support/desk-sweeper.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { PROVIDERS } from '../support/test-database.ts';

const HOUR = 3_600_000;
const wib = (local: string) => new Date(`${local}+07:00`);
const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
/** The unit's reminder that `percent` of a ticket's `deadline` window, due at `dueAt` (ms), has passed. */
const reminder = (
  code: string,
  percent: string,
  deadline: 'first_response' | 'resolution',
  dueAt: number,
) =>
  say('sla.remind.ticket', {
    percent,
    deadline: say(`sla.deadline.${deadline}`),
    code,
    due: formatLongDate('id', new Date(dueAt)),
  });
/** Staff chats also hear about the other tests' tickets: keep the lines about this one. */
const about = (code: string, replies: { text: string }[]) =>
  texts(replies).filter((text) => text.includes(code));

describe.each(PROVIDERS)('SLA watch on %s', (provider) => {
  let h: DeskHarness;
  let sweeper: SlaSweeper;
  let petugas: InProcessChat;
  let koordinator: InProcessChat;
  let mitra: InProcessChat;
  let serial = 0;

  const join = (key: string, role: StaffRole, unitCode: string, partnerCode?: string) =>
    joinStaff(h, key, role, unitCode, partnerCode);

  async function drainAll() {
    for (const chat of [petugas, koordinator, mitra]) await chat.drain();
  }

  /** A fresh ticket whose windows are set to round numbers from filing: first response 10 h, resolution 100 h. */
  async function newTicket(resolutionHours = 100) {
    serial += 1;
    // Every ticket is filed on Friday 27 November 2026 at 09:00 WIB, whatever an earlier test did to the clock.
    h.clock.now = wib('2026-11-27T09:00');
    const resident = h.channel.chat(`sla-resident-${provider}-${serial}`);
    const code = await fileHelpRequest(resident);
    const now = h.clock.now.getTime();
    await h.db.prisma.ticket.update({
      where: { code },
      data: {
        createdAt: new Date(now),
        firstResponseDueAt: new Date(now + 10 * HOUR),
        slaDueAt: new Date(now + resolutionHours * HOUR),
      },
    });
    await resident.drain();
    await drainAll();
    return { code, resident, start: now };
  }

  const at = (start: number, hours: number) => {
    h.clock.now = new Date(start + hours * HOUR);
  };
  const sweep = () => sweeper.runOnce();
  const ticket = (code: string) => h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    sweeper = deskSweeper(h);
    petugas = await join(`sla-petugas-${provider}`, 'petugas', '32.04.05.2001');
    koordinator = await join(`sla-koordinator-${provider}`, 'koordinator', '32.04.05');
    mitra = await join(`sla-mitra-${provider}`, 'mitra', '32.04', 'contoh-baznas');
  });
  afterAll(async () => {
    await sweeper.stop();
    await h.close();
  });

  it('reminds the unit at 50% and 80% of the first-response time, then escalates at the deadline, each once', async () => {
    const { code, resident, start } = await newTicket();
    const due = formatLongDate('id', new Date(start + 10 * HOUR));
    const remind = (percent: string) =>
      reminder(code, percent, 'first_response', start + 10 * HOUR);

    at(start, 4.9);
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([]);

    at(start, 5);
    await sweep();
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([remind('50')]);

    at(start, 8);
    await sweep();
    at(start, 9);
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([remind('80')]);

    at(start, 10);
    await sweep();
    await sweep();
    const params = { code, deadline: say('sla.deadline.first_response'), due };
    expect(about(code, await petugas.drain())).toEqual([
      say('sla.escalated.from', { ...params, unit: 'SLRT Kecamatan Cileunyi' }),
    ]);
    expect(about(code, await koordinator.drain())).toEqual([
      say('staff.announce.escalated', {
        code,
        unit: 'Puskesos Desa Cileunyi Kulon',
        reason: say('sla.escalated.reason', params),
      }),
    ]);
    expect(texts(await resident.drain())).toEqual([
      say('notify.escalated', { code, unit: 'SLRT Kecamatan Cileunyi' }),
    ]);
    const escalated = await ticket(code);
    expect(escalated.status).toBe('DIESKALASI');
    const events = await h.db.prisma.ticketEvent.findMany({
      where: { ticketId: escalated.id, type: 'escalated' },
    });
    expect(events.map((e) => [e.actorKind, e.toStatus, e.visibility])).toEqual([
      ['sistem', 'DIESKALASI', 'public'],
    ]);
  });

  it('alerts the top unit once, without escalating further, when its ticket misses the deadline', async () => {
    const { code, start } = await newTicket();
    const kabupaten = await h.db.prisma.unit.findFirstOrThrow({ where: { parentId: null } });
    await h.db.prisma.ticket.update({ where: { code }, data: { unitId: kabupaten.id } });
    const admin = await join(`sla-kabupaten-${provider}`, 'koordinator', kabupaten.code);
    await admin.drain();
    at(start, 10);
    await sweep();
    await sweep();
    expect(about(code, await admin.drain())).toEqual([
      say('sla.breach.top', {
        code,
        deadline: say('sla.deadline.first_response'),
        due: formatLongDate('id', new Date(start + 10 * HOUR)),
      }),
    ]);
    const after = await ticket(code);
    expect([after.status, after.unitId]).toEqual(['BARU', kabupaten.id]);
  });

  it('lets only one of two desk processes sweep at a time', async () => {
    const other = deskSweeper(h);
    expect(await sweep()).not.toBeNull();
    expect(await other.runOnce()).toBeNull();
    await sweeper.stop();
    expect(await other.runOnce()).not.toBeNull();
    await other.stop();
  });

  it('reminds the petugas who took the ticket, in their own chat, about the resolution time', async () => {
    const { code, start } = await newTicket();
    await petugas.send(`/ambil ${code}`);
    await drainAll();
    // Filed Friday 09:00, due Tuesday 13:00: 15 h of Friday, 24 h of Monday and
    // 13 h of Tuesday are working time, so half of it (26 h) is gone on Monday
    // at 11:00, not on Sunday when half the wall time is.
    expect(new Date(start + 100 * HOUR)).toEqual(wib('2026-12-01T13:00'));
    for (const quiet of ['2026-11-29T11:00', '2026-11-30T10:59']) {
      h.clock.now = wib(quiet);
      await sweep();
      expect(about(code, await petugas.drain())).toEqual([]);
    }
    h.clock.now = wib('2026-11-30T11:00');
    await sweep();
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([
      reminder(code, '50', 'resolution', start + 100 * HOUR),
    ]);
    expect(about(code, await koordinator.drain())).toEqual([]);
  });

  it('reminds afresh when the due date moves (a wait for the resident gave days back)', async () => {
    const { code } = await newTicket();
    await petugas.send(`/ambil ${code}`);
    await drainAll();
    h.clock.now = wib('2026-11-30T11:00');
    await sweep();
    expect(about(code, await petugas.drain())).toHaveLength(1);
    // What resuming after a wait does: the same ticket, due later (Friday 4
    // December 09:00, 120 working hours after filing: half is gone Tuesday 21:00).
    const later = wib('2026-12-04T09:00');
    await h.db.prisma.ticket.update({ where: { code }, data: { slaDueAt: later } });
    h.clock.now = wib('2026-12-01T20:59');
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([]);
    h.clock.now = wib('2026-12-01T21:00');
    await sweep();
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([
      reminder(code, '50', 'resolution', later.getTime()),
    ]);
  });

  it('leaves a ticket waiting for the resident alone, however late', async () => {
    const { code, start } = await newTicket();
    await petugas.send(`/minta ${code} Mohon kirim foto KK`);
    await drainAll();
    at(start, 200);
    await sweep();
    expect(about(code, await petugas.drain())).toEqual([]);
    expect(about(code, await koordinator.drain())).toEqual([]);
    expect((await ticket(code)).status).toBe('MENUNGGU_WARGA');
    expect(
      await h.db.prisma.slaNotice.count({ where: { ticketId: (await ticket(code)).id } }),
    ).toBe(0);
  });

  it('closes a finished ticket nobody rated 7 days after it was finished, and tells the resident', async () => {
    const { code, resident, start } = await newTicket();
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/status ${code} DIPROSES`);
    await petugas.send(`/selesai ${code} bantuan sudah diterima`);
    await resident.drain();
    await drainAll();
    at(start, 7 * 24 - 0.1);
    await sweep();
    expect((await ticket(code)).status).toBe('SELESAI');
    at(start, 7 * 24);
    await sweep();
    await sweep();
    expect((await ticket(code)).status).toBe('DITUTUP');
    expect(texts(await resident.drain())).toEqual([say('sla.feedback.closed', { code })]);
    const closed = await h.db.prisma.ticketEvent.findMany({
      where: { ticket: { code }, type: 'closed' },
    });
    expect(closed.map((e) => [e.actorKind, e.toStatus])).toEqual([['sistem', 'DITUTUP']]);
  });

  it('reminds a partner that has not answered a referral, and tells the referring unit at the deadline', async () => {
    const { code, start } = await newTicket(1000);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/rujuk ${code} contoh-baznas`);
    await drainAll();
    const referral = await h.db.prisma.referral.findFirstOrThrow({ where: { ticket: { code } } });
    const { service } = await h.db.prisma.ticket.findUniqueOrThrow({
      where: { code },
      select: { service: { select: { referralResponseDays: true } } },
    });
    expect(service?.referralResponseDays).toBe(2);
    // Sent Friday 09:00, due at the end of Tuesday: 15 + 24 + 24 working hours,
    // so the partner hears halfway, on Monday at 16:30.
    expect(referral.createdAt).toEqual(wib('2026-11-27T09:00'));
    const dueAt = wib('2026-12-01T23:59:59.999');
    const params = { code, due: formatLongDate('id', dueAt) };
    const remind = say('sla.referral.remind', { ...params, unit: 'Puskesos Desa Cileunyi Kulon' });

    h.clock.now = wib('2026-11-30T16:29');
    await sweep();
    expect(about(code, await mitra.drain())).toEqual([]);
    h.clock.now = wib('2026-11-30T16:30');
    await sweep();
    await sweep();
    expect(about(code, await mitra.drain())).toEqual([remind]);

    h.clock.now = dueAt;
    await sweep();
    await sweep();
    expect(about(code, await mitra.drain())).toEqual([remind]);
    const partner = await h.db.prisma.partner.findUniqueOrThrow({
      where: { code: 'contoh-baznas' },
    });
    expect(about(code, await petugas.drain())).toEqual([
      say('sla.referral.breach', { ...params, partner: partner.name }),
    ]);
    expect(start).toBeLessThan(h.clock.now.getTime());
  });
});
