import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskNik } from '../../src/core/nik.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Key, t } from '../../src/i18n/translate.ts';
import { openOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import { openText } from '../../src/security/sealed-text.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';
import type { TestProvider } from '../support/test-database.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
type Replies = { text: string; options: { id: string; label: string }[] }[];
const texts = (replies: Replies) => replies.map((r) => r.text);
const say = (key: Key, vars?: Record<string, string | number>) => t('id', key, vars);

const NEED = 'Ibu saya sakit paru-paru, butuh bantuan biaya berobat ke RSUD.';
const NAME = 'Siti Aminah';
const UNIT = 'Puskesos Desa Cileunyi Kulon';
const CODE = /PB-[0-9A-HJKMNP-TV-Z]{6}/;
/** Friday 27 November 2026 09:00 WIB + 3 working days (kesehatan), end of that day. */
const KESEHATAN_DUE = new Date('2026-12-02T23:59:59.999+07:00');

let serial = 0;
/** A fresh, valid NIK and KK for each resident, so the duplicate rule bites only where meant. */
function person() {
  serial += 1;
  const tail = String(serial).padStart(4, '0');
  return { nik: `320405451290${tail}`, kk: `320405123456${tail}` };
}

async function atMenu(h: DeskHarness, key: string): Promise<Chat> {
  const chat = h.channel.chat(key);
  await chat.send('halo');
  await chat.send('1');
  const menu = await chat.send('1');
  expect(texts(menu)).toEqual([say('menu.choose')]);
  return chat;
}

/** Menu → help request → kesehatan → need → name: the NIK question follows. */
async function toNik(chat: Chat) {
  expect(texts(await chat.send('1'))).toEqual([say('helpRequest.category.ask')]);
  expect(texts(await chat.send('kesehatan'))).toEqual([
    say('helpRequest.need.ask', { categoryName: 'Kesehatan' }),
  ]);
  expect(texts(await chat.send(NEED))).toEqual([say('helpRequest.name.ask')]);
  expect(texts(await chat.send(NAME))).toEqual([say('helpRequest.nik.ask')]);
}

/** Kecamatan and desa typed by name: the documents checklist follows. */
async function toDocuments(chat: Chat) {
  expect(texts(await chat.send('cileunyi'))).toEqual([
    say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' }),
  ]);
  const documents = await chat.send('cileunyi kulon');
  expect(documents.at(-1)?.text).toContain('SKTM dari desa/kelurahan (sering diminta mitra)');
  return documents;
}

/** A whole request up to the summary, without photos. */
async function toSummary(h: DeskHarness, key: string, who = person()) {
  const chat = await atMenu(h, key);
  await toNik(chat);
  expect(texts(await chat.send(who.nik))).toEqual([say('helpRequest.kk.ask')]);
  expect(texts(await chat.send(who.kk))).toEqual([say('helpRequest.kecamatan.ask')]);
  await toDocuments(chat);
  const summary = await chat.send('selesai');
  return { chat, who, summary };
}

function summaryVars(who: { nik: string; kk: string }, photoCount = 0) {
  return {
    categoryName: 'Kesehatan',
    needShort: NEED,
    name: NAME,
    nikLabel: maskNik(who.nik),
    kkLabel: maskNik(who.kk),
    kecamatanName: 'Cileunyi',
    desaName: 'Cileunyi Kulon',
    photoCount,
  };
}

async function ticketOf(h: DeskHarness, replies: Replies) {
  const code = CODE.exec(texts(replies).join('\n'))?.[0];
  expect(code).toBeDefined();
  return h.db.prisma.ticket.findUniqueOrThrow({
    where: { code: code as string },
    include: { events: true, attachments: true, unit: true },
  });
}

function happyPath(provider: TestProvider) {
  describe(`help request, on ${provider}`, () => {
    let h: DeskHarness;
    beforeAll(async () => {
      h = await startDeskHarness(provider);
    });
    afterAll(() => h.close());

    it('files a PB- ticket at the desa Puskesos with the SLA date in words', async () => {
      const { chat, who, summary } = await toSummary(h, `happy-${provider}`);
      expect(texts(summary)).toEqual([say('helpRequest.summary', summaryVars(who))]);
      expect(summary[0]?.options.map((o) => o.id)).toEqual(['send', 'edit', 'cancel']);
      expect(JSON.stringify(summary)).not.toContain(who.nik);

      const done = await chat.send('Ya, kirim');
      const ticket = await ticketOf(h, done);
      const dueDate = formatLongDate('id', KESEHATAN_DUE);
      expect(dueDate).toBe('Rabu, 2 Desember 2026');
      expect(texts(done)).toEqual([
        say('helpRequest.created', { code: ticket.code, unitName: UNIT, dueDate }),
        say('menu.choose'),
      ]);
      expect({ ...ticket, description: openText(testCipher(), ticket.description) }).toMatchObject({
        kind: 'permohonan',
        status: 'BARU',
        serviceCode: 'kesehatan',
        description: NEED,
        identityMode: 'named',
        needsVerification: false,
        latitude: null,
      });
      expect(ticket.unit).toMatchObject({ code: '32.04.05.2001', name: UNIT });
      expect(ticket.slaDueAt?.toISOString()).toBe(KESEHATAN_DUE.toISOString());
      expect(ticket.events.map((e) => [e.type, e.visibility])).toEqual([['created', 'public']]);

      const citizen = await h.db.prisma.citizen.findUniqueOrThrow({
        where: { id: ticket.citizenId as string },
      });
      expect(citizen.nameEnc).toBeTruthy();
      expect(citizen.nikEnc).toBeTruthy();
      const conversation = await h.db.prisma.conversation.findFirstOrThrow({
        where: { chatKey: chat.chatKey },
      });
      const stored = JSON.stringify([citizen, ticket, conversation]);
      for (const secret of [who.nik, who.kk, NAME]) expect(stored).not.toContain(secret);

      const outbox = await h.db.prisma.outbox.findMany({ where: { chatKey: chat.chatKey } });
      expect(
        outbox.some((row) =>
          openOutboxPayload(testCipher(), row.payload).text.includes(ticket.code),
        ),
      ).toBe(true);
    });
  });
}

happyPath('sqlite');
happyPath('postgresql');

describe('help request', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  describe('options', () => {
    it('shows every option with its number, and takes the number or the label copied with it', async () => {
      const chat = await atMenu(h, 'numbers-1');
      const categories = await chat.send('1');
      const labels = categories[0]?.options.map((o) => o.label) ?? [];
      expect(labels[0]).toBe('1. Kesehatan');
      expect(labels.every((label, index) => label.startsWith(`${index + 1}. `))).toBe(true);
      // each number once: "1. 1. Kesehatan" would mean a renderer numbered again
      expect(labels.some((label) => /^\d+\. \d+\./.test(label))).toBe(false);
      expect(texts(await chat.send('1'))).toEqual([
        say('helpRequest.need.ask', { categoryName: 'Kesehatan' }),
      ]);

      const { chat: filing, who, summary } = await toSummary(h, 'numbers-2');
      expect(summary[0]?.options.map((o) => o.label)).toEqual([
        '1. Ya, kirim',
        '2. Ubah',
        '3. Batalkan',
      ]);
      expect(texts(await filing.send('2. Ubah'))).toEqual([say('helpRequest.edit.ask')]);
      expect(texts(await filing.send('kembali'))).toEqual([
        say('helpRequest.summary', summaryVars(who)),
      ]);
    });
  });

  describe('need', () => {
    it('explains a sticker and a 5,000-character story, then asks again', async () => {
      const chat = await atMenu(h, 'need-1');
      await chat.send('1');
      await chat.send('kesehatan');
      const prompt = say('helpRequest.need.ask', { categoryName: 'Kesehatan' });
      expect(texts(await chat.send({ kind: 'unsupported' }))).toEqual([
        say('input.unsupported'),
        prompt,
      ]);
      expect(texts(await chat.send('a'.repeat(5000)))).toEqual([
        say('input.tooLong', { max: 1000 }),
        prompt,
      ]);
    });

    it('steps back with "kembali", and says so on the first step', async () => {
      const chat = await atMenu(h, 'back-1');
      await toNik(chat);
      expect(texts(await chat.send('kembali'))).toEqual([say('helpRequest.name.ask')]);
      expect(texts(await chat.send('kembali'))).toEqual([
        say('helpRequest.need.ask', { categoryName: 'Kesehatan' }),
      ]);
      expect(texts(await chat.send('kembali'))).toEqual([say('helpRequest.category.ask')]);
      expect(texts(await chat.send('kembali'))).toEqual([
        say('runtime.backUnavailable'),
        say('helpRequest.category.ask'),
      ]);
    });
  });

  describe('identity', () => {
    it.each([
      ['15 digits', '320405451290001', say('nik.length.short', { count: 15, missing: 1 })],
      ['17 digits', '32040545129000011', say('nik.length.long', { count: 17, extra: 1 })],
      ['letters', 'saya lupa', say('nik.letters')],
    ])('asks again with the reason when the NIK has %s', async (_case, typed, reason) => {
      const chat = await atMenu(h, `nik-${typed}`);
      await toNik(chat);
      expect(texts(await chat.send(typed))).toEqual([reason, say('helpRequest.nik.ask')]);
    });

    it('offers to go on without a NIK after three wrong ones and flags the ticket', async () => {
      const chat = await atMenu(h, 'nik-stuck');
      const who = person();
      await toNik(chat);
      await chat.send('12345');
      await chat.send('320405451290001');
      const third = await chat.send('abc');
      expect(texts(third)).toEqual([say('nik.letters'), say('helpRequest.nik.stuck')]);
      expect(third[1]?.options.map((o) => o.id)).toEqual(['retry', 'skip']);
      expect(texts(await chat.send('2'))).toEqual([say('helpRequest.kk.ask')]);
      await chat.send(who.kk);
      await toDocuments(chat);
      const summary = await chat.send('selesai');
      expect(texts(summary)).toEqual([
        say('helpRequest.summary.unverified', { ...summaryVars(who), nikLabel: '-' }),
      ]);
      const done = await chat.send('1');
      const ticket = await ticketOf(h, done);
      expect(texts(done)).toEqual([
        say('helpRequest.created', {
          code: ticket.code,
          unitName: UNIT,
          dueDate: formatLongDate('id', KESEHATAN_DUE),
        }),
        say('helpRequest.created.verify', { unitName: UNIT }),
        say('menu.choose'),
      ]);
      expect(ticket.needsVerification).toBe(true);
    });

    it('refuses the NIK typed again as the KK, then takes a different KK', async () => {
      const chat = await atMenu(h, 'kk-same');
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      expect(texts(await chat.send(who.nik))).toEqual([
        say('helpRequest.kk.sameAsNik'),
        say('helpRequest.kk.ask'),
      ]);
      // spaces do not hide it: the number is the same once read
      const spaced = who.nik.replace(/(\d{4})(?=\d)/g, '$1 ');
      expect(texts(await chat.send(spaced))).toEqual([
        say('helpRequest.kk.sameAsNik'),
        say('helpRequest.kk.ask'),
      ]);
      expect(texts(await chat.send(who.kk))).toEqual([say('helpRequest.kecamatan.ask')]);
      await toDocuments(chat);
      const summary = await chat.send('selesai');
      expect(texts(summary)).toEqual([say('helpRequest.summary', summaryVars(who))]);
    });

    it('refuses a NIK changed from the summary to the KK number', async () => {
      // A KK that would pass as a NIK too, so only the sameness refuses it.
      const { chat, who } = await toSummary(h, 'nik-same', { nik: person().nik, kk: person().nik });
      await chat.send('Ubah');
      expect(texts(await chat.send('NIK'))).toEqual([say('helpRequest.nik.ask')]);
      expect(texts(await chat.send(who.kk))).toEqual([
        say('helpRequest.nik.sameAsKk'),
        say('helpRequest.nik.ask'),
      ]);
      expect(texts(await chat.send(who.nik))).toEqual([
        say('helpRequest.summary', summaryVars(who)),
      ]);
    });

    it('takes a right KK typed straight after the third wrong one', async () => {
      const chat = await atMenu(h, 'kk-stuck');
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      await chat.send('1234');
      await chat.send('1234');
      expect(texts(await chat.send('1234'))).toEqual([
        say('kk.length.short', { count: 4, missing: 12 }),
        say('helpRequest.kk.stuck'),
      ]);
      expect(texts(await chat.send(who.kk))).toEqual([say('helpRequest.kecamatan.ask')]);
    });
  });

  describe('domicile', () => {
    it('reads "Cileunyi Kln" as well as "cileunyi kulon", and refuses a number out of range', async () => {
      const chat = await atMenu(h, 'desa-1');
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      await chat.send(who.kk);
      await toDocuments(chat);
      const desaPrompt = say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' });
      expect(texts(await chat.send('kembali'))).toEqual([desaPrompt]);
      const max = h.ref.desaOf('32.04.05').length;
      expect(texts(await chat.send('99'))).toEqual([
        say('input.outOfRange', { number: 99, max }),
        desaPrompt,
      ]);
      const documents = await chat.send('Cileunyi Kln');
      expect(documents.at(-1)?.text).toContain('Kartu Keluarga (KK)');
      await chat.send('selesai');
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket.unit.code).toBe('32.04.05.2001');
    });

    /** A resident at the kecamatan question, asked by name. */
    async function atKecamatan(key: string) {
      const chat = await atMenu(h, key);
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      const asked = await chat.send(who.kk);
      expect(texts(asked)).toEqual([say('helpRequest.kecamatan.ask')]);
      return { chat, asked };
    }
    const labels = (replies: Replies) => replies.at(-1)?.options.map((o) => o.label);

    it('asks the kecamatan by name, with one button for the list instead of 31', async () => {
      expect(h.ref.kecamatan.length).toBe(31);
      const { asked } = await atKecamatan('kecamatan-ask');
      expect(labels(asked)).toEqual([`1. ${say('common.showList')}`]);
    });

    it.each([
      ['cilenyi', 'Cileunyi'],
      ['Cileunyi', 'Cileunyi'],
      ['bale endah', 'Baleendah'],
      ['kec. baleendah', 'Baleendah'],
      ['SOREANG', 'Soreang'],
    ])('goes straight to the desa when "%s" fits one kecamatan', async (typed, kecamatan) => {
      const { chat } = await atKecamatan(`kecamatan-${typed}`);
      expect(texts(await chat.send(typed))).toEqual([
        say('helpRequest.desa.ask', { kecamatanChoice: kecamatan }),
      ]);
    });

    it('lists the kecamatan a name fits when it fits several, and takes the number', async () => {
      const { chat } = await atKecamatan('kecamatan-several');
      const several = await chat.send('cile');
      expect(texts(several)).toEqual([say('place.kecamatan.matches', { areaQuery: 'cile' })]);
      expect(labels(several)).toEqual([
        '1. Cilengkrang',
        '2. Cileunyi',
        `3. ${say('common.showList')}`,
      ]);
      expect(texts(await chat.send('2'))).toEqual([
        say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' }),
      ]);
    });

    it('says so when a name fits no kecamatan and pages the whole list, 8 at a time', async () => {
      const { chat } = await atKecamatan('kecamatan-none');
      const none = await chat.send('Kota Baru');
      expect(texts(none)).toEqual([
        say('input.placeNotFound', { typed: 'Kota Baru' }),
        say('place.kecamatan.list'),
      ]);
      const seen: string[] = [];
      let page = none;
      for (let shown = 0; shown < 4; shown++) {
        const names = labels(page) ?? [];
        expect(names.at(-1)).toBe(`${names.length}. ${say('common.more')}`);
        expect(names.length).toBe(shown < 3 ? 9 : 8);
        seen.push(...names.slice(0, -1).map((label) => label.replace(/^\d+\. /, '')));
        page = await chat.send(String(names.length));
        expect(texts(page)).toEqual([say('place.kecamatan.list')]);
      }
      expect(seen).toEqual(h.ref.kecamatan.map((k) => k.name));
      // "Lainnya" after the last page starts again at the first
      expect(labels(page)?.[0]).toBe(`1. ${h.ref.kecamatan[0]?.name}`);
      // a name still works on any page, and so does the list button from the first question
      expect(texts(await chat.send('kembali'))).toEqual([say('helpRequest.kecamatan.ask')]);
      expect(texts(await chat.send('1'))).toEqual([say('place.kecamatan.list')]);
      expect(texts(await chat.send('cileunyi'))).toEqual([
        say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' }),
      ]);
    });

    it('asks a long desa list by name too: 14 desa in Ciparay', async () => {
      const { chat } = await atKecamatan('desa-long');
      const asked = await chat.send('ciparay');
      const desaAsk = say('helpRequest.desa.ask', { kecamatanChoice: 'Ciparay' });
      expect(texts(asked)).toEqual([desaAsk]);
      expect(h.ref.desaOf('32.04.29').length).toBe(14);
      expect(labels(asked)).toEqual([`1. ${say('common.showList')}`]);
      const several = await chat.send('mekar');
      expect(texts(several)).toEqual([say('place.desa.matches', { areaQuery: 'mekar' })]);
      expect(labels(several)).toEqual([
        '1. Mekarlaksana',
        '2. Mekarsari',
        `3. ${say('common.showList')}`,
      ]);
      expect(texts(await chat.send('kembali'))).toEqual([desaAsk]);
      const documents = await chat.send('Sumbersar');
      expect(documents.at(-1)?.text).toContain('SKTM');
      await chat.send('selesai');
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket.unit.name).toBe('Puskesos Desa Sumbersari');
    });

    it('keeps a shared location pin on the ticket and still asks for the desa', async () => {
      const chat = await atMenu(h, 'pin-1');
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      await chat.send(who.kk);
      await chat.send('cileunyi');
      const pin = {
        kind: 'location' as const,
        location: { latitude: -6.9386, longitude: 107.7468 },
      };
      expect(texts(await chat.send(pin))).toEqual([
        say('helpRequest.location.noted'),
        say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' }),
      ]);
      await chat.send('cileunyi kulon');
      await chat.send('selesai');
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket).toMatchObject({ latitude: -6.9386, longitude: 107.7468 });
    });
  });

  describe('documents', () => {
    it('attaches two photos to the ticket, counting each one', async () => {
      const chat = await atMenu(h, 'photos-1');
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      await chat.send(who.kk);
      await toDocuments(chat);
      const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
        where: { externalId: chat.senderId },
      });
      for (const photoCount of [1, 2]) {
        const photo = await h.attachments.save(h.db.prisma, {
          bytes: new Uint8Array([0xff, 0xd8, 0xff, photoCount]),
          mimeType: 'image/jpeg',
          identityId: identity.id,
        });
        if (!photo.ok) throw new Error('photo not stored');
        const received = await chat.send({
          kind: 'photo',
          attachments: [{ attachmentId: photo.attachmentId, kind: 'photo' }],
        });
        expect(texts(received)).toEqual([
          say('helpRequest.documents.received', { photoCount }),
          say('helpRequest.documents.more'),
        ]);
      }
      expect(texts(await chat.send('Selesai / Lewati'))).toEqual([
        say('helpRequest.summary', summaryVars(who, 2)),
      ]);
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket.attachments).toHaveLength(2);
      expect(ticket.attachments.every((a) => a.ticketId === ticket.id)).toBe(true);
    });
  });

  describe('summary', () => {
    it('changes the category from the summary and lands back on it', async () => {
      const { chat, who } = await toSummary(h, 'edit-1');
      const edit = await chat.send('Ubah');
      expect(texts(edit)).toEqual([say('helpRequest.edit.ask')]);
      expect(edit[0]?.options.map((o) => o.id)).toEqual([
        'category',
        'need',
        'name',
        'nik',
        'kk',
        'domicile',
        'documents',
      ]);
      expect(texts(await chat.send('Layanan'))).toEqual([say('helpRequest.category.ask')]);
      expect(texts(await chat.send('pendidikan'))).toEqual([
        say('helpRequest.summary', { ...summaryVars(who), categoryName: 'Pendidikan' }),
      ]);
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket.serviceCode).toBe('pendidikan');
    });

    it('changes the domicile (kecamatan then desa) and comes back to the summary', async () => {
      const { chat, who } = await toSummary(h, 'edit-2');
      await chat.send('Ubah');
      expect(texts(await chat.send('6'))).toEqual([say('helpRequest.kecamatan.ask')]);
      await chat.send('cileunyi');
      expect(texts(await chat.send('Cileunyi Wetan'))).toEqual([
        say('helpRequest.summary', { ...summaryVars(who), desaName: 'Cileunyi Wetan' }),
      ]);
    });

    it('cancels without filing anything', async () => {
      const { chat } = await toSummary(h, 'cancel-1');
      const tickets = await h.db.prisma.ticket.count();
      expect(texts(await chat.send('Batalkan'))).toEqual([
        say('runtime.cancelled'),
        say('menu.choose'),
      ]);
      expect(await h.db.prisma.ticket.count()).toBe(tickets);
    });

    it('continues the same request after a process restart', async () => {
      const chat = await atMenu(h, 'restart-1');
      const who = person();
      await toNik(chat);
      await chat.send(who.nik);
      h.restart();
      const again = h.channel.chat('restart-1');
      expect(texts(await again.send(who.kk))).toEqual([say('helpRequest.kecamatan.ask')]);
    });
  });

  describe('duplicates', () => {
    it('shows the open request for the same NIK and category right after the NIK', async () => {
      const who = person();
      const { chat } = await toSummary(h, 'dup-1', who);
      const ticket = await ticketOf(h, await chat.send('1'));

      await toNik(chat);
      expect(texts(await chat.send(who.nik))).toEqual([
        say('helpRequest.duplicate', {
          categoryName: 'Kesehatan',
          code: ticket.code,
          statusLabel: say('status.ticket.BARU'),
        }),
        say('menu.choose'),
      ]);
      const open = await h.db.prisma.ticket.count({
        where: { citizenId: ticket.citizenId, serviceCode: 'kesehatan' },
      });
      expect(open).toBe(1);

      // another category for the same person is a new request
      await chat.send('1');
      await chat.send('bansos');
      await chat.send('Data DTKS keluarga kami belum diperbarui sejak tahun lalu.');
      await chat.send(NAME);
      await chat.send(who.nik);
      await chat.send(who.kk);
      await chat.send('cileunyi');
      await chat.send('cileunyi kulon');
      await chat.send('selesai');
      const second = await ticketOf(h, await chat.send('1'));
      expect(second.code).not.toBe(ticket.code);
      expect(second.serviceCode).toBe('bansos');
      expect(await h.db.prisma.ticket.count({ where: { citizenId: ticket.citizenId } })).toBe(2);
    });

    it('files nothing when the household filed the same request from another chat meanwhile', async () => {
      const who = person();
      // a second member of the same family (another NIK, the same KK)
      const relative = { nik: person().nik, kk: who.kk };
      const a = await toSummary(h, 'race-a', who);
      const b = await toSummary(h, 'race-b', relative);
      const ticket = await ticketOf(h, await a.chat.send('1'));
      expect(texts(await b.chat.send('1'))).toEqual([
        say('helpRequest.duplicate', {
          categoryName: 'Kesehatan',
          code: ticket.code,
          statusLabel: say('status.ticket.BARU'),
        }),
        say('menu.choose'),
      ]);
      const same = await h.db.prisma.ticket.count({
        where: {
          citizen: { kkHash: testCipher().lookupHash('kk', who.kk) },
          serviceCode: 'kesehatan',
        },
      });
      expect(same).toBe(1);
    });
  });

  describe('from service information', () => {
    it('starts with the chosen service and asks for the need at once', async () => {
      const chat = await atMenu(h, 'info-1');
      await chat.send('4');
      await chat.send('kesehatan');
      expect(texts(await chat.send({ optionId: 'apply' }))).toEqual([
        say('helpRequest.need.ask', { categoryName: 'Kesehatan' }),
      ]);
    });
  });
});
