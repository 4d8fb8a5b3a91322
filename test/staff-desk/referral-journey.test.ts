/**
 * The whole referral path through the channel layer: a resident, a Puskesos
 * staff member and a partner contact are three Telegram users of the real
 * grammY channel (Bot API emulator over HTTP), behind the real gateway,
 * staff desk, runtime, outbox dispatcher and SQLite database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { startTelegramDesk, type TelegramDesk } from '../channels/telegram/telegram-desk.ts';
import { TelegramUser } from '../channels/telegram/telegram-user.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';

const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t('id', key, params);

describe('a help request worked from chat, end to end on Telegram', () => {
  let desk: TelegramDesk;
  let resident: TelegramUser;
  let staff: TelegramUser;
  let partner: TelegramUser;

  const texts = (messages: { text: string }[]) => messages.map((m) => m.text);
  /** Everything the bot has sent this user so far. */
  const inbox = async (user: TelegramUser) => {
    await desk.drained(user.id);
    return texts(desk.emulator.sentTo(user.id));
  };

  beforeAll(async () => {
    desk = await startTelegramDesk();
    resident = new TelegramUser(desk, 1001);
    staff = new TelegramUser(desk, 2001);
    partner = new TelegramUser(desk, 3001);
  });
  afterAll(() => desk.close());

  it('goes from filing to closing, tells the resident every public step and keeps the audit trail', async () => {
    const invite = (role: 'petugas' | 'mitra') =>
      createInvite(desk.h.db.prisma, testCipher(), {
        role,
        unitCode: role === 'petugas' ? '32.04.05.2001' : '32.04',
        partnerCode: role === 'mitra' ? 'contoh-baznas' : undefined,
        ttlHours: 72,
        now: desk.h.clock.now,
      });

    // Staff and partner join with their one-time invites.
    expect(texts(await staff.say(`/masuk ${(await invite('petugas')).code}`))).toEqual([
      say('staff.join.ok', { role: 'petugas', unit: 'Puskesos Desa Cileunyi Kulon', partner: '' }),
    ]);
    expect(texts(await partner.say(`/masuk ${(await invite('mitra')).code}`))).toEqual([
      say('staff.join.ok', {
        role: 'mitra',
        unit: await unitName('32.04'),
        partner: say('staff.join.partner', { partner: 'BAZNAS Kabupaten Bandung (contoh)' }),
      }),
    ]);

    // Their chats' "/" menus now list what each may do; residents keep the resident menu.
    const menu = (id: number) =>
      desk.emulator.commandsFor({ type: 'chat', chat_id: id })?.map((c) => c.command);
    expect(menu(staff.id)).toEqual(
      expect.arrayContaining(['antrian', 'ambil', 'rujuk', 'selesai']),
    );
    expect(menu(staff.id)).not.toContain('terima');
    expect(menu(partner.id)).toEqual([
      'tiket',
      'tolak',
      'rujukan',
      'terima',
      'tuntas',
      'bahasa',
      'bantuan',
    ]);
    expect(menu(resident.id)).toBeUndefined();

    // The resident files a help request.
    const who = newResident();
    const code = await fileHelpRequest(
      {
        send: async (text) =>
          (await resident.say(text)).map((m) => ({ text: m.text, options: [] })),
      },
      who,
    );

    // The unit's staff chat is told, with Lihat and Ambil buttons.
    const announcement = (await inbox(staff)).at(-1);
    expect(announcement).toMatch(
      new RegExp(`^Tiket baru ${code} · permohonan · Kesehatan · Cileunyi Kulon`),
    );
    expect(texts(await staff.say('/antrian')).join('\n')).toContain(`${code} · BARU · Kesehatan`);
    const claimed = await staff.press(`Ambil: /ambil ${code}`);
    expect(texts(claimed)).toEqual([say('staff.claim.ok', { code })]);
    expect(desk.emulator.answeredCallbacks.length).toBeGreaterThan(0);

    // The resident's KTP photo reaches the staff member's own chat with /tiket.
    const ktp = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const saved = await desk.h.attachments.save(desk.h.db.prisma, {
      bytes: ktp,
      mimeType: 'image/jpeg',
      identityId: null,
    });
    if (!saved.ok) throw new Error('photo not stored');
    await desk.h.db.prisma.attachment.update({
      where: { id: saved.attachmentId },
      data: { ticket: { connect: { code } } },
    });
    const detail = await staff.say(`/tiket ${code}`);
    expect(detail.map((m) => m.file?.kind)).toEqual([undefined, 'photo']);
    expect(detail[1]?.text).toBe(`${code} · foto 1/1`);
    expect(detail[1]?.file?.bytes).toEqual(ktp);

    expect(texts(await staff.say(`/verifikasi ${code}`))).toEqual([
      `${say('staff.verify.ok', { code })} ${say('staff.told.resident')}`,
    ]);
    const choices = texts(await staff.say(`/rujuk ${code}`)).join('\n');
    expect(choices).toContain('contoh-baznas · BAZNAS Kabupaten Bandung (contoh)');
    expect(
      texts(await staff.say(`/rujuk ${code} contoh-baznas mohon dibantu biaya berobat`)),
    ).toEqual([
      `${say('staff.refer.ok', { code, partner: 'BAZNAS Kabupaten Bandung (contoh)' })} ${say('staff.told.resident')}`,
    ]);

    // The partner sees the referral, accepts and completes it.
    expect((await inbox(partner)).at(-1)).toMatch(
      new RegExp(`^Rujukan baru ${code} dari Puskesos Desa Cileunyi Kulon`),
    );
    expect(texts(await partner.say('/rujukan')).join('\n')).toContain(`${code} · TERKIRIM`);
    const partnerView = texts(await partner.say(`/tiket ${code}`)).join('\n');
    expect(partnerView).not.toContain(who.nik);
    expect(texts(await partner.say(`/terima ${code}`))).toEqual([
      `${say('partner.accept.ok', { code })} ${say('staff.told.resident')}`,
    ]);
    expect(texts(await partner.say(`/tuntas ${code} berhasil biaya berobat ditanggung`))).toEqual([
      say('partner.finish.ok', { code, outcome: 'Berhasil: biaya berobat ditanggung' }),
    ]);

    // The unit hears about both, then closes the ticket.
    const staffInbox = await inbox(staff);
    expect(staffInbox).toContain(
      say('staff.announce.referralAccepted', {
        code,
        partner: 'BAZNAS Kabupaten Bandung (contoh)',
      }),
    );
    expect(staffInbox).toContain(
      say('staff.announce.referralDone', {
        code,
        partner: 'BAZNAS Kabupaten Bandung (contoh)',
        outcome: 'Berhasil: biaya berobat ditanggung',
      }),
    );
    expect(texts(await staff.say(`/selesai ${code} bantuan biaya berobat sudah diterima`))).toEqual(
      [say('staff.close.ok', { code })],
    );

    // The resident received every public update and the feedback question.
    const residentInbox = await inbox(resident);
    const unit = 'Puskesos Desa Cileunyi Kulon';
    const partnerName = 'BAZNAS Kabupaten Bandung (contoh)';
    const updates = [
      say('notify.verified', { code, unit }),
      say('notify.referred', { code, partner: partnerName }),
      say('notify.referralAccepted', { code, partner: partnerName }),
      say('notify.completed', { code, summary: 'Berhasil: biaya berobat ditanggung' }),
      say('feedback.askResolved', { ticketCode: code }),
      say('notify.closed', { code }),
    ];
    const positions = updates.map((text) => residentInbox.indexOf(text));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(residentInbox.slice(-8)),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Internal steps (the claim) never reach the resident.
    expect(residentInbox.join('\n')).not.toContain('pegang');

    // The audit trail lists every step with its actor.
    const prisma = desk.h.db.prisma;
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(ticket.status).toBe('DITUTUP');
    const staffId = (
      await prisma.channelIdentity.findFirstOrThrow({ where: { externalId: '2001' } })
    ).staffId;
    const partnerId = (
      await prisma.channelIdentity.findFirstOrThrow({ where: { externalId: '3001' } })
    ).staffId;
    const events = await prisma.ticketEvent.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(
      events.map((e) => [e.type, e.actorKind, e.actorId, e.fromStatus, e.toStatus, e.visibility]),
    ).toEqual([
      ['created', 'warga', ticket.citizenId, null, 'BARU', 'public'],
      ['claimed', 'petugas', staffId, null, null, 'internal'],
      // /tiket in the petugas's own chat showed the NIK, KK and KTP photo in full.
      ['personal_data_viewed', 'petugas', staffId, null, null, 'internal'],
      ['verified', 'petugas', staffId, 'BARU', 'DIVERIFIKASI', 'public'],
      ['referral_sent', 'petugas', staffId, 'DIVERIFIKASI', 'DIRUJUK', 'public'],
      ['referral_accepted', 'mitra', partnerId, 'DIRUJUK', 'DIPROSES', 'public'],
      ['referral_completed', 'mitra', partnerId, 'DIPROSES', 'SELESAI', 'public'],
      ['closed', 'petugas', staffId, 'SELESAI', 'DITUTUP', 'public'],
    ]);
    // A view changes nothing, so it has no before; every change does.
    expect(
      events.every(
        (e) => e.before !== null || e.type === 'created' || e.type === 'personal_data_viewed',
      ),
    ).toBe(true);
  });

  async function unitName(code: string) {
    return (await desk.h.db.prisma.unit.findUniqueOrThrow({ where: { code } })).name;
  }
});
