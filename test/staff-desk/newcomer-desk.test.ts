/**
 * The staff desk as a Puskesos worker new to it meets it: /bantuan's examples
 * are codes that work on this desk, answers never claim a resident was told
 * when nobody could be, /tiket's history tells who did what and when
 * (including the resident's own messages and rating), /antrian lines carry
 * Lihat/Ambil, and /rujuk lists only partners offering the ticket's service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { shortStaffId } from '../../src/staff/staff-short-id.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { PROVIDERS } from '../support/test-database.ts';

const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const told = (key: Key, params: Record<string, string | number>, outcome: Key) =>
  `${say(key, params)} ${say(outcome)}`;
const BAZNAS = 'BAZNAS Kabupaten Bandung (contoh)';
const MINUTE = 60_000;

/** A complaint about pungutan liar in Cileunyi Kulon, filed without a name. */
async function fileAnonymousComplaint(chat: InProcessChat): Promise<string> {
  const answers = ['halo', '1', '1', '2', 'pungutan liar', 'Ada pungutan untuk surat keterangan.'];
  for (const answer of [...answers, '3', 'cileunyi', 'Cileunyi Kln', 'selesai']) {
    await chat.send(answer);
  }
  const code = /PG-[0-9A-Z]{6}/.exec(texts(await chat.send('1')).join('\n'))?.[0];
  if (!code) throw new Error('no complaint code');
  return code;
}

/** The example after "Contoh: " of the /bantuan line for `command`. */
function exampleOf(help: string, command: string): string {
  const line = help.split('\n').find((l) => l.startsWith(`/${command} `));
  const example = line?.split('Contoh: ')[1];
  if (!example) throw new Error(`no example for /${command} in:\n${help}`);
  return example;
}

