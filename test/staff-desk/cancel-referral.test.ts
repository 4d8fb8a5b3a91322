/**
 * /batalrujuk: the referring unit (or its koordinator) takes a ticket back
 * from a partner that has not finished it. The ticket returns to the unit's
 * queue, can be referred again, the partner's contacts and the resident are
 * told (never the reason), and the audit trail keeps the reason sealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { usagePattern } from './usage-pattern.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const BAZNAS = 'BAZNAS Kabupaten Bandung (contoh)';
const UNIT = 'Puskesos Desa Cileunyi Kulon';

describe.each(PROVIDERS)('cancelling a referral on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let koordinator: InProcessChat;
  let mitra: InProcessChat;
  let serial = 0;

  const join = (key: string, role: StaffRole, unitCode: string, partnerCode?: string) =>
    joinStaff(h, key, role, unitCode, partnerCode);

  /** A fresh ticket referred to BAZNAS, every chat drained. */
  async function referredTicket() {
    serial += 1;
    const resident = h.channel.chat(`cancel-resident-${serial}`);
    const code = await fileHelpRequest(resident);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/rujuk ${code} contoh-baznas mohon dibantu`);
    for (const chat of [petugas, koordinator, mitra, resident]) await chat.drain();
    return { code, resident };
  }

  const ticketOf = (code: string) =>
    h.db.prisma.ticket.findUniqueOrThrow({
      where: { code },
      include: { referrals: { orderBy: { createdAt: 'asc' } } },
    });

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await join('cancel-petugas', 'petugas', '32.04.05.2001');
    koordinator = await join('cancel-koordinator', 'koordinator', '32.04.05');
    mitra = await join('cancel-mitra', 'mitra', '32.04', 'contoh-baznas');
  });
  afterAll(() => h.close());

  it('returns a referred ticket to the queue, tells partner and resident without the reason, and allows a new referral', async () => {
    const { code, resident } = await referredTicket();
    const reason = 'mitra tidak bisa dihubungi, Bu Siti minta dialihkan';
    expect(texts(await petugas.send(`/batalrujuk ${code} ${reason}`))).toEqual([
      say('staff.cancelReferral.ok', { code, partner: BAZNAS }),
    ]);
    const ticket = await ticketOf(code);
    expect(ticket.status).toBe('DIVERIFIKASI');
    expect(ticket.referrals.map((r) => r.status)).toEqual(['DIBATALKAN']);
    expect(testCipher().decrypt(ticket.referrals[0]?.reason ?? '')).toBe(reason);

    const partnerInbox = texts(await mitra.drain());
    expect(partnerInbox).toEqual([say('partner.announce.cancelled', { code, unit: UNIT })]);
    const residentInbox = texts(await resident.drain());
    expect(residentInbox).toEqual([say('notify.referralReturned', { code, unit: UNIT })]);
    expect([...partnerInbox, ...residentInbox].join('\n')).not.toContain('Siti');

    // The partner has lost the ticket; the unit may refer it again.
    expect(texts(await mitra.send(`/terima ${code}`))).toEqual([
      say('partner.notFound', { code, partner: BAZNAS }),
    ]);
    expect(texts(await petugas.send(`/rujuk ${code} contoh-csr`))[0]).toMatch(
      new RegExp(`^${code} dirujuk ke Program CSR`),
    );

    const event = await h.db.prisma.ticketEvent.findFirstOrThrow({
      where: { ticketId: ticket.id, type: 'referral_cancelled' },
    });
    expect([event.actorKind, event.fromStatus, event.toStatus]).toEqual([
      'petugas',
      'DIRUJUK',
      'DIVERIFIKASI',
    ]);
    expect(event.message).not.toContain('Siti');
    expect(testCipher().decrypt(event.message ?? '')).toBe(reason);
  });

  it('cancels an accepted referral too, from the kecamatan koordinator', async () => {
    const { code } = await referredTicket();
    // The koordinator reaches the desa's DIRUJUK ticket; the partner holds it, so escalating
    // it is the lifecycle's refusal (cancel first), not "not found".
    expect(texts(await koordinator.send(`/tiket ${code}`))[0]).toMatch(
      new RegExp(`^${code} · permohonan · DIRUJUK`),
    );
    expect(texts(await koordinator.send(`/eskalasi ${code} butuh anggaran`))).toEqual([
      say('staff.illegalMove', { code, status: 'DIRUJUK', action: say('action.ticket.escalate') }),
    ]);
    await mitra.send(`/terima ${code}`);
    await koordinator.drain();
    // The koordinator reaches the desa's referred ticket and works it like the petugas.
    expect(texts(await koordinator.send(`/tiket ${code}`))[0]).toMatch(
      new RegExp(`^${code} · permohonan · DIPROSES`),
    );
    expect(texts(await koordinator.send(`/catatan ${code} cek ke BAZNAS`))).toEqual([
      say('staff.note.ok', { code }),
    ]);
    expect(texts(await koordinator.send(`/batalrujuk ${code} warga pindah domisili`))).toEqual([
      say('staff.cancelReferral.ok', { code, partner: BAZNAS }),
    ]);
    const ticket = await ticketOf(code);
    expect(ticket.status).toBe('DIVERIFIKASI');
    expect(ticket.referrals.map((r) => r.status)).toEqual(['DIBATALKAN']);
    // Back in the queue, the koordinator may now take it up to the kecamatan.
    expect(texts(await koordinator.send(`/eskalasi ${code} butuh anggaran kecamatan`))).toEqual([
      say('staff.escalate.ok', { code, unit: 'SLRT Kecamatan Cileunyi' }),
    ]);
  });

  it('closes a referral left open by an escalation, keeping the ticket with the unit above', async () => {
    const { code, resident } = await referredTicket();
    await mitra.send(`/terima ${code}`);
    await petugas.send(`/eskalasi ${code} butuh anggaran kecamatan`);
    for (const chat of [petugas, koordinator, mitra, resident]) await chat.drain();
    expect(texts(await koordinator.send(`/batalrujuk ${code} kecamatan tangani sendiri`))).toEqual([
      say('staff.cancelReferral.ok', { code, partner: BAZNAS }),
    ]);
    const ticket = await ticketOf(code);
    expect(ticket.status).toBe('DIESKALASI');
    expect(ticket.referrals.map((r) => r.status)).toEqual(['DIBATALKAN']);
    expect(texts(await mitra.drain())).toEqual([
      say('partner.announce.cancelled', { code, unit: 'SLRT Kecamatan Cileunyi' }),
    ]);
    // Nothing changed for the resident: the unit above already had the ticket.
    expect(await resident.drain()).toEqual([]);
    const event = await h.db.prisma.ticketEvent.findFirstOrThrow({
      where: { ticketId: ticket.id, type: 'referral_cancelled' },
    });
    expect([event.actorKind, event.toStatus, event.visibility]).toEqual([
      'koordinator',
      null,
      'internal',
    ]);
  });

  it('refuses in one line when there is nothing to cancel, no reason, or the ticket is out of reach', async () => {
    const { code } = await referredTicket();
    expect(texts(await petugas.send(`/batalrujuk ${code}`))).toEqual([
      expect.stringMatching(usagePattern('staff.usage.batalrujuk')),
    ]);
    const other = await join('cancel-petugas-other', 'petugas', '32.04.06.1001');
    expect(texts(await other.send(`/batalrujuk ${code} salah mitra`))).toEqual([
      say('staff.ticketNotFound', { code }),
    ]);
    // A partner that already reported the outcome leaves no open referral.
    await mitra.send(`/terima ${code}`);
    await mitra.send(`/tuntas ${code} berhasil`);
    await petugas.drain();
    const before = await h.db.prisma.ticketEvent.count({ where: { ticket: { code } } });
    expect(texts(await petugas.send(`/batalrujuk ${code} salah mitra`))).toEqual([
      say('staff.cancelReferral.none', { code }),
    ]);
    expect(await h.db.prisma.ticketEvent.count({ where: { ticket: { code } } })).toBe(before);
    expect((await ticketOf(code)).status).toBe('SELESAI');
  });
});
