import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/core/working-days.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { t } from '../../src/i18n/translate.ts';
import { openOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import { openText } from '../../src/security/sealed-text.ts';
import { COMPLAINT_SLA_DAYS } from '../../src/tickets/open-ticket.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';
import type { TestProvider } from '../support/test-database.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

const STORY = 'Bantuan BPNT bulan ini tidak sampai, padahal nama saya terdaftar di desa.';
const NIK = '3204054512900001';
const UNIT = 'Puskesos Desa Cileunyi Kulon';
const SUMMARY_VARS = {
  topicLabel: 'Pungutan liar',
  descriptionShort: STORY,
  name: '',
  desaName: 'Cileunyi Kulon',
  photoCount: 0,
};

async function atMenu(h: DeskHarness, key: string, consent: '1' | '2' = '1'): Promise<Chat> {
  const chat = h.channel.chat(key);
  await chat.send('halo');
  await chat.send('1');
  const menu = await chat.send(consent);
  expect(menu.at(-1)?.text).toBe(t('id', 'menu.choose'));
  return chat;
}

/** Menu → complaint → topic "pungutan liar" → story: the identity question (or its skip) follows. */
async function toIdentity(chat: Chat) {
  expect(texts(await chat.send('2'))).toEqual([t('id', 'complaint.topic.ask')]);
  expect(texts(await chat.send('pungutan liar'))).toEqual([t('id', 'complaint.description.ask')]);
  return chat.send(STORY);
}

/** Kecamatan and desa typed by name, then no photos: the summary follows. */
async function toSummary(chat: Chat) {
  expect(texts(await chat.send('cileunyi'))).toEqual([t('id', 'complaint.desa.ask')]);
  expect(texts(await chat.send('Cileunyi Kln'))).toEqual([t('id', 'complaint.photos.ask')]);
  return chat.send('selesai');
}

async function fileNamed(h: DeskHarness, key: string) {
  const chat = await atMenu(h, key);
  expect(texts(await toIdentity(chat))).toEqual([t('id', 'complaint.identity.ask')]);
  expect(texts(await chat.send('1'))).toEqual([t('id', 'complaint.name.ask')]);
  expect(texts(await chat.send('Siti Aminah'))).toEqual([t('id', 'complaint.nik.ask')]);
  expect(texts(await chat.send(NIK))).toEqual([t('id', 'complaint.kecamatan.ask')]);
  expect(texts(await toSummary(chat))).toEqual([
    t('id', 'complaint.summary.named', { ...SUMMARY_VARS, name: 'Siti Aminah' }),
    t('id', 'complaint.confirm.ask'),
  ]);
  return { chat, done: await chat.send('1') };
}

async function ticketOf(h: DeskHarness, replies: { text: string }[]) {
  const code = /PG-[0-9A-Z]{6}/.exec(texts(replies).join('\n'))?.[0];
  expect(code).toBeDefined();
  return h.db.prisma.ticket.findUniqueOrThrow({
    where: { code: code as string },
    include: { events: true, attachments: true },
  });
}

function namedPath(provider: TestProvider) {
  describe(`named, on ${provider}`, () => {
    let h: DeskHarness;
    beforeAll(async () => {
      h = await startDeskHarness(provider);
    });
    afterAll(() => h.close());

    it('files a PG- ticket at the desa Puskesos with the topic, a 5-working-day SLA and a public event', async () => {
      const { chat, done } = await fileNamed(h, `named-${provider}`);
      const ticket = await ticketOf(h, done);
      const due = addWorkingDays(h.clock.now, COMPLAINT_SLA_DAYS, h.ref.holidays);
      expect(texts(done)).toEqual([
        t('id', 'complaint.created', {
          code: ticket.code,
          unitName: UNIT,
          dueDate: formatLongDate('id', due),
        }),
        t('id', 'menu.choose'),
      ]);
      expect({ ...ticket, description: openText(testCipher(), ticket.description) }).toMatchObject({
        kind: 'pengaduan',
        topic: 'pungutan_liar',
        identityMode: 'named',
        description: STORY,
        needsVerification: false,
        status: 'BARU',
      });
      expect(ticket.slaDueAt?.toISOString()).toBe(due.toISOString());
      expect(formatLongDate('id', due)).toBe('Jumat, 4 Desember 2026');
      const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: ticket.unitId } });
      expect(unit.name).toBe(UNIT);
      expect(ticket.events.map((e) => [e.type, e.visibility])).toEqual([['created', 'public']]);
      const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
        where: { externalId: chat.senderId },
      });
      expect(ticket.citizenId).toBe(identity.citizenId);
      expect(ticket.originIdentityId).toBe(identity.id);
      const outbox = await h.db.prisma.outbox.findMany({ where: { chatKey: chat.chatKey } });
      expect(
        outbox.some((row) =>
          openOutboxPayload(testCipher(), row.payload).text.includes(ticket.code),
        ),
      ).toBe(true);
    });
  });
}

