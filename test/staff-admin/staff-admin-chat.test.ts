/**
 * Staff administration from chat: /undang by an admin and a koordinator (in
 * and out of their reach, bad input, refused in a group) with the invite
 * redeemed by /masuk; /petugas listing only what the asker manages, names
 * masked; /cabut and what a revoked person meets afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { type Key, type Params, t } from '../../src/i18n/translate.ts';
import { shortStaffId } from '../../src/staff/staff-short-id.ts';
import { usagePattern } from '../staff-desk/usage-pattern.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { PROVIDERS } from '../support/test-database.ts';

const INVITE_CODE = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/;
const say = (key: Key, params?: Params) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe.each(PROVIDERS)('staff administration from chat on %s', (provider) => {
  let h: DeskHarness;
  let admin: InProcessChat;
  let koorCileunyi: InProcessChat;
  let koorKab: InProcessChat;
  let petugasKulon: InProcessChat;
  let petugasCimenyan: InProcessChat;

  async function staffOf(chat: InProcessChat) {
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: chat.senderId },
      include: { staff: true },
    });
    if (!identity.staff) throw new Error(`${chat.senderId} has no staff record`);
    return identity.staff;
  }
  const idOf = async (chat: InProcessChat) => shortStaffId((await staffOf(chat)).id);
  const inviteCount = () => h.db.prisma.invite.count();

  /** Sends /undang and returns the code of the invite it answered with. */
  async function invite(from: InProcessChat, args: string): Promise<string> {
    const [reply] = texts(await from.send(`/undang ${args}`));
    const code = reply?.match(INVITE_CODE)?.[0];
    if (!code) throw new Error(`no invite code in: ${reply}`);
    return code;
  }

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    admin = await joinStaff(h, 'admin-1', 'admin', '32.04');
    koorKab = await joinStaff(h, 'koor-kab', 'koordinator', '32.04');
    koorCileunyi = await joinStaff(h, 'koor-cileunyi', 'koordinator', '32.04.05');
    // Chat keys that look like phone numbers: no list may ever show them.
    petugasKulon = await joinStaff(h, '6281200000001', 'petugas', '32.04.05.2001');
    petugasCimenyan = await joinStaff(h, '6281200000002', 'petugas', '32.04.06.2003');
    await h.db.prisma.staff.update({
      where: { id: (await staffOf(petugasKulon)).id },
      data: { displayName: 'Siti Aminah' },
    });
    await h.db.prisma.staff.update({
      where: { id: (await staffOf(petugasCimenyan)).id },
      data: { displayName: 'Budi Santoso' },
    });
  });
  afterAll(() => h.close());

  describe('/undang', () => {
    it('gives an admin a code for any unit that /masuk redeems, valid for INVITE_TTL_HOURS', async () => {
      const replies = texts(await admin.send('/undang koordinator 32.04.06'));
      expect(replies).toHaveLength(1);
      const code = replies[0]?.match(INVITE_CODE)?.[0] ?? '';
      expect(replies[0]).toBe(
        say('staffAdmin.invite.ok', {
          role: 'koordinator',
          unit: 'SLRT Kecamatan Cimenyan',
          partner: '',
          code,
          // 27 November 2026 09:00 WIB + 72 hours
          expires: 'Senin, 30 November 2026 pukul 09:00 WIB',
        }),
      );
      const stored = await h.db.prisma.invite.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
      expect(stored.createdById).toBe((await staffOf(admin)).id);

      const newcomer = h.channel.chat('koor-cimenyan');
      expect(texts(await newcomer.send(`/masuk ${code}`))).toEqual([
        say('staff.join.ok', { role: 'koordinator', unit: 'SLRT Kecamatan Cimenyan', partner: '' }),
      ]);
      expect((await staffOf(newcomer)).role).toBe('koordinator');
    });

    it('lets a koordinator invite petugas and partner contacts in their subtree', async () => {
      const petugasCode = await invite(koorCileunyi, 'petugas 32.04.05.2002');
      const wetan = h.channel.chat('petugas-wetan');
      expect(texts(await wetan.send(`/masuk ${petugasCode}`))).toEqual([
        say('staff.join.ok', {
          role: 'petugas',
          unit: 'Puskesos Desa Cileunyi Wetan',
          partner: '',
        }),
      ]);

      const mitraReply = texts(await koorCileunyi.send('/undang mitra 32.04.05 contoh-baznas'));
      expect(mitraReply[0]).toContain('(mitra BAZNAS Kabupaten Bandung (contoh))');
      const contact = h.channel.chat('baznas-cileunyi');
      await contact.send(`/masuk ${mitraReply[0]?.match(INVITE_CODE)?.[0]}`);
      expect((await staffOf(contact)).role).toBe('mitra');
    });

    it('lets a kabupaten koordinator invite a kecamatan koordinator, never a peer or an admin', async () => {
      await invite(koorKab, 'koordinator 32.04.05');
      const before = await inviteCount();
      expect(texts(await koorKab.send('/undang admin 32.04'))).toEqual([
        say('staffAdmin.roleNotYours', {
          unit: 'SLRT Kabupaten Bandung',
          role: 'admin',
          target: 'SLRT Kabupaten Bandung',
        }),
      ]);
      expect(texts(await koorKab.send('/undang koordinator 32.04'))).toHaveLength(1);
      expect(texts(await koorCileunyi.send('/undang koordinator 32.04.05'))).toEqual([
        say('staffAdmin.roleNotYours', {
          unit: 'SLRT Kecamatan Cileunyi',
          role: 'koordinator',
          target: 'SLRT Kecamatan Cileunyi',
        }),
      ]);
      expect(await inviteCount()).toBe(before);
    });

    it('refuses a koordinator a unit outside their subtree', async () => {
      const before = await inviteCount();
      expect(texts(await koorCileunyi.send('/undang petugas 32.04.06.2003'))).toEqual([
        say('staffAdmin.outOfScope', {
          unit: 'Puskesos Desa Cimenyan',
          own: 'SLRT Kecamatan Cileunyi',
        }),
      ]);
      expect(texts(await koorCileunyi.send('/undang admin 32.04'))).toEqual([
        say('staffAdmin.outOfScope', {
          unit: 'SLRT Kabupaten Bandung',
          own: 'SLRT Kecamatan Cileunyi',
        }),
      ]);
      expect(await inviteCount()).toBe(before);
    });

    it('answers bad input with one line and creates nothing', async () => {
      const before = await inviteCount();
      const cases: [string, string][] = [
        [
          'raja 32.04.05.2001',
          say('staffAdmin.badRole', { role: 'raja', roles: 'petugas, koordinator, mitra, admin' }),
        ],
        ['petugas 32.04.99.9999', say('staffAdmin.unknownUnit', { unit: '32.04.99.9999' })],
        ['petugas cileunyi', say('staffAdmin.unknownUnit', { unit: 'cileunyi' })],
        [
          'petugas 32.04.05',
          say('staffAdmin.wrongLevel', {
            role: 'petugas',
            levels: 'desa/kelurahan',
            unit: 'SLRT Kecamatan Cileunyi',
            level: 'kecamatan',
          }),
        ],
        ['mitra 32.04.05', say('staffAdmin.partnerMissing')],
        ['mitra 32.04.05 tidak-ada', say('staffAdmin.unknownPartner', { partner: 'tidak-ada' })],
        [
          'petugas 32.04.05.2001 contoh-baznas',
          say('staffAdmin.partnerNotForRole', { role: 'petugas' }),
        ],
        ['', expect.stringMatching(usagePattern('staff.usage.undang'))],
        ['petugas', expect.stringMatching(usagePattern('staff.usage.undang'))],
      ];
      for (const [args, answer] of cases) {
        expect(texts(await admin.send(`/undang ${args}`.trim())), args).toEqual([answer]);
      }
      expect(await inviteCount()).toBe(before);
    });

    it('never shows a code in a group or on a shared screen, and is not for petugas', async () => {
      const before = await inviteCount();
      const room = h.channel.groupChat('room-kabupaten', 'admin-1');
      expect(texts(await room.send('/undang petugas 32.04.05.2001'))).toEqual([
        say('staffAdmin.privateOnly'),
      ]);
      // The simulator's staff phone is a screen anyone at the page reads.
      const shared = { text: '/undang petugas 32.04.05.2001', sharedScreen: true };
      expect(texts(await admin.send(shared))).toEqual([say('staffAdmin.privateOnly')]);
      expect(texts(await petugasKulon.send('/undang petugas 32.04.05.2001'))).toEqual([
        say('staff.notAllowed', { command: 'undang', role: 'petugas' }),
      ]);
      expect(await inviteCount()).toBe(before);
    });
  });

  describe('/petugas', () => {
    it("shows a koordinator their subtree's staff, names masked, no phone numbers", async () => {
      const [list = ''] = texts(await koorCileunyi.send('/petugas'));
      expect(list).toContain(
        `${await idOf(petugasKulon)} · petugas · Puskesos Desa Cileunyi Kulon · S*** A***** · aktif, terakhir Jumat, 27 November 2026`,
      );
      expect(list).toContain(`${await idOf(koorCileunyi)} · koordinator · SLRT Kecamatan Cileunyi`);
      expect(list).not.toContain(await idOf(petugasCimenyan));
      expect(list).not.toContain(await idOf(admin));
      expect(list).not.toContain(await idOf(koorKab));
      expect(list).not.toMatch(/Siti|Aminah|6281200000001/);
    });

    it('shows an admin everyone, filtered by a unit and what lies below it', async () => {
      const [all = ''] = texts(await admin.send('/petugas'));
      for (const chat of [admin, koorKab, koorCileunyi, petugasKulon, petugasCimenyan]) {
        expect(all).toContain(await idOf(chat));
      }
      expect(all).not.toMatch(/Budi|Santoso|62812/);

      const [cimenyan = ''] = texts(await admin.send('/petugas 32.04.06'));
      expect(cimenyan).toContain(
        say('staffAdmin.list.filter', { unit: 'SLRT Kecamatan Cimenyan' }),
      );
      expect(cimenyan).toContain(
        `${await idOf(petugasCimenyan)} · petugas · Puskesos Desa Cimenyan · B*** S******`,
      );
      expect(cimenyan).not.toContain(await idOf(petugasKulon));
    });

    it('refuses a unit outside a koordinator subtree and is not for petugas', async () => {
      expect(texts(await koorCileunyi.send('/petugas 32.04.06'))).toEqual([
        say('staffAdmin.outOfScope', {
          unit: 'SLRT Kecamatan Cimenyan',
          own: 'SLRT Kecamatan Cileunyi',
        }),
      ]);
      expect(texts(await petugasKulon.send('/petugas'))).toEqual([
        say('staff.notAllowed', { command: 'petugas', role: 'petugas' }),
      ]);
    });
  });

  describe('/cabut', () => {
    it('refuses outside the subtree, an admin, a peer and oneself, changing nothing', async () => {
      const cases: [InProcessChat, InProcessChat, string][] = [
        [koorCileunyi, petugasCimenyan, 'notFound'],
        [koorCileunyi, koorKab, 'notFound'],
        [koorCileunyi, koorCileunyi, 'self'],
        [koorKab, admin, 'notYours'],
        [admin, admin, 'self'],
      ];
      for (const [from, target, outcome] of cases) {
        const id = await idOf(target);
        const [answer] = texts(await from.send(`/cabut ${id} coba`));
        if (outcome === 'notFound') expect(answer).toBe(say('staffAdmin.notFound', { id }));
        if (outcome === 'self') expect(answer).toBe(say('staffAdmin.revoke.self'));
        if (outcome === 'notYours') {
          expect(answer).toBe(
            say('staffAdmin.revoke.notYours', {
              id,
              role: 'admin',
              unit: 'SLRT Kabupaten Bandung',
            }),
          );
        }
        expect((await staffOf(target)).active).toBe(true);
      }
      expect(texts(await koorCileunyi.send('/cabut zzzzzz pindah'))).toEqual([
        say('staffAdmin.notFound', { id: 'zzzzzz' }),
      ]);
      expect(texts(await koorCileunyi.send(`/cabut ${await idOf(petugasKulon)}`))).toEqual([
        expect.stringMatching(usagePattern('staff.usage.cabut')),
      ]);
    });

    it('revokes a petugas: told once, refused afterwards with one line, no more announcements', async () => {
      const colleague = await joinStaff(h, 'petugas-kulon-2', 'petugas', '32.04.05.2001');
      const resident = h.channel.chat('warga-1');
      const held = await fileHelpRequest(resident);
      await petugasKulon.drain();
      await colleague.drain();
      await petugasKulon.send(`/ambil ${held}`);

      const target = await staffOf(petugasKulon);
      const id = shortStaffId(target.id);
      expect(texts(await koorCileunyi.send(`/cabut ${id} pindah tugas ke kecamatan lain`))).toEqual(
        [
          say('staffAdmin.revoke.ok', {
            id,
            role: 'petugas',
            unit: 'Puskesos Desa Cileunyi Kulon',
            held: say('staffAdmin.revoke.held', { count: 1 }),
            invites: '',
          }),
        ],
      );
      expect(texts(await petugasKulon.drain())).toEqual([
        say('staffAdmin.revoke.notice', {
          role: 'petugas',
          unit: 'Puskesos Desa Cileunyi Kulon',
          by: 'koordinator SLRT Kecamatan Cileunyi',
          reason: say('staffAdmin.revoke.reason', { reason: 'pindah tugas ke kecamatan lain' }),
        }),
      ]);
      const after = await h.db.prisma.staff.findUniqueOrThrow({ where: { id: target.id } });
      expect(after).toMatchObject({
        active: false,
        revokedAt: h.clock.now,
        revokedById: (await staffOf(koorCileunyi)).id,
      });
      expect(await h.db.prisma.staffChat.count({ where: { staffId: target.id } })).toBe(0);

      // Their next commands: one line each, nothing changes.
      const fresh = await fileHelpRequest(h.channel.chat('warga-2'));
      for (const command of ['/antrian', `/ambil ${fresh}`, `/tiket ${fresh}`, '/bantuan']) {
        expect(texts(await petugasKulon.send(command)), command).toEqual([
          say('staffAdmin.revoked'),
        ]);
      }
      const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code: fresh } });
      expect(ticket.assigneeId).toBeNull();
      // The new ticket was announced to the colleague, not to them.
      expect(texts(await colleague.drain()).join('\n')).toContain(`Tiket baru ${fresh}`);
      expect(await petugasKulon.drain()).toEqual([]);

      expect(texts(await koorCileunyi.send(`/cabut ${id} lagi`))).toEqual([
        say('staffAdmin.revoke.already', {
          id,
          role: 'petugas',
          unit: 'Puskesos Desa Cileunyi Kulon',
        }),
      ]);
      expect(texts(await koorCileunyi.send('/petugas 32.04.05.2001')).join('\n')).toContain(
        `${id} · petugas · Puskesos Desa Cileunyi Kulon · S*** A***** · dicabut Jumat, 27 November 2026`,
      );
    });

    it('lets a revoked person back in only with a fresh invite', async () => {
      const oldCode = await invite(koorCileunyi, 'petugas 32.04.05.2004');
      const cinunuk = h.channel.chat('petugas-cinunuk');
      await cinunuk.send(`/masuk ${oldCode}`);
      await koorCileunyi.send(`/cabut ${await idOf(cinunuk)} berhenti`);
      await cinunuk.drain();

      expect(texts(await cinunuk.send(`/masuk ${oldCode}`))).toEqual([say('staff.join.invalid')]);
      expect(texts(await cinunuk.send('/antrian'))).toEqual([say('staffAdmin.revoked')]);

      const freshCode = await invite(koorCileunyi, 'petugas 32.04.05.2004');
      expect(texts(await cinunuk.send(`/masuk ${freshCode}`))).toEqual([
        say('staff.join.ok', { role: 'petugas', unit: 'Puskesos Desa Cinunuk', partner: '' }),
      ]);
      expect(texts(await cinunuk.send('/antrian'))).not.toEqual([say('staffAdmin.revoked')]);
    });

    it('voids the unused invites a revoked koordinator made, so they cannot let themselves back in', async () => {
      const koorB = h.channel.chat('koor-cileunyi-b');
      await koorB.send(`/masuk ${await invite(koorKab, 'koordinator 32.04.05')}`);
      const kept = await invite(koorB, 'petugas 32.04.05.2005');

      const id = await idOf(koorB);
      expect(texts(await koorKab.send(`/cabut ${id} mutasi`))).toEqual([
        say('staffAdmin.revoke.ok', {
          id,
          role: 'koordinator',
          unit: 'SLRT Kecamatan Cileunyi',
          held: '',
          invites: say('staffAdmin.revoke.invites', { count: 1 }),
        }),
      ]);
      await koorB.drain();
      expect(texts(await koorB.send(`/masuk ${kept}`))).toEqual([say('staff.join.invalid')]);
      expect(texts(await h.channel.chat('someone-else').send(`/masuk ${kept}`))).toEqual([
        say('staff.join.invalid'),
      ]);
    });
  });
});
