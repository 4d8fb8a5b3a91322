import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { IDLE_RESTART_MS } from '../../src/runtime/run-turn.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { PROVIDERS } from '../support/test-database.ts';

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe.each(PROVIDERS)('conversation runtime on %s', (provider) => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h.close());

  async function atMenu(key: string, language = '1') {
    const chat = h.channel.chat(key);
    await chat.send('halo');
    await chat.send(language);
    const menu = await chat.send('1');
    expect(menu.at(-1)?.options.length).toBe(7);
    return chat;
  }

  describe('first contact', () => {
    it('asks for the language first, whatever the first message says', async () => {
      const replies = await h.channel.chat('first-1').send('saya mau minta bantuan');
      expect(texts(replies)).toEqual([t('id', 'entry.askLanguage')]);
      expect(replies[0]?.options.map((o) => o.label)).toEqual([
        '1. Bahasa Indonesia',
        '2. Basa Sunda',
        '3. English',
      ]);
    });

    it('talks Sundanese after "2" and records the consent before the menu', async () => {
      const chat = h.channel.chat('first-2');
      await chat.send('halo');
      expect(texts(await chat.send('2'))).toEqual([t('su', 'entry.askConsent')]);
      expect(texts(await chat.send('1'))).toEqual([t('su', 'menu.choose')]);
      const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
        where: { externalId: 'first-2' },
        include: { consents: true },
      });
      expect(identity.locale).toBe('su');
      expect(identity.consents.map((c) => c.granted)).toEqual([true]);
    });

    it('lets a resident who refuses consent into the menu and records the refusal', async () => {
      const chat = h.channel.chat('first-3');
      await chat.send('halo');
      await chat.send('3');
      const replies = await chat.send('I do not agree');
      expect(texts(replies)).toEqual([t('en', 'entry.consent.declined'), t('en', 'menu.choose')]);
      const consent = await h.db.prisma.consent.findFirstOrThrow({
        where: { identity: { externalId: 'first-3' } },
      });
      expect(consent.granted).toBe(false);
    });
  });

  describe('words that work everywhere', () => {
    it('explains what to do on "petunjuk" and repeats the question', async () => {
      const chat = await atMenu('global-1');
      expect(texts(await chat.send('petunjuk'))).toEqual([
        t('id', 'runtime.help'),
        t('id', 'menu.choose'),
      ]);
    });

    it('says it is already the first step on "kembali" at the menu', async () => {
      const chat = await atMenu('global-2');
      expect(texts(await chat.send('kembali'))).toEqual([
        t('id', 'runtime.backUnavailable'),
        t('id', 'menu.choose'),
      ]);
    });

    it('goes back one step on "uih" in Sundanese', async () => {
      const chat = await atMenu('global-3', '2');
      await chat.send('6');
      expect(texts(await chat.send('uih'))).toEqual([t('su', 'menu.choose')]);
    });

    it('cancels to the menu on "batal" and on "cancel"', async () => {
      const chat = await atMenu('global-4');
      await chat.send('6');
      expect(texts(await chat.send('batal'))).toEqual([
        t('id', 'runtime.cancelled'),
        t('id', 'menu.choose'),
      ]);
      await chat.send('6');
      expect(texts(await chat.send('Cancel!'))).toEqual([
        t('id', 'runtime.cancelled'),
        t('id', 'menu.choose'),
      ]);
    });
  });

  describe('input it cannot use', () => {
    it.each([
      ['a sticker', { kind: 'unsupported' as const }, 'input.unsupported'],
      ['emoji only', '🙏🙏', 'input.choose'],
      ['a number out of range', '12', 'input.outOfRange'],
      ['5,000 characters', 'x'.repeat(5000), 'input.choose'],
    ] as const)('answers %s with a reason and the question again', async (_name, message, key) => {
      const chat = await atMenu(`bad-${key}-${String(_name).length}`);
      const replies = await chat.send(message);
      expect(replies).toHaveLength(2);
      expect(replies[0]?.text.startsWith(t('id', key, { number: 12, max: 7 }).slice(0, 12))).toBe(
        true,
      );
      expect(replies[1]?.text).toBe(t('id', 'menu.choose'));
    });
  });

  describe('delivery', () => {
    it('handles a message delivered twice once', async () => {
      const chat = await atMenu('dup-1');
      const message = chat.inbound('6', 'same-id');
      const first = await h.runtime.handle(message);
      const second = await h.runtime.handle(message);
      expect(first.status).toBe('handled');
      expect(second.status).toBe('duplicate');
      expect(texts(await chat.drain())).toEqual([t('id', 'menu.askLanguage')]);
    });

    it('runs turns of one chat in arrival order even when they arrive together', async () => {
      const chat = await atMenu('order-1');
      await Promise.all([
        h.runtime.handle(chat.inbound('6')),
        h.runtime.handle(chat.inbound('3')),
        h.runtime.handle(chat.inbound('kembali')),
      ]);
      // 6 opens the language choice, 3 picks English, "kembali" at the menu is refused in English.
      expect(texts(await chat.drain())).toEqual([
        t('id', 'menu.askLanguage'),
        t('en', 'menu.choose'),
        t('en', 'runtime.backUnavailable'),
        t('en', 'menu.choose'),
      ]);
    });
  });

  describe('restarts', () => {
    it('starts over at the menu with a notice after 30 idle minutes', async () => {
      const chat = await atMenu('idle-1');
      await chat.send('6');
      h.clock.advance(IDLE_RESTART_MS + 1000);
      // "xyz" means nothing at the menu, so only the menu follows the notice.
      expect(texts(await chat.send('xyz'))).toEqual([
        t('id', 'runtime.restarted.idle'),
        t('id', 'menu.choose'),
      ]);
    });

    it('keeps going after 29 minutes', async () => {
      const chat = await atMenu('idle-2');
      await chat.send('6');
      h.clock.advance(IDLE_RESTART_MS - 60_000);
      expect(texts(await chat.send('3'))).toEqual([t('en', 'menu.choose')]);
    });

    it('restarts at the menu, without crashing, from a snapshot of an older flow version', async () => {
      const chat = await atMenu('version-1');
      await h.db.prisma.conversation.update({
        where: { channel_chatKey: { channel: 'test', chatKey: 'version-1' } },
        data: { flowVersion: 0 },
      });
      expect(texts(await chat.send('1'))).toEqual([
        t('id', 'runtime.restarted.version'),
        t('id', 'menu.choose'),
      ]);
    });

    it('restarts from a snapshot it cannot read', async () => {
      const chat = await atMenu('version-2');
      await h.db.prisma.conversation.update({
        where: { channel_chatKey: { channel: 'test', chatKey: 'version-2' } },
        data: { snapshot: 'garbage' },
      });
      expect(texts(await chat.send('1'))).toEqual([
        t('id', 'runtime.restarted.version'),
        t('id', 'menu.choose'),
      ]);
    });

    it('continues where it was after the process restarts', async () => {
      const chat = await atMenu('restart-1');
      await chat.send('6');
      h.restart();
      expect(texts(await h.channel.chat('restart-1').send('2'))).toEqual([t('su', 'menu.choose')]);
    });
  });

  describe('privacy of the stored conversation', () => {
    it('stores the snapshot encrypted', async () => {
      await atMenu('privacy-1');
      const row = await h.db.prisma.conversation.findFirstOrThrow({
        where: { chatKey: 'privacy-1' },
      });
      expect(row.snapshot.startsWith('v1.')).toBe(true);
      expect(row.snapshot).not.toContain('choose');
    });
  });
});
