/** What most ticket commands do first (find the ticket) and last (move it, tell the resident). */
import type { TicketAction } from '../../core/ticket-lifecycle.ts';
import { type Key, type Locale, type Params, t } from '../../i18n/translate.ts';
import { type ChangeResult, changeTicket, type TicketActor } from '../../tickets/change-ticket.ts';
import { notifyResident } from '../../tickets/notify-resident.ts';
import type { CommandContext } from '../command.ts';
import { findWorkedTicket, type WorkedTicket } from '../ticket-access.ts';

export function actorOf(ctx: CommandContext): TicketActor {
  return { kind: ctx.actor.role, id: ctx.actor.staffId };
}

export async function ticketOrReply(
  ctx: CommandContext,
  code: string,
): Promise<WorkedTicket | null> {
  const ticket = await findWorkedTicket(ctx.tx, ctx.actor, code, ctx.now);
  if (!ticket) ctx.reply('staff.ticketNotFound', { code });
  return ticket;
}

/** Answers a refused move in one line; returns the move when it happened. */
export function refusedOrMoved(
  ctx: CommandContext,
  ticket: WorkedTicket,
  action: TicketAction,
  result: ChangeResult,
): result is Extract<ChangeResult, { ok: true }> {
  if (result.ok) return true;
  ctx.reply('staff.illegalMove', {
    code: ticket.code,
    status: ticket.status,
    action: t(ctx.actor.locale, `action.ticket.${action.type}`),
  });
  return false;
}

export async function moveAndRecord(
  ctx: CommandContext,
  ticket: WorkedTicket,
  action: TicketAction,
  event: {
    type: string;
    message?: string | undefined;
    also?: Record<string, string | null>;
  },
): Promise<boolean> {
  const result = await changeTicket(ctx.tx, ctx.cipher, {
    ticket,
    action,
    actor: actorOf(ctx),
    eventType: event.type,
    visibility: 'public',
    message: event.message,
    also: event.also,
    now: ctx.now,
  });
  return refusedOrMoved(ctx, ticket, action, result);
}

/** The resident's update, in their language; `purpose` keeps two updates of one command apart. */
export function tellResident(
  ctx: CommandContext,
  ticket: { originIdentityId: string | null },
  compose: (locale: Locale) => string,
  purpose = 'resident',
): Promise<number> {
  return notifyResident(
    ctx.tx,
    ctx.cipher,
    ticket.originIdentityId,
    compose,
    `${ctx.causeKey}:${purpose}`,
    ctx.now,
  );
}

/**
 * Who the resident is to this desk right now: anonymous (nobody to tell), gone
 * (their chats no longer exist) or reachable. Commands that only make sense
 * with someone to read them (/balas, /minta) ask before they act.
 */
export async function residentReach(
  ctx: CommandContext,
  ticket: { originIdentityId: string | null; identityMode: string },
): Promise<'anonymous' | 'gone' | 'reachable'> {
  if (!ticket.originIdentityId) return ticket.identityMode === 'anonymous' ? 'anonymous' : 'gone';
  const chats = await ctx.tx.conversation.count({
    where: { identityId: ticket.originIdentityId },
  });
  return chats > 0 ? 'reachable' : 'gone';
}

/**
 * The staff member's answer with what really happened to the resident's
 * update: told (`chats` > 0), an anonymous complaint with no one to tell, or a
 * resident whose chat is gone. Never claims a message nobody will read.
 */
export function replyTold(
  ctx: CommandContext,
  key: Key,
  params: Params,
  ticket: { identityMode: string },
  chats: number,
  told: Key = 'staff.told.resident',
): void {
  const locale = ctx.actor.locale;
  const outcome =
    chats > 0
      ? told
      : ticket.identityMode === 'anonymous'
        ? 'staff.told.anonymous'
        : 'staff.told.unreachable';
  ctx.replyText(`${t(locale, key, params)} ${t(locale, outcome)}`);
}

/** A resident update that may carry the staff member's own words under it. */
export function withMessage(locale: Locale, key: Key, params: Params, message: string): string {
  const text = t(locale, key, params);
  return message ? t(locale, 'notify.withMessage', { text, message }) : text;
}
