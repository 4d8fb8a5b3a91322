import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import type { TicketStatus } from '../../src/core/ticket-lifecycle.ts';
import { addWorkingDays } from '../../src/core/working-days.ts';
import { t } from '../../src/i18n/translate.ts';
import { openText } from '../../src/security/sealed-text.ts';
import { askForFeedback } from '../../src/tickets/ask-for-feedback.ts';
import { openTicket } from '../../src/tickets/open-ticket.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';

const UNIT = 'Puskesos Desa Cileunyi Kulon';
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const openComment = <T extends { comment: string | null }>(row: T): T => ({
  ...row,
  comment: openText(testCipher(), row.comment),
});

/** A resident who has consented, with one help request filed from their chat, now in `status`. */
async function residentWithTicket(h: DeskHarness, key: string, status: TicketStatus) {
  const chat = h.channel.chat(key);
  await chat.send('halo');
  await chat.send('1');
  await chat.send('1');
  const identity = await h.db.prisma.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'test', externalId: chat.senderId } },
  });
  const opened = await h.db.prisma.$transaction((tx) =>
    openTicket(
      { tx, sql: h.db.statements(tx), cipher: testCipher(), ref: h.ref, now: h.clock.now },
      {
        kind: 'permohonan',
        serviceCode: 'kesehatan',
        description: 'Ibu saya butuh bantuan biaya berobat',
        desaCode: '32.04.05.2001',
        identityMode: 'named',
        person: { name: 'Siti Aminah', nik: randomNik() },
        needsVerification: false,
        channel: 'test',
        identityId: identity.id,
      },
    ),
  );
  if (!opened.ok) throw new Error('the test ticket was refused as a duplicate');
  await h.db.prisma.ticket.update({ where: { id: opened.ticket.id }, data: { status } });
  return { chat, identityId: identity.id, ticket: opened.ticket };
}

let serial = 0;
function randomNik(): string {
  serial += 1;
  return `320405451290${String(serial).padStart(4, '0')}`;
}

async function askInChat(h: DeskHarness, chat: InProcessChat, ticketCode: string) {
  await h.runtime.startFlow(
    { channel: 'test', chatKey: chat.chatKey },
    'feedback',
    { ticketCode },
    `feedback-test:${chat.chatKey}`,
  );
  return chat.drain();
}

