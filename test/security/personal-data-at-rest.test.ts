/**
 * The promise of UU PDP made concrete: after a resident files a help request
 * with their name, NIK and KK, and a petugas opens it with /tiket in their own
 * chat (where the full NIK is shown), nothing in the raw database, read the
 * way someone with a copy of the files or a dump would read it, contains the
 * NIK, the KK or the name in clear. Nor does it contain what people typed
 * about the case: the description, /balas, /minta, /catatan, a referral note,
 * a partner's and a unit's rejection reason, a feedback comment and a
 * reopening reason, each carrying the name, NIK or KK or a marker phrase,
 * while /tiket still shows them to staff and the resident still gets them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { rawDatabaseText, rawSqliteFiles } from '../support/raw-database.ts';
import { fileHelpRequest, NAME, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const UNIT = 'Puskesos Desa Cileunyi Kulon';

/** Typed free text, each with a phrase that appears nowhere else. */
function typedTexts(who: { nik: string; kk: string }) {
  return {
    description: `Saya ${NAME} KK ${who.kk}, korban kdrt kisahrahasia suami memukul.`,
    reply: `Bu ${NAME}, balasanrahasia besok jam 9 ke kantor desa.`,
    request: `Mohon kirim foto KK ${who.kk} mintarahasia.`,
    note: `catatanrahasia sudah ditelepon, NIK ${who.nik}`,
    referralNote: 'rujukanrahasia mohon dibantu segera',
    partnerReason: 'tolakmitrarahasia bukan wilayah kami',
    rejection: `alasantolakrahasia ${NAME} sudah menerima bantuan serupa`,
    comment: `komentarrahasia terima kasih, ${NAME}`,
    reopenReason: `alasanbukarahasia obat untuk NIK ${who.nik} belum diterima`,
  };
}

/** What a resident shared, as it could appear in raw bytes. */
function secretsOf(
  who: { nik: string; kk: string },
  typed: Record<string, string>,
): Record<string, string> {
  const markers = Object.fromEntries(
    Object.entries(typed).map(([what, text]) => [what, /\b\w+rahasia\b/.exec(text)?.[0] ?? text]),
  );
  return { nik: who.nik, kk: who.kk, name: NAME, ...markers };
}

function findSecrets(text: string, secrets: Record<string, string>): string[] {
  const haystack = text.toLowerCase();
  return Object.entries(secrets)
    .filter(([, value]) => haystack.includes(value.toLowerCase()))
    .map(([what]) => what);
}

const texts = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');

describe.each(PROVIDERS)('personal data at rest on %s', (provider) => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h.close());

  async function join(chat: InProcessChat, role: 'petugas' | 'mitra') {
    const invite = await createInvite(h.db.prisma, testCipher(), {
      role,
      unitCode: role === 'petugas' ? '32.04.05.2001' : '32.04',
      partnerCode: role === 'mitra' ? 'contoh-baznas' : undefined,
      ttlHours: 1,
      now: h.clock.now,
    });
    await chat.send(`/masuk ${invite.code}`);
  }

  /** Files, completes and has the resident answer the feedback question with `answers`. */
  async function finishedAndAnswered(
    petugas: InProcessChat,
    key: string,
    description: string,
    answers: string[],
  ) {
    const resident = h.channel.chat(key);
    const code = await fileHelpRequest(resident, newResident(), description);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/status ${code} DIPROSES`);
    await petugas.send(`/selesai ${code} bantuan sudah diberikan`);
    await resident.drain();
    for (const answer of answers) await resident.send(answer);
    return code;
  }

  it('keeps NIK, KK, name and typed free text out of every table, and still shows them', async () => {
    const petugas = h.channel.chat('pdp-petugas');
    await join(petugas, 'petugas');
    const partner = h.channel.chat('pdp-partner');
    await join(partner, 'mitra');
    const resident = h.channel.chat('pdp-resident');
    const who = newResident();
    const typed = typedTexts(who);
    const code = await fileHelpRequest(resident, who, typed.description);
    await petugas.drain();
    // The test means something only if the reply really quotes them.
    const detail = texts(await petugas.send(`/tiket ${code}`));
    expect(detail).toContain(who.nik);
    expect(detail).toContain(NAME);
    expect(detail).toContain(typed.description);

    // The two-way thread, where residents type their NIK and name as readily as anywhere.
    await petugas.send(`/balas ${code} ${typed.reply}`);
    await petugas.send(`/minta ${code} ${typed.request}`);
    expect(texts(await resident.drain())).toContain(
      t('id', 'notify.waiting', { code, unit: UNIT, message: typed.request }),
    );
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send(`Saya ${NAME}, NIK ${who.nik}, KK ${who.kk}. Kapan bisa ke kantor desa?`);
    await petugas.send(`/catatan ${code} ${typed.note}`);
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/rujuk ${code} contoh-baznas ${typed.referralNote}`);
    expect(texts(await partner.send(`/tiket ${code}`))).toContain(typed.referralNote);
    await partner.send(`/tolak ${code} ${typed.partnerReason}`);
    await petugas.send(`/tolak ${code} ${typed.rejection}`);
    expect(texts(await resident.drain())).toContain(
      t('id', 'notify.rejected', { code, reason: typed.rejection }),
    );

    // Staff read every one of them back, opened, in their own chat.
    const timeline = texts(await petugas.send(`/tiket ${code}`));
    for (const said of [
      typed.description,
      typed.request,
      typed.note,
      typed.referralNote,
      typed.partnerReason,
      typed.rejection,
    ]) {
      expect(timeline).toContain(said);
    }
    // The resident's status check still works on the sealed rows.
    await resident.send('menu');
    await resident.send('3');
    expect(texts(await resident.send(code))).toContain(t('id', 'status.ticket.DITOLAK'));

    // Feedback: a rating with a comment on one ticket, a reopening with a reason on another.
    await finishedAndAnswered(petugas, 'pdp-rater', 'Butuh bantuan biaya berobat.', [
      'sudah',
      '5',
      typed.comment,
    ]);
    const reopened = await finishedAndAnswered(petugas, 'pdp-reopener', 'Butuh obat.', [
      'belum',
      typed.reopenReason,
    ]);
    expect(texts(await petugas.send(`/tiket ${reopened}`))).toContain(typed.reopenReason);
    const feedback = await h.db.prisma.feedback.findMany({ select: { comment: true } });
    expect(feedback.map((f) => testCipher().decrypt(f.comment ?? '')).sort()).toEqual(
      [typed.comment, typed.reopenReason].sort(),
    );

    const secrets = secretsOf(who, typed);
    if (provider === 'postgresql') {
      expect(findSecrets(await rawDatabaseText(h.db), secrets)).toEqual([]);
      return;
    }
    const open = await rawSqliteFiles(h.db);
    expect(open.map((f) => f.name)).toContain('slrt.db-wal');
    for (const file of open) {
      expect({
        file: file.name,
        found: findSecrets(file.bytes.toString('latin1'), secrets),
      }).toEqual({ file: file.name, found: [] });
    }
    await h.db.prisma.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    await h.db.close();
    for (const file of await rawSqliteFiles(h.db)) {
      expect({
        file: file.name,
        found: findSecrets(file.bytes.toString('latin1'), secrets),
      }).toEqual({ file: file.name, found: [] });
    }
  });
});
