import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { t } from '../../src/i18n/translate.ts';
import { openTicket } from '../../src/tickets/open-ticket.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

const NAME = 'Siti Aminah';
const NIK = '3204054512900001';
const STORY = 'Ibu saya sakit dan butuh bantuan biaya berobat ke rumah sakit.';
const UNIT = 'Puskesos Desa Cileunyi Kulon';
const SECRET_NOTE = 'CATATAN-INTERNAL-7731 telepon 081234567890';

// The card is raw SQL, so it is read on both databases.
describe.each(PROVIDERS)('status check on %s', (provider) => {
  let h: DeskHarness;
  let chat: Chat;
  let code: string;
  let ticketId: string;
  const all: string[] = [];

  /** Every reply is kept so the last test can look for personal data in all of them. */
  async function send(message: Parameters<Chat['send']>[0], who: Chat = chat) {
    const replies = await who.send(message);
    all.push(...texts(replies));
    return replies;
  }

  async function atMenu(key: string): Promise<Chat> {
    const c = h.channel.chat(key);
    await send('halo', c);
    await send('1', c);
    await send('1', c);
    return c;
  }

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    chat = await atMenu('status-owner');
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: chat.senderId },
    });
    const opened = await h.db.prisma.$transaction((tx) =>
      openTicket(
        { tx, sql: h.db.statements(tx), cipher: testCipher(), ref: h.ref, now: h.clock.now },
        {
          kind: 'permohonan',
          serviceCode: 'kesehatan',
          description: STORY,
          desaCode: '32.04.05.2001',
          identityMode: 'named',
          person: { name: NAME, nik: NIK },
          needsVerification: false,
          channel: 'test',
          identityId: identity.id,
        },
      ),
    );
    if (!opened.ok) throw new Error('ticket not opened');
    code = opened.ticket.code;
    ticketId = opened.ticket.id;
  });
  afterAll(() => h.close());

  /** The card as the resident should see it; dates come from the stored ticket. */
  async function card(overrides: Record<string, string> = {}) {
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    return t('id', 'status.card', {
      code,
      statusLabel: t('id', 'status.ticket.BARU'),
      holder: UNIT,
      dueDate: formatLongDate('id', ticket.slaDueAt as Date),
      timeline: `- ${formatLongDate('id', ticket.createdAt)}: ${t('id', 'status.event.created')}`,
      ...overrides,
    });
  }

  describe('asking for a code', () => {
    it('shows status, holder, due date and the timeline for an exact code', async () => {
      expect(texts(await send('3'))).toEqual([t('id', 'status.askCode')]);
      const replies = await send(code);
      expect(texts(replies)).toEqual([await card(), t('id', 'status.next')]);
      expect(replies[1]?.options.map((o) => o.id)).toEqual(['another', 'menu']);
    });

    it('finds the ticket when the code is typed loosely, like "pb 7k4m2q"', async () => {
      await send('Cek tiket lain');
      const loose = code.toLowerCase().replace('-', ' ');
      expect(texts(await send(loose))[0]).toBe(await card());
    });

    it("offers the resident's own tickets as options and opens the one chosen", async () => {
      const asked = await send('1');
      expect(asked[0]?.options).toEqual([
        { id: code, label: `1. ${code} (${t('id', 'status.ticket.BARU')})` },
        { id: 'menu', label: `2. ${t('id', 'common.menu')}` },
      ]);
      expect(texts(await send('1'))[0]).toBe(await card());
    });

    it('offers no tickets to another chat, only the way back to the menu', async () => {
      const stranger = await atMenu('status-stranger');
      const asked = await send('3', stranger);
      expect(asked[0]?.options).toEqual([{ id: 'menu', label: `1. ${t('id', 'common.menu')}` }]);
    });

    it('says kindly that an unknown code was not found and asks again, offering "Menu utama"', async () => {
      await send('menu');
      await send('3');
      const replies = await send('PG-ZZZZZZ');
      expect(texts(replies)).toEqual([
        t('id', 'status.notFound', { code: 'PG-ZZZZZZ' }),
        t('id', 'status.askCode'),
      ]);
      const offered = replies[1]?.options ?? [];
      expect(offered.at(-1)).toEqual({
        id: 'menu',
        label: `${offered.length}. ${t('id', 'common.menu')}`,
      });
    });

    it('leaves a not-found code for the menu by picking "Menu utama"', async () => {
      const stranger = await atMenu('status-lost');
      await send('3', stranger);
      await send('PB-ZZZZZZ', stranger);
      expect(texts(await send('1', stranger))).toEqual([t('id', 'menu.choose')]);
    });
  });

  describe('the card', () => {
    it('shows public events in words, oldest first, and never an internal one', async () => {
      const later = new Date(h.clock.now.getTime() + 86_400_000);
      await h.db.prisma.ticketEvent.createMany({
        data: [
          {
            ticketId,
            type: 'status_changed',
            actorKind: 'petugas',
            fromStatus: 'BARU',
            toStatus: 'DITOLAK',
            message: testCipher().encrypt(SECRET_NOTE),
            visibility: 'internal',
            createdAt: later,
          },
          {
            ticketId,
            type: 'status_changed',
            actorKind: 'petugas',
            fromStatus: 'BARU',
            toStatus: 'DIVERIFIKASI',
            visibility: 'public',
            createdAt: later,
          },
        ],
      });
      const shown = texts(await send(code))[0] as string;
      expect(shown).toContain(
        `- ${formatLongDate('id', later)}: ${t('id', 'status.event.statusChanged', { status: t('id', 'status.ticket.DIVERIFIKASI') })}`,
      );
      expect(shown.indexOf(t('id', 'status.event.created'))).toBeLessThan(
        shown.indexOf(t('id', 'status.ticket.DIVERIFIKASI')),
      );
      expect(shown).not.toContain('CATATAN-INTERNAL-7731');
      expect(shown).not.toContain(t('id', 'status.ticket.DITOLAK'));
    });

    it('names the partner organisation as holder while it has accepted the referral', async () => {
      const partner = await h.db.prisma.partner.findUniqueOrThrow({
        where: { code: 'contoh-baznas' },
      });
      await h.db.prisma.referral.create({
        data: { ticketId, partnerId: partner.id, status: 'DITERIMA', createdAt: h.clock.now },
      });
      await h.db.prisma.ticket.update({ where: { id: ticketId }, data: { status: 'DIRUJUK' } });
      const shown = texts(await send(code))[0] as string;
      expect(shown).toContain(`${partner.name}.`);
      expect(shown).not.toContain(UNIT);
      expect(shown).toContain(t('id', 'status.ticket.DIRUJUK'));
    });

    it('goes back to the main menu when asked', async () => {
      expect(texts(await send('Menu utama'))).toEqual([t('id', 'menu.choose')]);
    });

    it('never shows a name, NIK, phone or the story in any reply', () => {
      const everything = all.join('\n');
      expect(everything).toContain(code);
      for (const secret of [NAME, 'Aminah', NIK, NIK.slice(-4), '081234567890', STORY]) {
        expect(everything).not.toContain(secret);
      }
    });
  });
});