describe('feedback', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  describe('resolved', () => {
    it('records a rating of 4 with a comment, shows it publicly and thanks the resident', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-resolved', 'SELESAI');
      const question = await askInChat(h, chat, ticket.code);
      expect(texts(question)).toEqual([
        t('id', 'feedback.askResolved', { ticketCode: ticket.code }),
      ]);
      expect(question[0]?.options.map((o) => o.id)).toEqual(['resolved', 'unresolved']);

      expect(texts(await chat.send('sudah'))).toEqual([t('id', 'feedback.askRating')]);
      expect(texts(await chat.send('4'))).toEqual([t('id', 'feedback.askComment')]);
      const done = await chat.send('Petugasnya ramah dan cepat');
      expect(texts(done)).toEqual([t('id', 'feedback.thanks'), t('id', 'menu.choose')]);

      const feedback = (
        await h.db.prisma.feedback.findMany({ where: { ticketId: ticket.id } })
      ).map(openComment);
      expect(feedback).toMatchObject([
        { rating: 4, comment: 'Petugasnya ramah dan cepat', resolved: true },
      ]);
      expect(feedback[0]?.citizenId).toBeTruthy();
      const event = await h.db.prisma.ticketEvent.findFirstOrThrow({
        where: { ticketId: ticket.id, type: 'feedback' },
      });
      expect(event.visibility).toBe('public');
      expect(JSON.parse(event.after ?? '{}')).toMatchObject({ rating: 4, resolved: true });
    });

    it('shows the ratings numbered 1 to 5 as the question says, and reads the number typed', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-numbers', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      const rating = await chat.send('1');
      expect(texts(rating)).toEqual([t('id', 'feedback.askRating')]);
      expect(t('id', 'feedback.askRating')).toContain('1 sampai 5');
      expect(rating[0]?.options.map((o) => o.label)).toEqual([
        '1. Sangat buruk',
        '2. Buruk',
        '3. Cukup',
        '4. Baik',
        '5. Sangat baik',
      ]);
      const comment = await chat.send('2');
      expect(texts(comment)).toEqual([t('id', 'feedback.askComment')]);
      expect(comment[0]?.options.map((o) => o.label)).toEqual([`1. ${t('id', 'common.skip')}`]);
      await chat.send('1');
      expect(
        await h.db.prisma.feedback.findFirst({ where: { ticketId: ticket.id } }),
      ).toMatchObject({ rating: 2, comment: null });
    });

    it('saves no comment when the resident skips it', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-skip', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      await chat.send({ optionId: 'resolved' });
      await chat.send('5');
      expect(texts(await chat.send('Lewati'))[0]).toBe(t('id', 'feedback.thanks'));
      expect(
        await h.db.prisma.feedback.findFirst({ where: { ticketId: ticket.id } }),
      ).toMatchObject({ rating: 5, comment: null });
    });

    it('asks again with the reason for a rating out of range or in words it cannot read', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-range', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      await chat.send('sudah');
      for (const answer of ['7', 'bagus']) {
        expect(texts(await chat.send(answer))).toEqual([
          t('id', 'input.rating'),
          t('id', 'feedback.askRating'),
        ]);
      }
      expect(texts(await chat.send('Baik'))).toEqual([t('id', 'feedback.askComment')]);
    });

    it('answers a sticker and 5,000 characters in the comment step with a reason', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-odd', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      await chat.send('sudah');
      await chat.send('3');
      expect(texts(await chat.send({ kind: 'unsupported' }))[0]).toBe(t('id', 'input.unsupported'));
      expect(texts(await chat.send('a'.repeat(5000)))[0]).toBe(
        t('id', 'input.tooLong', { max: 1000 }),
      );
      expect(await h.db.prisma.feedback.count({ where: { ticketId: ticket.id } })).toBe(0);
    });

    it('still takes the answer hours after the desk asked', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-later', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      h.clock.advance(3 * 3_600_000);
      expect(texts(await chat.send('sudah'))).toEqual([t('id', 'feedback.askRating')]);
    });
  });

  describe('not resolved', () => {
    it('reopens the ticket with the reason in a public event and tells who follows up', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-reopen', 'SELESAI');
      // Reopened ten days after filing, the old due date has long passed.
      h.clock.advance(10 * 24 * 3_600_000);
      await askInChat(h, chat, ticket.code);
      expect(texts(await chat.send('belum'))).toEqual([t('id', 'feedback.askReason')]);
      const replies = await chat.send('Kartu BPJS belum aktif sampai sekarang');
      expect(texts(replies)[0]).toBe(
        t('id', 'feedback.reopened', { ticketCode: ticket.code, unitName: UNIT }),
      );

      const after = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
      expect(after.status).toBe('DIBUKA_KEMBALI');
      // The unit owes a new answer: 3 working days (kesehatan) from the reopening.
      expect(after.slaDueAt).toEqual(addWorkingDays(h.clock.now, 3, h.ref.holidays));
      expect(after.slaDueAt?.getTime()).toBeGreaterThan(h.clock.now.getTime());
      const event = await h.db.prisma.ticketEvent.findFirstOrThrow({
        where: { ticketId: ticket.id, type: 'reopened' },
      });
      expect({ ...event, message: openText(testCipher(), event.message) }).toMatchObject({
        visibility: 'public',
        fromStatus: 'SELESAI',
        toStatus: 'DIBUKA_KEMBALI',
        message: 'Kartu BPJS belum aktif sampai sekarang',
      });
      expect(JSON.parse(event.before ?? '{}')).toEqual({ status: 'SELESAI' });
      // The reason is in the sealed message only; before and after stay readable.
      expect(JSON.parse(event.after ?? '{}')).toEqual({ status: 'DIBUKA_KEMBALI' });
      const feedback = await h.db.prisma.feedback.findFirstOrThrow({
        where: { ticketId: ticket.id },
      });
      expect(openComment(feedback)).toMatchObject({
        resolved: false,
        comment: 'Kartu BPJS belum aktif sampai sekarang',
      });
    });

    it('explains kindly that a closed ticket cannot be reopened, and keeps the note', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-closed', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      await chat.send('belum');
      // Staff closed it while the resident was typing.
      await h.db.prisma.ticket.update({ where: { id: ticket.id }, data: { status: 'DITUTUP' } });
      const replies = await chat.send('Obatnya belum diterima');
      expect(texts(replies)[0]).toBe(
        t('id', 'feedback.reopenRefused', {
          ticketCode: ticket.code,
          status: t('id', 'status.ticket.DITUTUP'),
        }),
      );
      const after = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
      expect(after.status).toBe('DITUTUP');
      expect(
        await h.db.prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: 'reopened' } }),
      ).toBe(0);
      expect(
        await h.db.prisma.feedback.count({ where: { ticketId: ticket.id, resolved: false } }),
      ).toBe(1);
    });

    it('answers a sticker and 5,000 characters in the reason step with a reason', async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-reason-odd', 'SELESAI');
      await askInChat(h, chat, ticket.code);
      await chat.send('belum');
      expect(texts(await chat.send({ kind: 'unsupported' }))).toEqual([
        t('id', 'input.unsupported'),
        t('id', 'feedback.askReason'),
      ]);
      expect(texts(await chat.send('x'.repeat(5000)))[0]).toBe(
        t('id', 'input.tooLong', { max: 1000 }),
      );
      const after = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
      expect(after.status).toBe('SELESAI');
    });
  });

  describe('ownership', () => {
    it("refuses kindly to take feedback on another resident's ticket", async () => {
      const { ticket } = await residentWithTicket(h, 'fb-owner', 'SELESAI');
      const { chat: other } = await residentWithTicket(h, 'fb-stranger', 'SELESAI');
      const replies = await askInChat(h, other, ticket.code);
      expect(texts(replies)).toEqual([
        t('id', 'feedback.notYours', { ticketCode: ticket.code }),
        t('id', 'menu.choose'),
      ]);
      expect(await h.db.prisma.feedback.count({ where: { ticketId: ticket.id } })).toBe(0);
    });
  });

  describe('askForFeedback', () => {
    it("asks in the resident's chat once, however often it is called", async () => {
      const { chat, ticket } = await residentWithTicket(h, 'fb-ask', 'SELESAI');
      expect(await askForFeedback(h.runtime, h.db.prisma, ticket.id)).toBe('asked');
      expect(await askForFeedback(h.runtime, h.db.prisma, ticket.id)).toBe('alreadyAsked');
      expect(texts(await chat.drain())).toEqual([
        t('id', 'feedback.askResolved', { ticketCode: ticket.code }),
      ]);
      const queued = await h.db.prisma.outbox.findMany({
        where: { dedupeKey: { startsWith: `feedback:${ticket.id}` } },
      });
      expect(queued).toHaveLength(1);
      // The question is live in that chat: the answer is read as feedback.
      expect(texts(await chat.send('sudah'))).toEqual([t('id', 'feedback.askRating')]);
    });

    it('asks nobody for an anonymous ticket', async () => {
      const { ticket } = await residentWithTicket(h, 'fb-anon', 'SELESAI');
      await h.db.prisma.ticket.update({
        where: { id: ticket.id },
        data: { originIdentityId: null },
      });
      expect(await askForFeedback(h.runtime, h.db.prisma, ticket.id)).toBe('noChat');
    });
  });
});

describe('feedback on PostgreSQL', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('postgresql');
  });
  afterAll(() => h.close());

  it('records a rating and reopens a ticket', async () => {
    const first = await residentWithTicket(h, 'pg-rate', 'SELESAI');
    expect(await askForFeedback(h.runtime, h.db.prisma, first.ticket.id)).toBe('asked');
    expect(await askForFeedback(h.runtime, h.db.prisma, first.ticket.id)).toBe('alreadyAsked');
    await first.chat.drain();
    await first.chat.send('sudah');
    await first.chat.send('4');
    await first.chat.send('Terima kasih banyak');
    expect(
      await h.db.prisma.feedback.findFirst({ where: { ticketId: first.ticket.id } }),
    ).toMatchObject({ rating: 4, resolved: true });

    const second = await residentWithTicket(h, 'pg-reopen', 'SELESAI');
    await askInChat(h, second.chat, second.ticket.code);
    await second.chat.send('belum');
    await second.chat.send('Bantuan belum cair');
    const after = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: second.ticket.id } });
    expect(after.status).toBe('DIBUKA_KEMBALI');
  });
});
