/**
 * Every command × role × own/other area (staff) or own/other partner (mitra),
 * each row on a fresh ticket in a state where the command would succeed, so
 * a refusal can only come from authorization. A refused row answers with one
 * line and changes nothing; an allowed row does what the command says. The
 * contact of a partner whose partnership ended is refused everything, even
 * for tickets referred to that partner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

type Scope = 'own' | 'other' | 'inactive';
type Who = { role: StaffRole | 'warga'; scope: Scope };

const WHO: Who[] = [
  { role: 'petugas', scope: 'own' },
  { role: 'petugas', scope: 'other' },
  { role: 'koordinator', scope: 'own' },
  { role: 'koordinator', scope: 'other' },
  { role: 'admin', scope: 'own' },
  { role: 'mitra', scope: 'own' },
  { role: 'mitra', scope: 'other' },
  { role: 'mitra', scope: 'inactive' },
  { role: 'warga', scope: 'own' },
];

const STAFF_ONLY = [
  'antrian',
  'ambil',
  'verifikasi',
  'rujuk',
  'batalrujuk',
  'minta',
  'balas',
  'catatan',
  'status',
  'eskalasi',
  'selesai',
] as const;
const PARTNER_ONLY = ['rujukan', 'terima', 'tuntas'] as const;
const BOTH = ['tiket', 'tolak', 'bantuan'] as const;
const COMMANDS = [...STAFF_ONLY, ...PARTNER_ONLY, ...BOTH] as const;
type Command = (typeof COMMANDS)[number];

/** What should happen, decided from the rules alone (not from the code under test). */
function expected(
  who: Who,
  command: Command,
): 'done' | 'notAllowed' | 'notFound' | 'notStaff' | 'partnerInactive' {
  if (who.role === 'warga') return 'notStaff';
  if (who.scope === 'inactive') return 'partnerInactive';
  const isPartner = who.role === 'mitra';
  if (isPartner && (STAFF_ONLY as readonly string[]).includes(command)) return 'notAllowed';
  if (!isPartner && (PARTNER_ONLY as readonly string[]).includes(command)) return 'notAllowed';
  if (command === 'bantuan') return 'done';
  return who.scope === 'own' ? 'done' : 'notFound';
}

interface Scenario {
  /** the ticket's status and its referral to partner A (if any) before the command */
  status: string;
  referral?: 'TERKIRIM' | 'DITERIMA';
  args: (code: string) => string;
  /** the reply that shows the command did its work */
  success: (code: string) => string | RegExp;
  /** the status after, when the command moves the ticket */
  after?: string;
}

