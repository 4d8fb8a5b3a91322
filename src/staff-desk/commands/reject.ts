/**
 * /tolak KODE alasan. For staff it rejects the ticket (the resident is told
 * why: never "rejected" alone); for a partner it declines the referral and
 * the ticket returns to the unit's queue with the reason.
 */
import { t } from '../../i18n/translate.ts';
import { command, PARTNER, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { findPartnerReferral, moveReferralAndTicket } from './partner-referral.ts';
import { moveAndRecord, replyTold, tellResident, ticketOrReply } from './shared.ts';

export const rejectCommand = command({
  name: 'tolak',
  roles: [...STAFF, ...PARTNER],
  usage: 'staff.usage.tolak',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    if (ctx.actor.role === 'mitra') {
      const referral = await findPartnerReferral(ctx, code);
      if (!referral) return;
      const partner = ctx.actor.partner?.name ?? '-';
      const moved = await moveReferralAndTicket(ctx, referral, {
        action: { type: 'reject', reason: text },
        eventType: 'referral_rejected',
        resident: (locale) =>
          t(locale, 'notify.referralReturned', { code, unit: referral.ticket.unitName }),
        unit: (locale) =>
          t(locale, 'staff.announce.referralRejected', { code, partner, reason: text }),
      });
      if (moved !== null) ctx.reply('partner.reject.ok', { code, unit: referral.ticket.unitName });
      return;
    }
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const moved = await moveAndRecord(
      ctx,
      ticket,
      { type: 'reject', reason: 'other', note: text },
      { type: 'rejected', message: text },
    );
    if (!moved) return;
    const told = await tellResident(ctx, ticket, (locale) =>
      t(locale, 'notify.rejected', { code, reason: text }),
    );
    replyTold(ctx, 'staff.reject.ok', { code }, ticket, told, 'staff.told.reason');
  },
});
