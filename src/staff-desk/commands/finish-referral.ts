/**
 * /tuntas KODE hasil: the partner reports the outcome. "berhasil" completes
 * the ticket (and the resident is asked for feedback); "tidak berhasil"
 * with a reason returns it to the unit's queue.
 */
import { z } from 'zod';
import type { ReferralOutcome } from '../../core/referral-lifecycle.ts';
import { parseTrackingCode } from '../../core/tracking-code.ts';
import { t } from '../../i18n/translate.ts';
import { askForFeedback } from '../../tickets/ask-for-feedback.ts';
import { command, PARTNER } from '../command.ts';
import { MAX_COMMAND_TEXT } from '../command-args.ts';
import { findPartnerReferral, moveReferralAndTicket } from './partner-referral.ts';

const FAILED =
  /^(tidak|tak|gak|ga|teu|not|un)[\s-]*(berhasil|hasil|successful|success)\b|^gagal\b|^failed\b/i;
const SUCCEEDED = /^(berhasil|sukses|hasil|success|successful)\b/i;

/** "PB-7K4M2Q berhasil …" or "PB-7K4M2Q tidak berhasil <reason>" */
export const outcomeArgs = z.string().transform((args, ctx) => {
  const [first = '', ...rest] = args.split(/\s+/);
  const code = parseTrackingCode(first);
  const text = rest.join(' ').trim();
  const failed = FAILED.exec(text);
  const succeeded = failed ? null : SUCCEEDED.exec(text);
  const outcome: ReferralOutcome | null = failed ? 'tidak_berhasil' : succeeded ? 'berhasil' : null;
  const detail = text
    .slice((failed ?? succeeded)?.[0].length ?? 0)
    .trim()
    .slice(0, MAX_COMMAND_TEXT);
  if (!code || !outcome || (outcome === 'tidak_berhasil' && detail === '')) {
    ctx.addIssue({ code: 'custom', message: 'tracking code and outcome' });
    return z.NEVER;
  }
  return { code, outcome, detail };
});

export const finishReferralCommand = command({
  name: 'tuntas',
  roles: PARTNER,
  usage: 'staff.usage.tuntas',
  args: outcomeArgs,
  async run(ctx, { code, outcome, detail }) {
    const referral = await findPartnerReferral(ctx, code);
    if (!referral) return;
    const partner = ctx.actor.partner?.name ?? '-';
    const succeeded = outcome === 'berhasil';
    const outcomeLabel = (locale: 'id' | 'su' | 'en') =>
      [t(locale, `referral.outcome.${outcome}`), detail].filter(Boolean).join(': ');
    const moved = await moveReferralAndTicket(ctx, referral, {
      action: succeeded
        ? { type: 'complete', outcome, ...(detail ? { reason: detail } : {}) }
        : { type: 'complete', outcome, reason: detail },
      eventType: succeeded ? 'referral_completed' : 'referral_failed',
      resident: (locale) =>
        succeeded
          ? t(locale, 'notify.completed', { code, summary: outcomeLabel(locale) })
          : t(locale, 'notify.referralReturned', { code, unit: referral.ticket.unitName }),
      unit: (locale) =>
        t(locale, 'staff.announce.referralDone', { code, partner, outcome: outcomeLabel(locale) }),
    });
    if (moved === null) return;
    if (succeeded) {
      ctx.afterCommit(() => askForFeedback(ctx.runtime, ctx.prisma, referral.ticket.id));
    }
    ctx.reply('partner.finish.ok', { code, outcome: outcomeLabel(ctx.actor.locale) });
  },
});
