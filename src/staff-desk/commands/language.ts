/**
 * /bahasa id|su|en (or indonesia, sunda, english): the language the desk
 * writes to this staff member's own chat in, from command answers to new
 * ticket announcements and SLA reminders. Group rooms stay Indonesian.
 */
import { z } from 'zod';
import { type Locale, t } from '../../i18n/translate.ts';
import { command, PARTNER, STAFF } from '../command.ts';
import { ROOM_LOCALE } from '../staff-locale.ts';

const NAMES: Readonly<Record<string, Locale>> = {
  id: 'id',
  indonesia: 'id',
  su: 'su',
  sunda: 'su',
  en: 'en',
  english: 'en',
  inggris: 'en',
};

/** "su", "Sunda", "bahasa sunda" → 'su' */
const languageArg = z.string().transform((args, ctx) => {
  const words = args
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'bahasa');
  const locale = words.length === 1 ? NAMES[words[0] ?? ''] : undefined;
  if (!locale) {
    ctx.addIssue({ code: 'custom', message: 'language' });
    return z.NEVER;
  }
  return { locale };
});

export const languageCommand = command({
  name: 'bahasa',
  roles: [...STAFF, ...PARTNER],
  usage: 'staff.usage.bahasa',
  args: languageArg,
  async run(ctx, { locale }) {
    await ctx.tx.staff.update({ where: { id: ctx.actor.staffId }, data: { locale } });
    // Answered in the new language where only this person reads it.
    const answer = ctx.actor.inGroup ? ROOM_LOCALE : locale;
    ctx.replyText(
      t(answer, 'staff.language.set', {
        language: t(answer, `staff.language.name.${locale}`),
      }),
    );
  },
});
