/** /terima KODE: the partner accepts a referral; the ticket is now being worked (DIPROSES). */
import { t } from '../../i18n/translate.ts';
import { command, PARTNER } from '../command.ts';
import { codeOnly } from '../command-args.ts';
import { findPartnerReferral, moveReferralAndTicket } from './partner-referral.ts';
import { replyTold } from './shared.ts';

export const acceptReferralCommand = command({
  name: 'terima',
  roles: PARTNER,
  usage: 'staff.usage.terima',
  args: codeOnly,
  async run(ctx, { code }) {
    const referral = await findPartnerReferral(ctx, code);
    if (!referral) return;
    const partner = ctx.actor.partner?.name ?? '-';
    const told = await moveReferralAndTicket(ctx, referral, {
      action: { type: 'accept' },
      eventType: 'referral_accepted',
      resident: (locale) => t(locale, 'notify.referralAccepted', { code, partner }),
      unit: (locale) => t(locale, 'staff.announce.referralAccepted', { code, partner }),
    });
    if (told !== null) replyTold(ctx, 'partner.accept.ok', { code }, referral.ticket, told);
  },
});
