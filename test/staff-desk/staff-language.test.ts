/**
 * Staff read the desk in their own language: /bahasa sets it, and from then on
 * what reaches their own chat (command answers, new-ticket announcements, SLA
 * reminders, /tiket's history) is in it, while the unit's group room, read by
 * everyone, stays Indonesian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { formatLongDate } from '../../src/i18n/format-date.ts';
import { type Locale, t } from '../../src/i18n/translate.ts';
import type { SlaSweeper } from '../../src/sla/sla-sweeper.ts';
import { ticketLabels } from '../../src/staff-desk/ticket-labels.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { deskSweeper } from '../support/desk-sweeper.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { PROVIDERS } from '../support/test-database.ts';

const HOUR = 3_600_000;
const UNIT = '32.04.05.2001';
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const about = (code: string, replies: { text: string; options: { label: string }[] }[]) =>
  replies.filter((r) => r.text.includes(code));

describe.each(PROVIDERS)('staff texts in the staff member’s language on %s', (provider) => {
  let h: DeskHarness;
  let sweeper: SlaSweeper;
  let sundanese: InProcessChat;
  let english: InProcessChat;
  let room: InProcessChat;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    sweeper = deskSweeper(h);
    sundanese = await joinStaff(h, `lang-su-${provider}`, 'petugas', UNIT);
    english = await joinStaff(h, `lang-en-${provider}`, 'petugas', UNIT);
    // Working from a group makes it the unit's staff room.
    room = h.channel.groupChat(`lang-room-${provider}`, `lang-su-${provider}`);
    await room.send('/antrian');
  });
  afterAll(async () => {
    await sweeper.stop();
    await h.close();
  });

  const languageSet = (answer: Locale, chosen: Locale) =>
    t(answer, 'staff.language.set', { language: t(answer, `staff.language.name.${chosen}`) });

  it('sets the language with /bahasa by code or by name, in the new language, and explains a wrong one', async () => {
    expect(texts(await sundanese.send('/bahasa Sunda'))).toEqual([languageSet('su', 'su')]);
    expect(texts(await english.send('/bahasa en'))).toEqual([languageSet('en', 'en')]);
    // Already Sundanese: the usage line comes in Sundanese.
    expect(texts(await sundanese.send('/bahasa jawa'))).toEqual([
      t('su', 'staff.usage', { usage: t('su', 'staff.usage.bahasa') }),
    ]);
    // In the group everyone reads the answer, so it is Indonesian; the choice is still theirs.
    expect(texts(await room.send('/bahasa su'))).toEqual([languageSet('id', 'su')]);
    const locales = await h.db.prisma.staff.findMany({
      where: { unit: { code: UNIT } },
      select: { locale: true },
    });
    expect(locales.map((s) => s.locale).sort()).toEqual(['en', 'su']);
  });

  it('announces a new ticket and reminds of its deadline in Sundanese privately, in Indonesian in the room', async () => {
    h.clock.now = new Date('2026-11-27T09:00:00+07:00');
    const code = await fileHelpRequest(h.channel.chat(`lang-resident-${provider}`));
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    const announcement = (locale: Locale) => ({
      text: t(locale, 'staff.announce.ticket', { code, ...ticketLabels(h.ref, locale, ticket) }),
      options: [
        { id: `/tiket ${code}`, label: `${t(locale, 'staff.announce.view')}: /tiket ${code}` },
        { id: `/ambil ${code}`, label: `${t(locale, 'staff.announce.claim')}: /ambil ${code}` },
      ],
    });
    expect(about(code, await sundanese.drain())).toEqual([announcement('su')]);
    expect(about(code, await english.drain())).toEqual([announcement('en')]);
    expect(about(code, await room.drain())).toEqual([announcement('id')]);
    expect(announcement('su').text).not.toEqual(announcement('id').text);

    // Half the first-response window (10 h) has passed: the whole unit is reminded.
    const start = h.clock.now.getTime();
    const due = new Date(start + 10 * HOUR);
    await h.db.prisma.ticket.update({
      where: { code },
      data: { createdAt: new Date(start), firstResponseDueAt: due },
    });
    h.clock.now = new Date(start + 5 * HOUR);
    await sweeper.runOnce();
    const reminder = (locale: Locale) =>
      t(locale, 'sla.remind.ticket', {
        percent: '50',
        deadline: t(locale, 'sla.deadline.first_response'),
        code,
        due: formatLongDate(locale, due),
      });
    expect(texts(about(code, await sundanese.drain()))).toEqual([reminder('su')]);
    expect(texts(about(code, await room.drain()))).toEqual([reminder('id')]);
    expect(texts(about(code, await english.drain()))).toEqual([reminder('en')]);
  });

  it("names /tiket's history events in the reader's language", async () => {
    await english.send('/bahasa en');
    await sundanese.send('/bahasa su');
    h.clock.now = new Date('2026-11-27T09:00:00+07:00');
    const code = await fileHelpRequest(h.channel.chat(`lang-resident-2-${provider}`));
    await english.send(`/ambil ${code}`);
    const history = async (chat: InProcessChat) => {
      await chat.drain();
      const [detail] = texts(await chat.send(`/tiket ${code}`));
      return (detail ?? '').split('\n');
    };
    const claimedBy = (name: string) =>
      expect.stringMatching(new RegExp(` · (\\(internal\\) )?${name}$`));

    const inEnglish = await history(english);
    expect(inEnglish).toContainEqual(claimedBy('claimed'));
    expect(inEnglish).toContainEqual(expect.stringMatching(/ · created → BARU$/));
    expect(inEnglish.join('\n')).not.toContain('diambil');
    expect(await history(sundanese)).toContainEqual(claimedBy('dicandak'));
    expect(await history(room)).toContainEqual(claimedBy('diambil'));
  });

  it('reminds the staff member holding a ticket in their own chat and language only', async () => {
    await english.send('/bahasa en');
    h.clock.now = new Date('2026-11-27T09:00:00+07:00');
    const code = await fileHelpRequest(h.channel.chat(`lang-resident-3-${provider}`));
    await english.send(`/ambil ${code}`);
    const start = h.clock.now.getTime();
    const due = new Date(start + 100 * HOUR);
    await h.db.prisma.ticket.update({
      where: { code },
      data: { createdAt: new Date(start), slaDueAt: due },
    });
    for (const chat of [english, sundanese, room]) await chat.drain();

    // An hour before the deadline: past 80% of the working time, whatever the weekend took.
    h.clock.now = new Date(start + 99 * HOUR);
    await sweeper.runOnce();

    expect(texts(about(code, await english.drain()))).toEqual([
      t('en', 'sla.remind.ticket', {
        percent: '80',
        deadline: t('en', 'sla.deadline.resolution'),
        code,
        due: formatLongDate('en', due),
      }),
    ]);
    expect(about(code, await sundanese.drain())).toEqual([]);
    expect(about(code, await room.drain())).toEqual([]);
  });
});