namedPath('sqlite');
namedPath('postgresql');

describe('complaint', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  describe('identity', () => {
    it('stores a confidential complaint with identityMode confidential and the person', async () => {
      const chat = await atMenu(h, 'confidential-1');
      await toIdentity(chat);
      expect(texts(await chat.send('Rahasia'))).toEqual([t('id', 'complaint.name.ask')]);
      await chat.send('Dewi Lestari');
      await chat.send('3204054512900002');
      expect(texts(await toSummary(chat))[0]).toBe(
        t('id', 'complaint.summary.confidential', { ...SUMMARY_VARS, name: 'Dewi Lestari' }),
      );
      const ticket = await ticketOf(h, await chat.send('Ya, kirim'));
      expect(ticket.identityMode).toBe('confidential');
      expect(ticket.citizenId).not.toBeNull();
    });

    it('stores no identity at all for an anonymous complaint, photos included', async () => {
      const chat = await atMenu(h, 'anonymous-1');
      const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
        where: { externalId: chat.senderId },
      });
      const citizens = await h.db.prisma.citizen.count();
      await toIdentity(chat);
      expect(texts(await chat.send('3'))).toEqual([t('id', 'complaint.kecamatan.ask')]);
      await chat.send('cileunyi');
      await chat.send('cileunyi kulon');
      const photo = await h.attachments.save(h.db.prisma, {
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]),
        mimeType: 'image/jpeg',
        identityId: identity.id,
      });
      if (!photo.ok) throw new Error('photo not stored');
      const received = await chat.send({
        kind: 'photo',
        attachments: [{ attachmentId: photo.attachmentId, kind: 'photo' }],
      });
      expect(texts(received)).toEqual([
        t('id', 'complaint.photos.received', { photoCount: 1 }),
        t('id', 'complaint.photos.ask'),
      ]);
      const summary = await chat.send('selesai');
      expect(texts(summary)).toEqual([
        t('id', 'complaint.summary.anonymous', {
          ...SUMMARY_VARS,
          topicLabel: 'Pungutan liar',
          photoCount: 1,
        }),
        t('id', 'complaint.confirm.ask'),
      ]);
      const done = await chat.send('1');
      const ticket = await ticketOf(h, done);
      expect(texts(done)[1]).toBe(t('id', 'complaint.created.anonymous', { code: ticket.code }));
      expect(ticket).toMatchObject({
        identityMode: 'anonymous',
        citizenId: null,
        originIdentityId: null,
      });
      expect(ticket.attachments.map((a) => a.identityId)).toEqual([null]);
      expect(await h.db.prisma.citizen.count()).toBe(citizens);
      const after = await h.db.prisma.channelIdentity.findUniqueOrThrow({
        where: { id: identity.id },
      });
      expect(after.citizenId).toBeNull();
      expect(ticket.events.every((e) => e.actorId === null && e.actorKind === 'anonim')).toBe(true);
    });

    it('forgets the name and NIK when the resident switches to anonymous at the summary', async () => {
      const chat = await atMenu(h, 'anonymous-2');
      const citizens = await h.db.prisma.citizen.count();
      await toIdentity(chat);
      await chat.send('1');
      await chat.send('Rahmat Hidayat');
      await chat.send('3204054512900003');
      const summary = await toSummary(chat);
      expect(summary.at(-2)?.text).toContain('Rahmat Hidayat');
      expect(texts(await chat.send('Ubah'))).toEqual([t('id', 'complaint.edit.ask')]);
      await chat.send('Identitas');
      const anonymous = await chat.send('Tanpa nama');
      expect(texts(anonymous)).toEqual([
        t('id', 'complaint.summary.anonymous', SUMMARY_VARS),
        t('id', 'complaint.confirm.ask'),
      ]);
      const ticket = await ticketOf(h, await chat.send('1'));
      const rows = JSON.stringify([ticket, ticket.events]);
      expect(rows).not.toMatch(/Rahmat|Hidayat|3204054512900003/);
      expect(ticket).toMatchObject({ citizenId: null, originIdentityId: null });
      expect(await h.db.prisma.citizen.count()).toBe(citizens);
    });

    it('lets a resident who refused consent complain anonymously, telling them why', async () => {
      const chat = await atMenu(h, 'no-consent-1', '2');
      const skipped = await toIdentity(chat);
      expect(texts(skipped)).toEqual([
        t('id', 'complaint.identity.anonymousOnly'),
        t('id', 'complaint.kecamatan.ask'),
      ]);
      await toSummary(chat);
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket).toMatchObject({
        identityMode: 'anonymous',
        citizenId: null,
        originIdentityId: null,
      });
    });

    it('goes on without a NIK after three wrong ones and flags the ticket for verification', async () => {
      const chat = await atMenu(h, 'nik-1');
      await toIdentity(chat);
      await chat.send('1');
      await chat.send('Asep Sunandar');
      await chat.send('12345');
      await chat.send('320405451290001');
      const third = await chat.send('abc');
      expect(texts(third)).toEqual([
        t('id', 'complaint.nik.skipped'),
        t('id', 'complaint.kecamatan.ask'),
      ]);
      await toSummary(chat);
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(ticket.needsVerification).toBe(true);
    });
  });

  describe('place', () => {
    it('asks the kecamatan by name: a typo goes on, several are listed, none pages the list', async () => {
      const chat = await atMenu(h, 'place-1');
      await toIdentity(chat);
      const asked = await chat.send('3');
      expect(texts(asked)).toEqual([t('id', 'complaint.kecamatan.ask')]);
      expect(asked[0]?.options.map((o) => o.label)).toEqual([`1. ${t('id', 'common.showList')}`]);
      const none = await chat.send('Bandung Kota');
      expect(texts(none)).toEqual([
        t('id', 'input.placeNotFound', { typed: 'Bandung Kota' }),
        t('id', 'place.kecamatan.list'),
      ]);
      expect(none[1]?.options.map((o) => o.label)).toHaveLength(9);
      const several = await chat.send('marga');
      expect(texts(several)).toEqual([t('id', 'place.kecamatan.matches', { areaQuery: 'marga' })]);
      expect(several[0]?.options.map((o) => o.label)).toEqual([
        '1. Margaasih',
        '2. Margahayu',
        `3. ${t('id', 'common.showList')}`,
      ]);
      expect(texts(await chat.send('kembali'))).toEqual([t('id', 'complaint.kecamatan.ask')]);
      expect(texts(await chat.send('Cilenyi'))).toEqual([t('id', 'complaint.desa.ask')]);
      expect(texts(await chat.send('cileunyi kulon'))).toEqual([t('id', 'complaint.photos.ask')]);
    });
  });

  describe('summary', () => {
    it('changes the story from the summary and comes straight back to it', async () => {
      const chat = await atMenu(h, 'edit-1');
      await toIdentity(chat);
      await chat.send('3');
      await toSummary(chat);
      await chat.send('2');
      expect(texts(await chat.send('Isi pengaduan'))).toEqual([
        t('id', 'complaint.description.ask'),
      ]);
      const story = 'Petugas meminta uang dua puluh ribu untuk surat keterangan.';
      const summary = await chat.send(story);
      expect(texts(summary)).toEqual([
        t('id', 'complaint.summary.anonymous', { ...SUMMARY_VARS, descriptionShort: story }),
        t('id', 'complaint.confirm.ask'),
      ]);
      expect(summary[1]?.options.map((o) => o.id)).toEqual(['send', 'edit', 'cancel']);
      const ticket = await ticketOf(h, await chat.send('1'));
      expect(openText(testCipher(), ticket.description)).toBe(story);
    });

    it('keeps a shared location pin and still asks for the desa', async () => {
      const chat = await atMenu(h, 'pin-1');
      await toIdentity(chat);
      await chat.send('3');
      await chat.send('cileunyi');
      const pin = await chat.send({
        kind: 'location',
        location: { latitude: -6.94, longitude: 107.74 },
      });
      expect(texts(pin)).toEqual([
        t('id', 'complaint.location.noted'),
        t('id', 'complaint.desa.ask'),
      ]);
      await chat.send('cileunyi kulon');
      await chat.send('selesai');
      const ticket = await ticketOf(h, await chat.send('1'));
      expect([ticket.latitude, ticket.longitude]).toEqual([-6.94, 107.74]);
    });

    it('files nothing when cancelled', async () => {
      const chat = await atMenu(h, 'cancel-1');
      const before = await h.db.prisma.ticket.count();
      await toIdentity(chat);
      await chat.send('3');
      await toSummary(chat);
      expect(texts(await chat.send('3'))).toEqual([
        t('id', 'runtime.cancelled'),
        t('id', 'menu.choose'),
      ]);
      expect(await h.db.prisma.ticket.count()).toBe(before);
    });
  });

  describe('description', () => {
    it('answers a sticker and 5,000 characters with a friendly reason and asks again', async () => {
      const chat = await atMenu(h, 'odd-1');
      await chat.send('2');
      await chat.send('1');
      expect(texts(await chat.send({ kind: 'unsupported' }))).toEqual([
        t('id', 'input.unsupported'),
        t('id', 'complaint.description.ask'),
      ]);
      expect(texts(await chat.send('panjang '.repeat(625)))).toEqual([
        t('id', 'input.tooLong', { max: 1000 }),
        t('id', 'complaint.description.ask'),
      ]);
    });
  });
});
