/**
 * What residents receive on Telegram. Rendering: options as numbered inline
 * buttons carrying the option id, a numbered list in the text when an option
 * cannot have a button, long texts split under the 4096-character limit.
 * Delivery under Telegram's rules: a rate limit is waited out and the message
 * still arrives exactly once; a blocked bot or an unknown chat is given up at
 * once instead of retried for hours; a long retry_after goes back to the
 * outbox with its wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/channels/channel-adapter.ts';
import { renderMessage } from '../../../src/channels/telegram/render-message.ts';
import { splitText } from '../../../src/channels/telegram/split-text.ts';
import { t } from '../../../src/i18n/translate.ts';
import { numberOptions } from '../../../src/runtime/messages.ts';
import { tooManyRequests, waitFor } from '../../support/bot-api-emulator.ts';
import { say, texts } from './residents.ts';
import { startTelegramDesk, type TelegramDesk } from './telegram-desk.ts';
import { TelegramUser } from './telegram-user.ts';

const buttons = (message: { keyboard?: { inline_keyboard: unknown[][] } | undefined }) =>
  message.keyboard?.inline_keyboard;

describe('telegram › outbound', () => {
  let desk: TelegramDesk;
  beforeAll(async () => {
    desk = await startTelegramDesk();
  });
  afterAll(() => desk.close());

  describe('rendering', () => {
    it('shows each option of a step as its own numbered button carrying the option id', async () => {
      const user = new TelegramUser(desk, 82_000_001);
      const [language] = await user.say('halo');
      expect(language?.text).toBe(say('entry.askLanguage'));
      expect(buttons(language ?? {})).toEqual([
        [{ text: '1. Bahasa Indonesia', callback_data: 'id' }],
        [{ text: '2. Basa Sunda', callback_data: 'su' }],
        [{ text: '3. English', callback_data: 'en' }],
      ]);
      // The text stays clean: the buttons already show the numbers.
      expect(language?.text).not.toContain('1. Bahasa Indonesia');
      // Typing the number works as well as pressing.
      expect((await user.say('3')).map((m) => m.text)).toEqual([t('en', 'entry.askConsent')]);
    });

    it('lists the options in the text when one id is too long for a button, and keeps the rest pressable', async () => {
      const user = new TelegramUser(desk, 82_000_002);
      await user.say('halo');
      const longId = `x${'é'.repeat(32)}`; // 65 bytes in UTF-8: over the 64-byte limit
      await desk.telegram.deliver(
        String(user.id),
        numberOptions({
          text: 'Pilih satu:',
          options: [
            { id: 'a', label: 'Pertama' },
            { id: longId, label: 'Kedua' },
          ],
        }),
      );
      const shown = desk.emulator.sentTo(user.id).at(-1);
      expect(shown?.text).toBe('Pilih satu:\n\n1. Pertama\n2. Kedua');
      expect(buttons(shown ?? {})).toEqual([[{ text: '1. Pertama', callback_data: 'a' }]]);
    });

    it('splits a long text into messages under 4096 characters, buttons under the last', async () => {
      const user = new TelegramUser(desk, 82_000_003);
      await user.say('halo');
      const paragraph = `${'Informasi layanan. '.repeat(100).trim()}\n\n`; // ~1900 characters
      const text = paragraph.repeat(5).trim();
      const delivered = await desk.telegram.deliver(String(user.id), {
        text,
        options: [{ id: 'ok', label: 'Mengerti' }],
      });
      const parts = desk.emulator.sentTo(user.id).slice(-3);
      expect(parts.map((p) => p.text.length).every((n) => n <= 4096)).toBe(true);
      expect(parts.map((p) => p.text).join('\n\n')).toBe(text);
      expect(parts.map((p) => Boolean(p.keyboard))).toEqual([false, false, true]);
      expect(delivered.platformMessageId).toBe(String(parts[2]?.messageId));
    });
  });

  describe('delivery', () => {
    it('waits out a 429 retry_after and delivers the reply exactly once', async () => {
      const user = new TelegramUser(desk, 84_000_001);
      desk.emulator.failNext('sendMessage', 1, tooManyRequests(1));
      const replies = await user.say('halo');

      expect(texts(replies)).toEqual([say('entry.askLanguage')]);
      const attempts = desk.emulator
        .callsOf('sendMessage')
        .filter((call) => call.payload.chat_id === String(user.id));
      expect(attempts).toHaveLength(2);
      const [refused, accepted] = attempts;
      expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
      const row = await desk.h.db.prisma.outbox.findFirstOrThrow({
        where: { channel: 'telegram', chatKey: String(user.id) },
      });
      expect(row).toMatchObject({
        status: 'sent',
        attempts: 1,
        platformMessageId: String(replies[0]?.messageId),
      });
    });

    it('hands a retry_after longer than it will wait back to the outbox, without waiting', async () => {
      const user = new TelegramUser(desk, 84_000_002);
      await user.say('halo');
      desk.emulator.failNext('sendMessage', 1, tooManyRequests(120));
      const started = performance.now();
      const error = await desk.telegram
        .deliver(String(user.id), { text: 'Halo', options: [] })
        .catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).options).toEqual({ retryAfterMs: 120_000 });
    });

    it('gives up at once on a chat that blocked the bot, and on a chat Telegram does not know', async () => {
      const user = new TelegramUser(desk, 84_000_003);
      await user.say('halo');
      desk.emulator.blockBot(user.id);
      const blocked = await desk.telegram
        .deliver(String(user.id), { text: 'Halo', options: [] })
        .catch((e: unknown) => e);
      expect((blocked as DeliveryError).options).toEqual({ permanent: true });
      expect((blocked as Error).message).toContain('403: Forbidden: bot was blocked by the user');

      const unknown = await desk.telegram
        .deliver('999999', { text: 'Halo', options: [] })
        .catch((e: unknown) => e);
      expect((unknown as DeliveryError).options).toEqual({ permanent: true });
      expect((unknown as Error).message).toContain('chat not found');
    });

    it('marks the outbox row failed after one attempt when the resident blocked the bot', async () => {
      const user = new TelegramUser(desk, 84_000_004);
      await user.say('halo');
      desk.emulator.blockBot(user.id);
      const pushed = desk.emulator.pushUpdate(user.text('1'));
      await desk.handled(`${user.id}:${pushed.message?.message_id}`);
      const row = await waitFor(
        () =>
          desk.h.db.prisma.outbox.findFirst({
            where: { channel: 'telegram', chatKey: String(user.id), status: 'failed' },
          }),
        'the undeliverable reply to be given up',
      );
      expect(row?.attempts).toBe(1);
      expect(row?.lastError).toContain('403');
    });
  });
});

describe('telegram › rendering, pure', () => {
  it('never cuts an emoji in half when a text has no spaces at all', () => {
    const text = `${'a'.repeat(4095)}😀${'b'.repeat(10)}`;
    const pieces = splitText(text, 4096);
    expect(pieces.map((p) => p.length)).toEqual([4095, 12]);
    expect(pieces.join('')).toBe(text);
  });

  it('makes no keyboard for a message without options, and at most 100 buttons', () => {
    expect(renderMessage({ text: 'Halo', options: [] })).toEqual([{ text: 'Halo' }]);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `o${i}`, label: `L${i}` }));
    const [part] = renderMessage(numberOptions({ text: 'Pilih', options: many }));
    expect(part?.keyboard?.inline_keyboard).toHaveLength(100);
    expect(part?.text).toContain('\n101. L100');
  });
});