function scenario(command: Command, role: Who['role']): Scenario {
  const partner = role === 'mitra';
  switch (command) {
    case 'antrian':
      return { status: 'BARU', args: () => '', success: (code) => new RegExp(code) };
    case 'tiket':
      return partner
        ? {
            status: 'DIRUJUK',
            referral: 'TERKIRIM',
            args: (c) => c,
            success: (c) => new RegExp(`Rujukan ${c}`),
          }
        : { status: 'BARU', args: (c) => c, success: (c) => new RegExp(`^${c} · permohonan`) };
    case 'ambil':
      return { status: 'BARU', args: (c) => c, success: (c) => say('staff.claim.ok', { code: c }) };
    case 'verifikasi':
      return {
        status: 'BARU',
        args: (c) => c,
        success: (c) => told('staff.verify.ok', { code: c }),
        after: 'DIVERIFIKASI',
      };
    case 'rujuk':
      return {
        status: 'DIVERIFIKASI',
        args: (c) => `${c} contoh-baznas mohon dibantu`,
        success: (c) => new RegExp(`^${c} dirujuk ke BAZNAS`),
        after: 'DIRUJUK',
      };
    case 'batalrujuk':
      return {
        status: 'DIRUJUK',
        referral: 'TERKIRIM',
        args: (c) => `${c} mitra tidak bisa dihubungi`,
        success: (c) =>
          say('staff.cancelReferral.ok', { code: c, partner: 'BAZNAS Kabupaten Bandung (contoh)' }),
        after: 'DIVERIFIKASI',
      };
    case 'minta':
      return {
        status: 'DIVERIFIKASI',
        args: (c) => `${c} kirim foto KK`,
        success: (c) => say('staff.request.ok', { code: c }),
        after: 'MENUNGGU_WARGA',
      };
    case 'balas':
      return {
        status: 'DIVERIFIKASI',
        args: (c) => `${c} besok datang ke kantor desa`,
        success: (c) => say('staff.reply.ok', { code: c }),
      };
    case 'catatan':
      return {
        status: 'BARU',
        args: (c) => `${c} sudah survei`,
        success: (c) => say('staff.note.ok', { code: c }),
      };
    case 'status':
      return {
        status: 'DIVERIFIKASI',
        args: (c) => `${c} DIPROSES`,
        success: (c) => told('staff.status.ok', { code: c, from: 'DIVERIFIKASI', to: 'DIPROSES' }),
        after: 'DIPROSES',
      };
    case 'eskalasi':
      return {
        status: 'BARU',
        args: (c) => `${c} butuh anggaran`,
        success: (c) => new RegExp(`^${c} diteruskan ke`),
        after: 'DIESKALASI',
      };
    case 'selesai':
      return {
        status: 'DIPROSES',
        args: (c) => `${c} bantuan diterima`,
        success: (c) => told('staff.complete.ok', { code: c }, 'staff.told.rating'),
        after: 'SELESAI',
      };
    case 'tolak':
      return partner
        ? {
            status: 'DIRUJUK',
            referral: 'TERKIRIM',
            args: (c) => `${c} kuota habis`,
            success: (c) => new RegExp(`^Rujukan ${c} ditolak`),
            after: 'DIVERIFIKASI',
          }
        : {
            status: 'BARU',
            args: (c) => `${c} bukan warga desa ini`,
            success: (c) => told('staff.reject.ok', { code: c }, 'staff.told.reason'),
            after: 'DITOLAK',
          };
    case 'rujukan':
      return {
        status: 'DIRUJUK',
        referral: 'TERKIRIM',
        args: () => '',
        success: (c) => new RegExp(c),
      };
    case 'terima':
      return {
        status: 'DIRUJUK',
        referral: 'TERKIRIM',
        args: (c) => c,
        success: (c) => told('partner.accept.ok', { code: c }),
        after: 'DIPROSES',
      };
    case 'tuntas':
      return {
        status: 'DIPROSES',
        referral: 'DITERIMA',
        args: (c) => `${c} berhasil`,
        success: (c) => new RegExp(`^Rujukan ${c} tuntas`),
        after: 'SELESAI',
      };
    case 'bantuan':
      return { status: 'BARU', args: () => '', success: () => /^Perintah untuk/ };
  }
}

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
/** A command's answer followed by what happened to the resident's update. */
const told = (
  key: Key,
  params: Record<string, string | number>,
  outcome: Key = 'staff.told.resident',
) => `${say(key, params)} ${say(outcome)}`;

