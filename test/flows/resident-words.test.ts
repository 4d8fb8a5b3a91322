/**
 * What residents trip over (issue 13): their own words at the menu, "bantuan"
 * meaning aid, a message that wakes an idle chat, dead ends, and acronyms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Key, type Locale, t } from '../../src/i18n/translate.ts';
import { IDLE_RESTART_MS } from '../../src/runtime/run-turn.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
type Replies = { text: string; options: { id: string; label: string }[] }[];
const texts = (replies: Replies) => replies.map((r) => r.text);

const LANGUAGE: Record<Locale, string> = { id: '1', su: '2', en: '3' };

describe('what residents write', () => {
  let h: DeskHarness;
  let serial = 0;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  /** A new resident at the main menu, in `locale`, having agreed (or not) to consent. */
  async function atMenu(locale: Locale = 'id', consent = true): Promise<Chat> {
    serial += 1;
    const chat = h.channel.chat(`words-${serial}`);
    await chat.send('halo');
    await chat.send(LANGUAGE[locale]);
    const menu = await chat.send(consent ? '1' : '2');
    expect(menu.at(-1)?.text).toBe(t(locale, 'menu.choose'));
    return chat;
  }

  const needAsked = (locale: Locale, categoryName: string) =>
    t(locale, 'helpRequest.need.ask', { categoryName });

  describe('at the menu, own words', () => {
    it('starts a help request for bansos on "saya butuh bantuan beras"', async () => {
      const chat = await atMenu();
      expect(texts(await chat.send('saya butuh bantuan beras'))).toEqual([
        needAsked('id', 'Bantuan sosial'),
      ]);
    });

    it('starts a help request and asks which service on a plain "bantuan" or "tolong"', async () => {
      const chat = await atMenu();
      expect(texts(await chat.send('bantuan'))).toEqual([t('id', 'helpRequest.category.ask')]);
      const other = await atMenu();
      expect(texts(await other.send('tolong'))).toEqual([t('id', 'helpRequest.category.ask')]);
    });

    it('does not guess when the words point to two services', async () => {
      const chat = await atMenu();
      const replies = await chat.send('butuh biaya berobat dan seragam sekolah');
      expect(texts(replies)).toEqual([t('id', 'helpRequest.category.ask')]);
      expect(replies[0]?.options.map((o) => o.id)).toContain('kesehatan');
    });

    it('asks for consent first and keeps the guessed service ("butuh BPJS")', async () => {
      const chat = await atMenu('id', false);
      expect(texts(await chat.send('butuh BPJS'))).toEqual([t('id', 'menu.needConsent')]);
      expect(texts(await chat.send('ya'))).toEqual([needAsked('id', 'Kesehatan')]);
    });

    it('understands Sundanese: "abdi peryogi bantosan béas"', async () => {
      const chat = await atMenu('su');
      expect(texts(await chat.send('abdi peryogi bantosan béas'))).toEqual([
        needAsked('su', 'Bantuan sosial'),
      ]);
    });

    it('understands English: "I need help with school fees"', async () => {
      const chat = await atMenu('en');
      expect(texts(await chat.send('I need help with school fees'))).toEqual([
        needAsked('en', 'Education'),
      ]);
    });

    it('opens a complaint on "mau lapor pungli", in Sundanese on "abdi bade ngadu"', async () => {
      const chat = await atMenu();
      const replies = await chat.send('mau lapor pungli');
      expect(texts(replies)).toEqual([t('id', 'complaint.topic.ask')]);
      const su = await atMenu('su');
      expect(texts(await su.send('abdi badé ngadu'))).toEqual([t('su', 'complaint.topic.ask')]);
      const en = await atMenu('en');
      expect(texts(await en.send('I want to complain'))).toEqual([t('en', 'complaint.topic.ask')]);
    });

    it('opens the status check on "cek status" and looks a typed code up at once', async () => {
      const chat = await atMenu();
      expect(texts(await chat.send('cek status'))).toEqual([t('id', 'status.askCode')]);
      const other = await atMenu();
      const replies = await other.send('tolong cek pb 7k4m2q');
      expect(texts(replies)).toEqual([
        t('id', 'status.notFound', { code: 'PB-7K4M2Q' }),
        t('id', 'status.askCode'),
      ]);
      expect(replies[1]?.options.map((o) => o.label)).toEqual([`1. ${t('id', 'common.menu')}`]);
    });

    it('shows the service on "syarat BPJS apa saja?"', async () => {
      const chat = await atMenu();
      const [shown] = await chat.send('syarat BPJS apa saja?');
      expect(shown?.text).toContain(t('id', 'serviceInfo.sla', { days: 3 }));
      expect(shown?.options.map((o) => o.id)).toEqual(['another', 'apply', 'menu']);
    });

    it.each([
      ['id', 'halo'],
      ['id', 'Assalamualaikum'],
      ['su', 'punten'],
      ['en', 'Good morning!'],
    ] as const)('greets back in %s on "%s", with the menu', async (locale, greeting) => {
      const chat = await atMenu(locale);
      const replies = await chat.send(greeting);
      expect(texts(replies)).toEqual([t(locale, 'menu.greeting'), t(locale, 'menu.choose')]);
      expect(replies[1]?.options).toHaveLength(7);
    });

    it.each(['qwerty zxcv', 'mohon maaf salah kirim'])(
      'still says to pick a number for "%s"',
      async (words) => {
        const chat = await atMenu();
        expect(texts(await chat.send(words))).toEqual([
          t('id', 'input.choose'),
          t('id', 'menu.choose'),
        ]);
      },
    );
  });

  describe('help with the bot and "bantuan" inside a flow', () => {
    it.each(['petunjuk', 'cara pakai', '/help', '?'])(
      'explains how to use the bot on "%s" and names that word',
      async (word) => {
        const chat = await atMenu();
        const replies = await chat.send(word);
        expect(texts(replies)).toEqual([t('id', 'runtime.help'), t('id', 'menu.choose')]);
        expect(replies[0]?.text).toContain('"petunjuk"');
      },
    );

    it('keeps the question when "bantuan" comes while filing a help request', async () => {
      const chat = await atMenu();
      await chat.send('1');
      await chat.send('kesehatan');
      await chat.send('Ibu saya sakit dan butuh biaya berobat.');
      expect(texts(await chat.send('bantuan'))).toEqual([
        t('id', 'runtime.aid.filling'),
        t('id', 'helpRequest.name.ask'),
      ]);
      // "bantuan" was not taken as the name: a real name still moves on.
      expect(texts(await chat.send('Siti Aminah'))).toEqual([t('id', 'helpRequest.nik.ask')]);
    });

    it('says how to ask for aid when "bantuan" comes in another flow', async () => {
      const chat = await atMenu();
      await chat.send('2');
      await chat.send('1');
      expect(texts(await chat.send('bantuan'))).toEqual([
        t('id', 'runtime.aid.elsewhere'),
        t('id', 'complaint.description.ask'),
      ]);
    });

    it('asks to answer the first questions when "bantuan" is the first thing said', async () => {
      const chat = h.channel.chat('words-first');
      await chat.send('halo');
      expect(texts(await chat.send('bantuan'))).toEqual([
        t('id', 'runtime.aid.first'),
        t('id', 'entry.askLanguage'),
      ]);
    });
  });

  describe('a message that wakes an idle chat', () => {
    /** A resident left in the middle of a complaint for longer than the idle limit. */
    async function idleInComplaint(locale: Locale = 'id'): Promise<Chat> {
      const chat = await atMenu(locale);
      await chat.send('2');
      h.clock.advance(IDLE_RESTART_MS + 1000);
      return chat;
    }

    it('acts on "1" against the fresh menu, after the notice', async () => {
      const chat = await idleInComplaint();
      expect(texts(await chat.send('1'))).toEqual([
        t('id', 'runtime.restarted.idle'),
        t('id', 'helpRequest.category.ask'),
      ]);
    });

    it('acts on "cek status" against the fresh menu', async () => {
      const chat = await idleInComplaint();
      expect(texts(await chat.send('cek status'))).toEqual([
        t('id', 'runtime.restarted.idle'),
        t('id', 'status.askCode'),
      ]);
    });

    it('acts on Sundanese words too ("peryogi bantosan béas")', async () => {
      const chat = await idleInComplaint('su');
      expect(texts(await chat.send('peryogi bantosan béas'))).toEqual([
        t('su', 'runtime.restarted.idle'),
        needAsked('su', 'Bantuan sosial'),
      ]);
    });

    it.each([
      ['an answer meant for the old step', 'Jalan rusak di depan rumah sudah lama.'],
      ['"batal"', 'batal'],
      ['"kembali"', 'kembali'],
    ])('only shows the menu for %s', async (_what, text) => {
      const chat = await idleInComplaint();
      const replies = await chat.send(text);
      expect(texts(replies)).toEqual([t('id', 'runtime.restarted.idle'), t('id', 'menu.choose')]);
      expect(replies[1]?.options).toHaveLength(7);
    });
  });

  describe('acronyms', () => {
    const explained = (locale: Locale, key: Key) => `- ${t(locale, key)}`;

    it('explains PBI-JK, BPJS and SKTM under the health service, in id and en', async () => {
      const chat = await atMenu();
      await chat.send('4');
      const [shown] = await chat.send('kesehatan');
      expect(shown?.text).toContain(t('id', 'jargon.heading'));
      for (const key of ['jargon.PBI', 'jargon.BPJS', 'jargon.SKTM'] as const) {
        expect(shown?.text).toContain(explained('id', key));
      }
      expect(shown?.text).not.toContain(t('id', 'jargon.PKH'));
      const en = await atMenu('en');
      await en.send('4');
      const [english] = await en.send({ optionId: 'bansos' });
      for (const key of ['jargon.PKH', 'jargon.BPNT', 'jargon.BLT', 'jargon.DTKS'] as const) {
        expect(english?.text).toContain(explained('en', key));
      }
    });

    it('explains SKTM in the documents list of a help request, in Sundanese', async () => {
      const chat = await atMenu('su');
      await chat.send('1');
      await chat.send('pendidikan');
      await chat.send('Anak abdi peryogi biaya sakola.');
      await chat.send('Siti Aminah');
      await chat.send('3204054512900001');
      await chat.send('3204051234560001');
      await chat.send('cileunyi');
      const documents = await chat.send('cileunyi kulon');
      const text = documents.at(-1)?.text ?? '';
      expect(text).toContain('SKTM ti desa/kalurahan');
      expect(text).toContain(explained('su', 'jargon.SKTM'));
    });

    it('explains DTKS/DTSEN where a complaint topic names it', async () => {
      const chat = await atMenu();
      const [topics] = await chat.send('2');
      expect(topics?.options.map((o) => o.label.replace(/^\d+\. /, ''))).toContain(
        t('id', 'complaint.topic.data_salah'),
      );
      expect(topics?.text).toContain('DTKS/DTSEN: daftar keluarga kurang mampu');
    });
  });
});
