/**
 * A resident files a help request over Telegram from /start to a tracking
 * code, pressing inline buttons for some steps and typing numbers or words for
 * others, exactly as they would on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../../src/i18n/format-date.ts';
import { waitFor } from '../../support/bot-api-emulator.ts';
import { NAME, NEED, person, say, TRACKING_CODE, texts } from './residents.ts';
import { startTelegramDesk, type TelegramDesk } from './telegram-desk.ts';
import { TelegramUser } from './telegram-user.ts';

/** Friday 27 November 2026 + 3 working days for kesehatan, end of that day (WIB). */
const KESEHATAN_DUE = new Date('2026-12-02T23:59:59.999+07:00');

describe('telegram › help request', () => {
  let desk: TelegramDesk;
  beforeAll(async () => {
    desk = await startTelegramDesk();
  });
  afterAll(() => desk.close());

  it('goes from /start to a PB- tracking code with buttons and typed answers mixed', async () => {
    const siti = new TelegramUser(desk, 81_000_001);
    const who = person();
    const answered = () => desk.emulator.answeredCallbacks.length;

    expect(texts(await siti.say('/start'))).toEqual([say('entry.askLanguage')]);
    expect(texts(await siti.press('1. Bahasa Indonesia'))).toEqual([say('entry.askConsent')]);
    expect(texts(await siti.press('1. Setuju'))).toEqual([say('menu.choose')]);
    // typed: the number of "Ajukan bantuan"
    expect(texts(await siti.say('1'))).toEqual([say('helpRequest.category.ask')]);
    expect(texts(await siti.press('1. Kesehatan'))).toEqual([
      say('helpRequest.need.ask', { categoryName: 'Kesehatan' }),
    ]);
    expect(texts(await siti.say(NEED))).toEqual([say('helpRequest.name.ask')]);
    expect(texts(await siti.say(NAME))).toEqual([say('helpRequest.nik.ask')]);
    expect(texts(await siti.say(who.nik))).toEqual([say('helpRequest.kk.ask')]);
    expect(texts(await siti.say(who.kk))).toEqual([say('helpRequest.kecamatan.ask')]);
    // typed by name, with a typo: the kecamatan is asked by name, not as 31 buttons
    expect(texts(await siti.say('cilenyi'))).toEqual([
      say('helpRequest.desa.ask', { kecamatanChoice: 'Cileunyi' }),
    ]);
    const documents = await siti.press('3. Cileunyi Kulon');
    expect(documents.at(-1)?.text).toContain('SKTM dari desa/kelurahan (sering diminta mitra)');
    const summary = await siti.press('1. Selesai / Lewati');
    expect(summary.at(-1)?.text).toContain(NEED);
    expect(
      summary
        .at(-1)
        ?.keyboard?.inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(['1. Ya, kirim', '2. Ubah', '3. Batalkan']);
    const done = await siti.press('1. Ya, kirim');

    const code = TRACKING_CODE.exec(texts(done).join('\n'))?.[0] as string;
    expect(code).toBeDefined();
    expect(texts(done)).toEqual([
      say('helpRequest.created', {
        code,
        unitName: 'Puskesos Desa Cileunyi Kulon',
        dueDate: formatLongDate('id', KESEHATAN_DUE),
      }),
      say('menu.choose'),
    ]);
    const ticket = await desk.h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(ticket).toMatchObject({
      kind: 'permohonan',
      serviceCode: 'kesehatan',
      channel: 'telegram',
    });

    // Every press was answered, so no button was left spinning on the phone.
    const presses = desk.gateway.inputs
      .filter((input) => input.kind === 'option')
      .map((input) => input.messageId.replace(/^cb:/, ''));
    expect(presses).toHaveLength(6);
    await waitFor(() => answered() === 6, 'six answered button presses');
    expect(desk.emulator.answeredCallbacks).toEqual(presses);
  });
});