describe.each(PROVIDERS)('the staff desk for a newcomer on %s', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;
  let koordinator: InProcessChat;
  let mitra: InProcessChat;
  let serial = 0;

  const status = async (code: string) =>
    (await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } })).status;

  async function newTicket() {
    serial += 1;
    const resident = h.channel.chat(`newcomer-resident-${serial}`);
    const who = newResident();
    const code = await fileHelpRequest(resident, who);
    for (const chat of [petugas, koordinator, mitra, resident]) await chat.drain();
    return { code, resident, who };
  }

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await joinStaff(h, 'newcomer-petugas', 'petugas', '32.04.05.2001');
    koordinator = await joinStaff(h, 'newcomer-koordinator', 'koordinator', '32.04.05');
    mitra = await joinStaff(h, 'newcomer-mitra', 'mitra', '32.04', 'contoh-baznas');
  });
  afterAll(() => h.close());

  it('shows in /bantuan examples that exist on this desk, and says so when there is no ticket yet', async () => {
    // A desa without any ticket: the code is only a format, and /bantuan says that.
    const quiet = await joinStaff(h, 'newcomer-quiet', 'petugas', '32.04.06.1001');
    const empty = texts(await quiet.send('/bantuan')).join('\n');
    expect(exampleOf(empty, 'tiket')).toBe('/tiket PB-XXXXXX');
    expect(empty).toContain(say('staff.help.noTicket', { code: 'PB-XXXXXX' }));

    const { code } = await newTicket();
    const help = texts(await petugas.send('/bantuan')).join('\n');
    expect(help).not.toContain('PB-7K4M2Q');
    expect(help).not.toContain(say('staff.help.noTicket', { code: 'PB-XXXXXX' }));
    for (const command of ['tiket', 'ambil', 'verifikasi', 'status', 'catatan']) {
      expect(exampleOf(help, command)).toMatch(new RegExp(`^/${command} ${code}\\b`));
    }
    // The partner in /rujuk's example exists and offers this ticket's service (kesehatan).
    const partnerCode = exampleOf(help, 'rujuk').split(' ')[2] ?? '';
    const partner = await h.db.prisma.partner.findUniqueOrThrow({
      where: { code: partnerCode },
      include: { services: true },
    });
    expect(partner.active).toBe(true);
    expect(partner.services.map((s) => s.serviceCode)).toContain('kesehatan');
    // The example works as typed.
    const detail = texts(await petugas.send(exampleOf(help, 'tiket')));
    expect(detail[0]).toMatch(new RegExp(`^${code} · permohonan`));

    // A koordinator's unit and staff examples are real too: a desa below it, its own
    // kecamatan, and a staff member it may revoke.
    const own = texts(await koordinator.send('/bantuan')).join('\n');
    const unitCode = exampleOf(own, 'undang').split(' ')[2] ?? '';
    const unit = await h.db.prisma.unit.findUniqueOrThrow({
      where: { code: unitCode },
      include: { parent: true },
    });
    expect([unit.level, unit.parent?.code]).toEqual(['desa', '32.04.05']);
    expect(exampleOf(own, 'petugas')).toBe('/petugas 32.04.05');
    const revocable = exampleOf(own, 'cabut').split(' ')[1];
    const staff = await h.db.prisma.staff.findMany({ include: { unit: true } });
    const target = staff.find((s) => shortStaffId(s.id) === revocable);
    expect(target?.role).toBe('petugas');
    expect(target?.unit?.code.startsWith('32.04.05.')).toBe(true);

    // A wrong argument shows the same real example.
    expect(texts(await petugas.send('/ambil'))).toEqual([
      say('staff.usage', { usage: say('staff.usage.ambil', { code }) }),
    ]);
  });

  it('never says an anonymous complainant was told: there is nobody to tell', async () => {
    const resident = h.channel.chat('newcomer-anonymous');
    const code = await fileAnonymousComplaint(resident);
    await petugas.drain();
    await resident.drain();
    expect(texts(await petugas.send(`/verifikasi ${code}`))).toEqual([
      told('staff.verify.ok', { code }, 'staff.told.anonymous'),
    ]);
    expect(texts(await petugas.send(`/status ${code} DIPROSES`))).toEqual([
      told(
        'staff.status.ok',
        { code, from: 'DIVERIFIKASI', to: 'DIPROSES' },
        'staff.told.anonymous',
      ),
    ]);
    expect(texts(await petugas.send(`/balas ${code} Mohon datang ke kantor`))).toEqual([
      say('staff.noResident', { code }),
    ]);
    expect(texts(await petugas.send(`/minta ${code} Mohon kirim foto`))).toEqual([
      say('staff.noResident', { code }),
    ]);
    expect(texts(await petugas.send(`/selesai ${code} pungutan dihentikan`))).toEqual([
      told('staff.complete.ok', { code }, 'staff.told.anonymous'),
    ]);
    expect(say('staff.told.anonymous')).toBe(
      'Pengaduan tanpa nama: tidak ada pelapor yang bisa diberi tahu.',
    );
    // The chat that filed it learns nothing: an anonymous complaint keeps no link to it.
    expect(await resident.drain()).toEqual([]);
  });

  it('says the resident could not be told when their chat is gone, and asks them nothing', async () => {
    const { code, resident } = await newTicket();
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: resident.senderId },
    });
    await h.db.prisma.conversation.deleteMany({ where: { identityId: identity.id } });
    expect(texts(await petugas.send(`/verifikasi ${code}`))).toEqual([
      told('staff.verify.ok', { code }, 'staff.told.unreachable'),
    ]);
    expect(texts(await petugas.send(`/minta ${code} Mohon kirim foto KK`))).toEqual([
      say('staff.residentGone', { code }),
    ]);
    expect(texts(await petugas.send(`/balas ${code} Besok ke kantor desa`))).toEqual([
      say('staff.residentGone', { code }),
    ]);
    // Waiting for someone who cannot read the request would stop the ticket for good.
    expect(await status(code)).toBe('DIVERIFIKASI');
  });

  it("tells in /tiket's history who did what and when, with the resident's messages and rating", async () => {
    const { code, resident, who } = await newTicket();
    const named = await joinStaff(h, 'newcomer-budi', 'petugas', '32.04.05.2001');
    const budi = await h.db.prisma.staff.findFirstOrThrow({
      where: { identities: { some: { externalId: 'newcomer-budi' } } },
    });
    // Budi's chat app told his name; the other petugas joined from one that did not.
    await h.db.prisma.staff.update({
      where: { id: budi.id },
      data: { displayName: 'Budi Santoso' },
    });

    await named.send(`/ambil ${code}`);
    h.clock.advance(75 * MINUTE);
    await named.send(`/balas ${code} Besok jam 9 ke kantor desa`);
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send(`Baik pak, NIK saya ${who.nik}`);
    await petugas.send(`/catatan ${code} sudah survei rumah`);
    await named.send(`/verifikasi ${code}`);
    await named.send(`/rujuk ${code} contoh-baznas mohon dibantu`);
    h.clock.advance(30 * MINUTE);
    await mitra.send(`/terima ${code}`);
    await mitra.send(`/tuntas ${code} berhasil biaya ditanggung`);
    await resident.drain();
    await resident.send('sudah');
    await resident.send('4');
    await resident.send('Petugasnya ramah dan cepat');

    await named.drain();
    const [detail] = texts(await named.send(`/tiket ${code}`));
    const history = (detail ?? '').split(`${say('staff.ticket.timeline')}\n`)[1]?.split('\n') ?? [];
    const line = (when: string, actor: string, what: string) => `${when} · ${actor} · ${what}`;
    expect(history).toContain(line('27 Nov 09:00', 'petugas Budi Santoso', '(internal) diambil'));
    expect(history).toContain(
      line('27 Nov 10:15', 'petugas Budi Santoso', 'pesan ke warga Besok jam 9 ke kantor desa'),
    );
    // The resident's own words, NIK masked even in the staff member's own chat.
    expect(history).toContain(
      line(
        '27 Nov 10:15',
        'Warga',
        `pesan: Baik pak, NIK saya ${who.nik.slice(0, 4)}********${who.nik.slice(-4)}`,
      ),
    );
    // Joined without a name: the role alone, never an id fragment.
    expect(history).toContain(
      line('27 Nov 10:15', 'petugas', '(internal) catatan sudah survei rumah'),
    );
    expect(history.find((l) => l.includes('rujukan diterima'))).toMatch(
      new RegExp(`^27 Nov 10:45 · ${BAZNAS.replace(/[()]/g, '\\$&')} · rujukan diterima`),
    );
    expect(history).toContain(
      line('27 Nov 10:45', 'Warga', 'penilaian warga nilai 4/5: Petugasnya ramah dan cepat'),
    );
    expect(history.join('\n')).not.toContain(who.nik);
    // Short lines for a small phone: no weekday, no year of this year.
    expect(history.join('\n')).not.toMatch(/Jumat|2026/);
    expect(Math.max(...history.map((l) => l.length))).toBeLessThan(120);
  });

  it('puts Lihat/Ambil under each /antrian line, and Ambil works from it', async () => {
    const first = await newTicket();
    const second = await newTicket();
    await petugas.send(`/ambil ${second.code}`);
    const [queue] = await petugas.send('/antrian');
    const ids = queue?.options.map((o) => o.id) ?? [];
    expect(ids).toContain(`/tiket ${first.code}`);
    expect(ids).toContain(`/ambil ${first.code}`);
    // The asker holds the second already: only Lihat.
    expect(ids).toContain(`/tiket ${second.code}`);
    expect(ids).not.toContain(`/ambil ${second.code}`);
    expect(queue?.options.find((o) => o.id === `/ambil ${first.code}`)?.label).toBe(
      `${say('staff.announce.claim')}: /ambil ${first.code}`,
    );
    expect(texts(await petugas.send({ optionId: `/ambil ${first.code}` }))).toEqual([
      say('staff.claim.ok', { code: first.code }),
    ]);
  });

  it("lists for /rujuk only active partners offering the ticket's service, and says when none does", async () => {
    const { code } = await newTicket();
    const [choices] = texts(await petugas.send(`/rujuk ${code}`));
    const partnerLines = (choices ?? '').split('\n').filter((l) => l.startsWith('contoh-'));
    expect(partnerLines).toContain(`contoh-baznas · ${BAZNAS}`);
    const offering = await h.db.prisma.partner.findMany({
      where: { active: true, services: { some: { serviceCode: 'kesehatan' } } },
      select: { code: true },
    });
    for (const partnerLine of partnerLines) {
      expect(offering.map((p) => p.code)).toContain(partnerLine.split(' · ')[0]);
    }
    for (const other of ['contoh-csr', 'contoh-disdik', 'contoh-disdukcapil']) {
      expect(choices).not.toContain(other);
    }

    // A complaint is about no service: no list, and the answer says why.
    const complaint = await fileAnonymousComplaint(h.channel.chat('newcomer-complaint'));
    await petugas.drain();
    expect(texts(await petugas.send(`/rujuk ${complaint}`))).toEqual([
      say('staff.refer.noService', { code: complaint, about: 'Pungutan liar' }),
    ]);

    // No active partner offers it any more.
    const codes = offering.map((p) => p.code);
    await h.db.prisma.partner.updateMany({
      where: { code: { in: codes } },
      data: { active: false },
    });
    try {
      expect(texts(await petugas.send(`/rujuk ${code}`))[0]).toMatch(
        /^Belum ada mitra aktif yang menawarkan /,
      );
    } finally {
      await h.db.prisma.partner.updateMany({
        where: { code: { in: codes } },
        data: { active: true },
      });
    }
  });
});
