/**
 * /batalrujuk KODE alasan: the referring unit takes a ticket back from a
 * partner that has not finished it (the referral was TERKIRIM or DITERIMA).
 * A ticket the referral still drives (DIRUJUK, DIPROSES) returns to the
 * unit's queue (DIVERIFIKASI), where it can be referred again with /rujuk or
 * closed. A ticket the unit has taken over meanwhile (escalated, waiting for
 * the resident, finished) keeps its status: only the partner's part ends, so
 * a referral left open by an escalation can still be closed.
 *
 * Who hears what: the partner's contacts learn that the referral is off, but
 * not the reason (it is the unit's own words, may name the resident, and the
 * partner loses access to the ticket at once). When the ticket returns to
 * the queue the resident, who was told the partner would help, is told the
 * unit is looking for another way, again without the reason; otherwise the
 * resident's picture does not change and they are not told. The reason stays in the audit trail, sealed.
 */
import { moveReferral } from '../../core/referral-lifecycle.ts';
import { moveTicket } from '../../core/ticket-lifecycle.ts';
import { t } from '../../i18n/translate.ts';
import { sealText } from '../../security/sealed-text.ts';
import { recordTicketEvent } from '../../tickets/change-ticket.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { tellStaffChats } from '../staff-chats.ts';
import { LIVE_REFERRALS } from '../ticket-access.ts';
import { actorOf, moveAndRecord, tellResident, ticketOrReply } from './shared.ts';

export const cancelReferralCommand = command({
  name: 'batalrujuk',
  roles: STAFF,
  usage: 'staff.usage.batalrujuk',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const referral = await ctx.tx.referral.findFirst({
      where: { ticketId: ticket.id, status: { in: [...LIVE_REFERRALS] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, status: true, partnerId: true, partner: { select: { name: true } } },
    });
    if (!referral) {
      ctx.reply('staff.cancelReferral.none', { code });
      return;
    }
    const move = moveReferral(referral.status as (typeof LIVE_REFERRALS)[number], {
      type: 'cancel',
      reason: text,
    });
    if (!move.ok) {
      ctx.reply('staff.usage', { usage: t(ctx.actor.locale, 'staff.usage.batalrujuk') });
      return;
    }
    const backToQueue = moveTicket(ticket.status, { type: 'referral_cancelled' }).ok;
    if (backToQueue) {
      const moved = await moveAndRecord(
        ctx,
        ticket,
        { type: 'referral_cancelled' },
        { type: 'referral_cancelled', message: text },
      );
      if (!moved) return;
    } else {
      // The unit took the ticket over meanwhile (escalated it, asked the resident, finished
      // it): its status is the unit's and stays; only the partner's part ends.
      await recordTicketEvent(ctx.tx, ctx.cipher, {
        ticketId: ticket.id,
        type: 'referral_cancelled',
        actor: actorOf(ctx),
        visibility: 'internal',
        message: text,
        after: { referral: move.to },
        now: ctx.now,
      });
    }
    await ctx.tx.referral.update({
      where: { id: referral.id },
      data: { status: move.to, reason: sealText(ctx.cipher, text) },
    });
    await tellStaffChats(
      ctx.tx,
      ctx.cipher,
      { partnerId: referral.partnerId },
      (locale) => ({
        text: t(locale, 'partner.announce.cancelled', { code, unit: ticket.unitName }),
        options: [],
      }),
      `${ctx.causeKey}:partner`,
      ctx.now,
    );
    if (backToQueue) {
      await tellResident(ctx, ticket, (locale) =>
        t(locale, 'notify.referralReturned', { code, unit: ticket.unitName }),
      );
    }
    ctx.reply('staff.cancelReferral.ok', { code, partner: referral.partner.name });
  },
});
