/**
 * The partner's side of a referral: find the open referral of a ticket sent
 * to the actor's organisation, move it, carry its outcome over to the ticket
 * and tell the unit and the resident.
 */
import {
  moveReferral,
  type ReferralAction,
  type ReferralStatus,
  ticketActionFor,
} from '../../core/referral-lifecycle.ts';
import { type Locale, t } from '../../i18n/translate.ts';
import { sealText } from '../../security/sealed-text.ts';
import { changeTicket } from '../../tickets/change-ticket.ts';
import type { CommandContext } from '../command.ts';
import { tellStaffChats } from '../staff-chats.ts';
import {
  partnerReach,
  toWorkedTicket,
  WORKED_TICKET_FIELDS,
  type WorkedTicket,
} from '../ticket-access.ts';
import { actorOf, refusedOrMoved, tellResident } from './shared.ts';

export interface PartnerReferral {
  id: string;
  status: ReferralStatus;
  ticket: WorkedTicket;
}

/**
 * The latest referral of this ticket to the actor's organisation that still
 * gives it access (ticket-access.ts), or the answer that there is none: a
 * declined or cancelled referral reads like a code that does not exist.
 */
export async function findPartnerReferral(
  ctx: CommandContext,
  code: string,
): Promise<PartnerReferral | null> {
  const partner = ctx.actor.partner;
  const referral = partner
    ? await ctx.tx.referral.findFirst({
        where: { ...partnerReach(partner.id, ctx.now), ticket: { code } },
        orderBy: { createdAt: 'desc' },
        select: { id: true, status: true, ticket: { select: WORKED_TICKET_FIELDS } },
      })
    : null;
  if (!referral) {
    ctx.reply('partner.notFound', { code, partner: partner?.name ?? '-' });
    return null;
  }
  return {
    id: referral.id,
    status: referral.status as ReferralStatus,
    ticket: toWorkedTicket(referral.ticket),
  };
}

export interface ReferralStep {
  action: ReferralAction;
  eventType: string;
  /** the resident's update */
  resident: (locale: Locale) => string;
  /** the unit's staff chats' line, in each chat's language */
  unit: (locale: Locale) => string;
}

/**
 * Moves referral and ticket together and returns how many of the resident's
 * chats were told; null (with the reason answered) when either refuses.
 */
export async function moveReferralAndTicket(
  ctx: CommandContext,
  referral: PartnerReferral,
  step: ReferralStep,
): Promise<number | null> {
  const move = moveReferral(referral.status, step.action);
  if (!move.ok) {
    ctx.reply('staff.illegalMove', {
      code: referral.ticket.code,
      status: referral.status,
      action: t(ctx.actor.locale, `action.referral.${step.action.type}`),
    });
    return null;
  }
  const ticketAction = ticketActionFor(step.action);
  const result = await changeTicket(ctx.tx, ctx.cipher, {
    ticket: referral.ticket,
    action: ticketAction,
    actor: actorOf(ctx),
    eventType: step.eventType,
    visibility: 'public',
    message: 'reason' in step.action ? step.action.reason : undefined,
    now: ctx.now,
  });
  if (!refusedOrMoved(ctx, referral.ticket, ticketAction, result)) return null;
  const answered = step.action.type === 'accept' || step.action.type === 'reject';
  await ctx.tx.referral.update({
    where: { id: referral.id },
    data: {
      status: move.to,
      ...('reason' in step.action && step.action.reason
        ? { reason: sealText(ctx.cipher, step.action.reason) }
        : {}),
      ...(step.action.type === 'complete'
        ? { outcome: step.action.outcome, completedAt: ctx.now }
        : {}),
      ...(answered ? { respondedAt: ctx.now } : {}),
    },
  });
  const told = await tellResident(ctx, referral.ticket, step.resident);
  await tellStaffChats(
    ctx.tx,
    ctx.cipher,
    { unitId: referral.ticket.unitId },
    (locale) => ({ text: step.unit(locale), options: [] }),
    `${ctx.causeKey}:unit`,
    ctx.now,
  );
  return told;
}
