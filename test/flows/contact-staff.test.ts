import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { deliverStaffReply } from '../../src/runtime/deliver-staff-reply.ts';
import { openTicket } from '../../src/tickets/open-ticket.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';

const UNIT = 'Puskesos Desa Cileunyi Kulon';
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe('talk to staff', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  /** A consented resident at the main menu (language 1 id, 2 su, 3 en). */
  async function atMenu(key: string, language = '1') {
    const chat = h.channel.chat(key);
    await chat.send('halo');
    await chat.send(language);
    await chat.send('1');
    const identity = await h.db.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'test', externalId: chat.senderId } },
    });
    return { chat, identityId: identity.id };
  }

  /** Main menu → talk to staff → Cileunyi → Cileunyi Kulon: the message step. */
  async function atMessageStep(key: string, language = '1') {
    const resident = await atMenu(key, language);
    await resident.chat.send({ optionId: 'contact' });
    await resident.chat.send('Cileunyi');
    await resident.chat.send('cileunyi kln');
    return resident;
  }

  /** The thread as staff read it: texts are stored sealed. */
  const threadOf = async (identityId: string) =>
    (
      await h.db.prisma.threadMessage.findMany({
        where: { identityId },
        orderBy: { createdAt: 'asc' },
        include: { unit: { select: { name: true, code: true } } },
      })
    ).map((m) => ({ ...m, text: testCipher().decrypt(m.text) }));

  describe('unit by desa', () => {
    it('asks the kecamatan, then the desa, then the message', async () => {
      const { chat } = await atMenu('cs-steps');
      const [kecamatan] = await chat.send('5');
      expect(kecamatan?.text).toBe(t('id', 'contact.askKecamatan'));
      // asked by name: one button for the whole list, not 31
      expect(kecamatan?.options.map((o) => o.label)).toEqual([`1. ${t('id', 'common.showList')}`]);
      const [desa] = await chat.send('Cilenyi');
      expect(desa?.text).toBe(t('id', 'contact.askDesa'));
      expect(desa?.options.map((o) => o.label)).toContain('3. Cileunyi Kulon');
      expect(texts(await chat.send('Cileunyi Kulon'))).toEqual([t('id', 'contact.askMessage')]);
    });

    it('sends the message to Puskesos Desa Cileunyi Kulon and says replies come here', async () => {
      const { chat, identityId } = await atMessageStep('cs-first');
      const replies = await chat.send('Kapan jadwal pendataan DTSEN di desa kami?');
      expect(texts(replies)).toEqual([t('id', 'contact.chat.opened', { unitName: UNIT })]);
      const thread = await threadOf(identityId);
      expect(thread).toHaveLength(1);
      expect(thread[0]).toMatchObject({
        direction: 'from_citizen',
        text: 'Kapan jadwal pendataan DTSEN di desa kami?',
        ticketId: null,
        unit: { name: UNIT, code: '32.04.05.2001' },
      });
    });

    it('keeps sending every further message, photos too, until the resident types menu', async () => {
      const { chat, identityId } = await atMessageStep('cs-chatting');
      await chat.send('Saya mau bertanya soal PKH');
      expect(texts(await chat.send('ok'))).toEqual([
        t('id', 'contact.chat.sent', { unitName: UNIT }),
      ]);
      const saved = await h.attachments.save(h.db.prisma, {
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
        mimeType: 'image/jpeg',
        identityId: null,
      });
      if (!saved.ok) throw new Error('the test photo was not stored');
      const photo = await chat.send({
        kind: 'photo',
        attachments: [{ attachmentId: saved.attachmentId, kind: 'photo' }],
      });
      expect(texts(photo)).toEqual([t('id', 'contact.chat.sent', { unitName: UNIT })]);

      h.clock.advance(2 * 3_600_000); // staff may answer late; the chat stays open
      await chat.send('Terima kasih, saya tunggu');
      expect(texts(await chat.send('menu'))).toEqual([t('id', 'menu.choose')]);
      await chat.send('1');

      const thread = await threadOf(identityId);
      expect(thread.map((m) => m.text)).toEqual([
        'Saya mau bertanya soal PKH',
        'ok',
        '[foto]',
        'Terima kasih, saya tunggu',
      ]);
      expect(thread.every((m) => m.unit.name === UNIT && m.direction === 'from_citizen')).toBe(
        true,
      );
    });

    it('says "batal" closes the chat without pretending nothing was sent', async () => {
      const { chat } = await atMessageStep('cs-batal');
      await chat.send('Halo petugas, saya mau tanya');
      expect(texts(await chat.send('batal'))).toEqual([
        t('id', 'contact.chat.closed'),
        t('id', 'menu.choose'),
      ]);
    });

    it('answers a sticker and 5,000 characters with a reason, in the message step and in the chat', async () => {
      const { chat, identityId } = await atMessageStep('cs-odd');
      expect(texts(await chat.send({ kind: 'unsupported' }))).toEqual([
        t('id', 'input.unsupported'),
        t('id', 'contact.askMessage'),
      ]);
      expect(texts(await chat.send('z'.repeat(5000)))[0]).toBe(
        t('id', 'input.tooLong', { max: 1000 }),
      );
      await chat.send('Halo petugas');
      expect(texts(await chat.send({ kind: 'unsupported' }))).toEqual([
        t('id', 'input.unsupported'),
        t('id', 'contact.chat.waiting', { unitName: UNIT }),
      ]);
      expect(texts(await chat.send('z'.repeat(5000)))[0]).toBe(
        t('id', 'input.tooLong', { max: 1000 }),
      );
      expect((await threadOf(identityId)).map((m) => m.text)).toEqual(['Halo petugas']);
    });
  });

  describe('unit by ticket', () => {
    it("offers the resident's open ticket and sends the message to its unit with the ticket", async () => {
      const { chat, identityId } = await atMenu('cs-ticket');
      const opened = await h.db.prisma.$transaction((tx) =>
        openTicket(
          { tx, sql: h.db.statements(tx), cipher: testCipher(), ref: h.ref, now: h.clock.now },
          {
            kind: 'permohonan',
            serviceCode: 'kesehatan',
            description: 'Ibu saya butuh bantuan biaya berobat',
            desaCode: '32.04.05.2002',
            identityMode: 'named',
            person: { name: 'Siti Aminah', nik: '3204054512900077' },
            needsVerification: false,
            channel: 'test',
            identityId,
          },
        ),
      );
      if (!opened.ok) throw new Error('the test ticket was refused');
      const code = opened.ticket.code;

      const [choose] = await chat.send({ optionId: 'contact' });
      expect(choose?.text).toBe(t('id', 'contact.chooseTicket'));
      expect(choose?.options.map((o) => o.id)).toEqual([code, 'other']);
      expect(choose?.options[0]?.label).toContain('Kesehatan');

      expect(texts(await chat.send('1'))).toEqual([t('id', 'contact.askMessage')]);
      await chat.send('Apakah berkas saya sudah lengkap?');
      const [message] = await threadOf(identityId);
      expect(message).toMatchObject({
        ticketId: opened.ticket.id,
        unit: { name: 'Puskesos Desa Cileunyi Wetan' },
      });

      const saved = await h.attachments.save(h.db.prisma, {
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]),
        mimeType: 'image/jpeg',
        identityId: null,
      });
      if (!saved.ok) throw new Error('the test photo was not stored');
      await chat.send({
        kind: 'photo',
        text: 'surat rujukan',
        attachments: [{ attachmentId: saved.attachmentId, kind: 'photo' }],
      });
      const attachment = await h.db.prisma.attachment.findUniqueOrThrow({
        where: { id: saved.attachmentId },
      });
      expect(attachment.ticketId).toBe(opened.ticket.id);
      expect((await threadOf(identityId)).at(-1)?.text).toBe('[foto] surat rujukan');
    });

    it('asks for the desa when the message is about something else', async () => {
      const { chat, identityId } = await atMenu('cs-ticket-other');
      await h.db.prisma.$transaction((tx) =>
        openTicket(
          { tx, sql: h.db.statements(tx), cipher: testCipher(), ref: h.ref, now: h.clock.now },
          {
            kind: 'pengaduan',
            topic: 'lainnya',
            description: 'Pelayanan di kantor desa lambat',
            desaCode: '32.04.05.2002',
            identityMode: 'named',
            person: { name: 'Ujang', nik: '3204050101900088' },
            needsVerification: false,
            channel: 'test',
            identityId,
          },
        ),
      );
      await chat.send({ optionId: 'contact' });
      expect(texts(await chat.send('Hal lain'))).toEqual([t('id', 'contact.askKecamatan')]);
      expect(texts(await chat.send('kembali'))).toEqual([t('id', 'contact.chooseTicket')]);
    });
  });

  describe('staff reply', () => {
    it("reaches the resident's chat in their language, prefixed with the unit", async () => {
      const { chat, identityId } = await atMessageStep('cs-reply-su', '2');
      await chat.send('Punten, bade naros perkawis BPJS');
      const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: '32.04.05.2001' } });
      const queued = await deliverStaffReply(
        h.db.prisma,
        testCipher(),
        {
          threadTargetIdentityId: identityId,
          unitId: unit.id,
          text: 'Mangga sumping ka kantor désa.',
        },
        'reply:test-1',
        h.clock.now,
      );
      expect(queued).toBe(1);
      expect(texts(await chat.drain())).toEqual([
        t('su', 'contact.staffReply', { unit: UNIT, text: 'Mangga sumping ka kantor désa.' }),
      ]);
      const thread = await threadOf(identityId);
      expect(thread.map((m) => m.direction)).toEqual(['from_citizen', 'to_citizen']);

      // Delivered once even when the staff side retries.
      const again = await deliverStaffReply(
        h.db.prisma,
        testCipher(),
        {
          threadTargetIdentityId: identityId,
          unitId: unit.id,
          text: 'Mangga sumping ka kantor désa.',
        },
        'reply:test-1',
        h.clock.now,
      );
      expect(again).toBe(0);
      expect(await threadOf(identityId)).toHaveLength(2);
      expect(await chat.drain()).toEqual([]);

      // Inside a staff command's own transaction (as /balas will call it).
      await h.db.prisma.$transaction((tx) =>
        deliverStaffReply(
          tx,
          testCipher(),
          { threadTargetIdentityId: identityId, unitId: unit.id, text: 'Dinten Senén jam 9.' },
          'reply:test-2',
          h.clock.now,
        ),
      );
      expect(texts(await chat.drain())).toEqual([
        t('su', 'contact.staffReply', { unit: UNIT, text: 'Dinten Senén jam 9.' }),
      ]);

      // The resident's answer still goes to the staff.
      expect(texts(await chat.send('Hatur nuhun'))).toEqual([
        t('su', 'contact.chat.sent', { unitName: UNIT }),
      ]);
    });
  });
});

describe('talk to staff on PostgreSQL', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('postgresql');
  });
  afterAll(() => h.close());

  it('sends the message to the desa Puskesos and brings the reply back', async () => {
    const chat = h.channel.chat('pg-contact');
    for (const step of ['halo', '1', '1', '5', 'Cileunyi', 'Cileunyi Kulon']) await chat.send(step);
    expect(texts(await chat.send('Mohon info jadwal posyandu'))).toEqual([
      t('id', 'contact.chat.opened', { unitName: UNIT }),
    ]);
    const message = await h.db.prisma.threadMessage.findFirstOrThrow({
      include: { unit: { select: { name: true } } },
    });
    expect(message).toMatchObject({ direction: 'from_citizen', unit: { name: UNIT } });
    await deliverStaffReply(
      h.db.prisma,
      testCipher(),
      { threadTargetIdentityId: message.identityId, unitId: message.unitId, text: 'Rabu pagi.' },
      'reply:pg-1',
      h.clock.now,
    );
    expect(texts(await chat.drain())).toEqual([
      t('id', 'contact.staffReply', { unit: UNIT, text: 'Rabu pagi.' }),
    ]);
  });
});