describe.each(PROVIDERS)(
  'authorization on %s: command × role × own/other area or partner',
  (provider) => {
    let h: DeskHarness;
    const chats = new Map<string, InProcessChat>();
    let unitA: { id: string; areaCode: string };
    let residentIdentityId: string;
    let partnerA: string;
    /** the partner whose partnership ends once its contact has joined */
    let partnerC: { id: string; name: string };
    let sequence = 0;

    async function join(key: string, role: StaffRole, unitCode: string, partnerCode?: string) {
      const invite = await createInvite(h.db.prisma, testCipher(), {
        role,
        unitCode,
        partnerCode,
        ttlHours: 1,
        now: h.clock.now,
      });
      const chat = h.channel.chat(key);
      const [joined] = await chat.send(`/masuk ${invite.code}`);
      expect(joined?.text).toMatch(/^Selamat bergabung/);
      chats.set(key, chat);
    }

    beforeAll(async () => {
      h = await startDeskHarness(provider);
      const unit = (areaCode: string) =>
        h.db.prisma.unit.findFirstOrThrow({
          where: { areaCode },
          select: { id: true, code: true, areaCode: true },
        });
      const desaA = await unit('32.04.05.2001'); // Cileunyi Kulon, kecamatan Cileunyi
      const desaB = await unit('32.04.06.1001'); // Padasuka, kecamatan Cimenyan
      const kecamatanA = await unit('32.04.05');
      const kecamatanB = await unit('32.04.06');
      const kabupaten = await unit('32.04');
      unitA = desaA;
      await join('petugas-own', 'petugas', desaA.code);
      await join('petugas-other', 'petugas', desaB.code);
      await join('koordinator-own', 'koordinator', kecamatanA.code);
      await join('koordinator-other', 'koordinator', kecamatanB.code);
      await join('admin-own', 'admin', kabupaten.code);
      await join('mitra-own', 'mitra', kabupaten.code, 'contoh-baznas');
      await join('mitra-other', 'mitra', kabupaten.code, 'contoh-csr');
      await join('mitra-inactive', 'mitra', kabupaten.code, 'contoh-puskesmas');
      chats.set('warga-own', h.channel.chat('warga-own'));
      partnerA = (await h.db.prisma.partner.findUniqueOrThrow({ where: { code: 'contoh-baznas' } }))
        .id;
      partnerC = await h.db.prisma.partner.update({
        where: { code: 'contoh-puskesmas' },
        data: { active: false },
        select: { id: true, name: true },
      });
      const resident = h.channel.chat('resident-of-every-ticket');
      await resident.send('halo');
      residentIdentityId = (
        await h.db.prisma.channelIdentity.findFirstOrThrow({
          where: { externalId: 'resident-of-every-ticket' },
        })
      ).id;
      for (const chat of chats.values()) await chat.drain();
    });
    afterAll(() => h.close());

    /** Referred to the actor's own partner where one is involved, so only the rules can refuse. */
    async function ticketIn(s: Scenario, who: Who) {
      sequence += 1;
      const code = `PB-${String(sequence)
        .padStart(6, '0')
        .replace(/[ILOU]/g, '0')}`;
      const ticket = await h.db.prisma.ticket.create({
        data: {
          code,
          kind: 'permohonan',
          unitId: unitA.id,
          serviceCode: 'kesehatan',
          areaCode: unitA.areaCode,
          description: testCipher().encrypt('Butuh bantuan biaya berobat.'),
          status: s.status,
          channel: 'test',
          originIdentityId: residentIdentityId,
          slaDueAt: new Date('2026-12-02T16:59:59Z'),
        },
      });
      if (s.referral) {
        await h.db.prisma.referral.create({
          data: {
            ticketId: ticket.id,
            partnerId: who.scope === 'inactive' ? partnerC.id : partnerA,
            status: s.referral,
          },
        });
      }
      return ticket;
    }

    async function snapshot(ticketId: string) {
      const [ticket, events, referrals] = await Promise.all([
        h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } }),
        h.db.prisma.ticketEvent.count({ where: { ticketId } }),
        h.db.prisma.referral.findMany({ where: { ticketId }, orderBy: { createdAt: 'asc' } }),
      ]);
      return { ticket, events, referrals };
    }

    const rows = COMMANDS.flatMap((command) => WHO.map((who) => ({ command, who })));

    it.each(rows)('/$command by $who.role ($who.scope)', async ({ command, who }) => {
      const s = scenario(command, who.role);
      const ticket = await ticketIn(s, who);
      const before = await snapshot(ticket.id);
      const chat = chats.get(`${who.role}-${who.scope}`) as InProcessChat;
      // Earlier rows announce to these chats; only this command's answer counts here.
      for (const each of chats.values()) await each.drain();
      const replies = await chat.send(`/${command} ${s.args(ticket.code)}`.trim());
      const text = replies.map((r) => r.text).join('\n');
      const outcome = expected(who, command);
      const after = await snapshot(ticket.id);

      if (outcome === 'done') {
        const success = s.success(ticket.code);
        if (typeof success === 'string') expect(text).toBe(success);
        else expect(text).toMatch(success);
        if (s.after) expect(after.ticket.status).toBe(s.after);
        return;
      }
      if (who.role === 'warga' && command === 'bantuan') return;
      expect(replies).toHaveLength(1);
      const roleName = who.role === 'warga' ? '' : say(`staff.role.${who.role}`);
      const refusal = {
        notAllowed: say('staff.notAllowed', { command, role: roleName }),
        notFound:
          who.role === 'mitra'
            ? say('partner.notFound', {
                code: ticket.code,
                partner: 'Program CSR PT Contoh Sejahtera (contoh)',
              })
            : say('staff.ticketNotFound', { code: ticket.code }),
        notStaff: say('staff.notStaff'),
        partnerInactive: say('partner.inactive', { partner: partnerC.name }),
      }[outcome];
      // Listing commands are allowed but must not show what is out of reach.
      if (outcome === 'notFound' && ['antrian', 'rujukan'].includes(command)) {
        expect(text).not.toContain(ticket.code);
      } else {
        expect(text).toBe(refusal);
      }
      expect(after).toEqual(before);
    });

    it('keeps a resident who types /bantuan in their own conversation', async () => {
      const replies = await (chats.get('warga-own') as InProcessChat).send('/bantuan');
      expect(replies.map((r) => r.text).join('\n')).not.toContain('Perintah untuk');
    });
  },
);
