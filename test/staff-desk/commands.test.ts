/**
 * What the commands do beyond "allowed or not": refusals that change
 * nothing, the moves that need their own command, escalation changing who
 * works a ticket, a partner's failed outcome, waiting for the resident, and
 * a command delivered twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { addWorkingDays, workingDaysBetween } from '../../src/core/working-days.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { usagePattern } from './usage-pattern.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
/** A command's answer followed by what happened to the resident's update. */
const told = (
  key: Key,
  params: Record<string, string | number>,
  outcome: Key = 'staff.told.resident',
) => `${say(key, params)} ${say(outcome)}`;
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe('staff commands at work', () => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let koordinator: InProcessChat;
  let mitra: InProcessChat;
  let serial = 0;

  const join = (key: string, role: StaffRole, unitCode: string, partnerCode?: string) =>
    joinStaff(h, key, role, unitCode, partnerCode);

  /** A fresh ticket of a fresh resident, and that resident's chat. */
  async function newTicket() {
    serial += 1;
    const resident = h.channel.chat(`resident-${serial}`);
    const code = await fileHelpRequest(resident);
    for (const chat of [petugas, koordinator, mitra, resident]) await chat.drain();
    return { code, resident };
  }

  const status = async (code: string) =>
    (await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } })).status;

  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
    petugas = await join('cmd-petugas', 'petugas', '32.04.05.2001');
    koordinator = await join('cmd-koordinator', 'koordinator', '32.04.05');
    mitra = await join('cmd-mitra', 'mitra', '32.04', 'contoh-baznas');
  });
  afterAll(() => h.close());

  it('refuses a move the lifecycle forbids in one line and changes nothing', async () => {
    const { code } = await newTicket();
    const events = await h.db.prisma.ticketEvent.count({ where: { ticket: { code } } });
    expect(texts(await petugas.send(`/selesai ${code} sudah beres`))).toEqual([
      say('staff.illegalMove', { code, status: 'BARU', action: say('action.ticket.complete') }),
    ]);
    expect(texts(await petugas.send(`/rujuk ${code} contoh-baznas`))).toEqual([
      say('staff.illegalMove', { code, status: 'BARU', action: say('action.ticket.refer') }),
    ]);
    expect(texts(await petugas.send(`/status ${code} SELESAI`))).toEqual([
      say('staff.status.useCommand', { status: 'SELESAI', command: '/selesai' }),
    ]);
    expect(texts(await petugas.send(`/status ${code} LUPA`))[0]).toMatch(
      /^Status "LUPA" tidak dikenal/,
    );
    expect(await status(code)).toBe('BARU');
    expect(await h.db.prisma.ticketEvent.count({ where: { ticket: { code } } })).toBe(events);
  });

  it('runs a command delivered twice only once', async () => {
    const { code, resident } = await newTicket();
    const command = petugas.inbound(`/verifikasi ${code}`, 'same-message-id');
    await h.gateway.receive(command);
    await h.gateway.receive(command);
    expect(texts(await petugas.drain())).toEqual([told('staff.verify.ok', { code })]);
    expect(texts(await resident.drain())).toHaveLength(1);
    expect(
      await h.db.prisma.ticketEvent.count({ where: { ticket: { code }, type: 'verified' } }),
    ).toBe(1);
  });

  it('escalates to the kecamatan: its koordinator works it, the desa petugas no longer sees it', async () => {
    const { code, resident } = await newTicket();
    expect(texts(await petugas.send(`/eskalasi ${code} butuh anggaran kecamatan`))).toEqual([
      say('staff.escalate.ok', { code, unit: 'SLRT Kecamatan Cileunyi' }),
    ]);
    expect(texts(await resident.drain())).toEqual([
      say('notify.escalated', { code, unit: 'SLRT Kecamatan Cileunyi' }),
    ]);
    expect(texts(await petugas.send(`/tiket ${code}`))).toEqual([
      say('staff.ticketNotFound', { code }),
    ]);
    // The kecamatan's chats are told, with the reason and the buttons to take it.
    const [told] = await koordinator.drain();
    expect(told?.text).toBe(
      say('staff.announce.escalated', {
        code,
        unit: 'Puskesos Desa Cileunyi Kulon',
        reason: 'butuh anggaran kecamatan',
      }),
    );
    expect(told?.options.map((o) => o.id)).toEqual([`/tiket ${code}`, `/ambil ${code}`]);
    expect(texts(await koordinator.send('/antrian')).join('\n')).toContain(`${code} · DIESKALASI`);
    expect(texts(await koordinator.send(`/eskalasi ${code} perlu dinas`))).toEqual([
      say('staff.escalate.ok', { code, unit: 'SLRT Kabupaten Bandung' }),
    ]);
  });

  it('returns a ticket to the unit when the partner cannot help, and tells why', async () => {
    const { code, resident } = await newTicket();
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/rujuk ${code} contoh-baznas`);
    expect(texts(await petugas.send(`/rujuk ${code} contoh-csr`))).toEqual([
      say('staff.refer.stillOpen', { code, partner: 'BAZNAS Kabupaten Bandung (contoh)' }),
    ]);
    await mitra.send(`/terima ${code}`);
    expect(texts(await mitra.send(`/tuntas ${code} tidak berhasil`))).toEqual([
      expect.stringMatching(usagePattern('staff.usage.tuntas')),
    ]);
    expect(texts(await mitra.send(`/tuntas ${code} tidak berhasil kuota tahun ini habis`))).toEqual(
      [say('partner.finish.ok', { code, outcome: 'Tidak berhasil: kuota tahun ini habis' })],
    );
    expect(await status(code)).toBe('DIVERIFIKASI');
    expect(texts(await resident.drain()).at(-1)).toBe(
      say('notify.referralReturned', { code, unit: 'Puskesos Desa Cileunyi Kulon' }),
    );
    expect(texts(await petugas.drain())).toContain(
      say('staff.announce.referralDone', {
        code,
        partner: 'BAZNAS Kabupaten Bandung (contoh)',
        outcome: 'Tidak berhasil: kuota tahun ini habis',
      }),
    );
    // The unit may refer again, now to someone else.
    expect(texts(await petugas.send(`/rujuk ${code} contoh-csr coba CSR`))[0]).toMatch(
      new RegExp(`^${code} dirujuk ke Program CSR`),
    );
  });

  it('waits for the resident after /minta and resumes with the SLA extended when they answer', async () => {
    const { code, resident } = await newTicket();
    await petugas.send(`/verifikasi ${code}`);
    const before = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(texts(await petugas.send(`/minta ${code} Mohon kirim foto KK`))).toEqual([
      say('staff.request.ok', { code }),
    ]);
    expect(texts(await resident.drain()).at(-1)).toBe(
      say('notify.waiting', {
        code,
        unit: 'Puskesos Desa Cileunyi Kulon',
        message: 'Mohon kirim foto KK',
      }),
    );
    const paused = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    // Three calendar days away: the SLA moves by the working days among them, not by 72 hours.
    h.clock.advance(3 * 86_400_000);
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send('Sudah saya foto, ini KK saya');
    const after = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(after.status).toBe('DIVERIFIKASI');
    const paidBack = workingDaysBetween(
      paused.slaPausedAt ?? h.clock.now,
      h.clock.now,
      h.ref.holidays,
    );
    expect(paidBack).toBeGreaterThan(0);
    expect(after.slaDueAt).toEqual(
      addWorkingDays(before.slaDueAt ?? h.clock.now, paidBack, h.ref.holidays),
    );
    expect(texts(await petugas.drain())[0]).toMatch(new RegExp(`^Pesan pelapor ${code}`));
  });

  it('closes a SELESAI ticket with /selesai and records who did it', async () => {
    const { code, resident } = await newTicket();
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/status ${code} DIPROSES`);
    expect(texts(await petugas.send(`/selesai ${code} bantuan sudah diterima`))).toEqual([
      told('staff.complete.ok', { code }, 'staff.told.rating'),
    ]);
    const residentTexts = texts(await resident.drain());
    expect(residentTexts).toContain(
      say('notify.completed', { code, summary: 'bantuan sudah diterima' }),
    );
    expect(residentTexts).toContain(say('feedback.askResolved', { ticketCode: code }));
    expect(texts(await petugas.send(`/selesai ${code} ditutup`))).toEqual([
      say('staff.close.ok', { code }),
    ]);
    expect(await status(code)).toBe('DITUTUP');
  });

  it("lists the resident's other tickets in /tiket, only those the staff member may work", async () => {
    const { code } = await newTicket();
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    const unitOf = (unitCode: string) =>
      h.db.prisma.unit.findUniqueOrThrow({ where: { code: unitCode } });
    const own = await unitOf('32.04.05.2001');
    // Cileunyi Wetan: another desa's Puskesos, outside this petugas's reach.
    const elsewhere = await unitOf('32.04.05.2002');
    const other = (suffix: string, unitId: string) =>
      h.db.prisma.ticket.create({
        data: {
          code: `PB-REL${suffix}`,
          kind: 'permohonan',
          citizenId: ticket.citizenId,
          unitId,
          serviceCode: 'pendidikan',
          description: 'sealed',
          channel: 'test',
        },
      });
    await other('00A', own.id);
    await other('00B', elsewhere.id);
    const [detail] = texts(await petugas.send(`/tiket ${code}`));
    expect(detail).toContain(say('staff.ticket.related', { list: '' }).trim());
    expect(detail).toContain('PB-REL00A');
    expect(detail).not.toContain('PB-REL00B');
    // The koordinator of the kecamatan reaches both desa.
    const [wide] = texts(await koordinator.send(`/tiket ${code}`));
    expect(wide).toContain('PB-REL00A');
    expect(wide).toContain('PB-REL00B');
  });

  it('lists the documents the resident sent in /tiket', async () => {
    const { code } = await newTicket();
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    for (const [bytes, mimeType] of [
      [new Uint8Array(3 * 1024), 'image/jpeg'],
      [new Uint8Array(2 * 1024 * 1024), 'application/pdf'],
    ] as const) {
      const saved = await h.attachments.save(h.db.prisma, { bytes, mimeType, identityId: null });
      if (!saved.ok) throw new Error('not stored');
      await h.db.prisma.attachment.update({
        where: { id: saved.attachmentId },
        data: { ticketId: ticket.id },
      });
    }
    const privately = await petugas.send(`/tiket ${code}`);
    expect(privately[0]?.text).toContain('Dokumen: 2: foto 3 KB, PDF 2.0 MB');
    // The files themselves follow in the staff member's own chat, with captions.
    const files = await h.db.prisma.attachment.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(privately.slice(1)).toEqual([
      { text: `${code} · foto 1/2`, options: [], attachment: { attachmentId: files[0]?.id } },
      { text: `${code} · PDF 2/2`, options: [], attachment: { attachmentId: files[1]?.id } },
    ]);
    // In a staff room the list is shown, the files are not.
    const { code: roomInvite } = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    const room = h.channel.groupChat('cmd-room', 'cmd-room-member');
    await room.send(`/masuk ${roomInvite}`);
    const inRoom = await room.send(`/tiket ${code}`);
    expect(inRoom).toHaveLength(1);
    expect(inRoom[0]?.attachment).toBeUndefined();
  });
});
