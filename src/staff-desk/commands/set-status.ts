/**
 * /status KODE STATUS [pesan]: the moves that need nothing more than a new
 * status (DIVERIFIKASI, DIPROSES, back from MENUNGGU_WARGA). Statuses with
 * their own command (a partner, a reason, a summary) point to it instead.
 */
import {
  allowedActions,
  moveTicket,
  TICKET_STATUSES,
  type TicketAction,
  type TicketStatus,
} from '../../core/ticket-lifecycle.ts';
import { ticketStatusLabel } from '../../tickets/public-timeline.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { moveAndRecord, replyTold, tellResident, ticketOrReply, withMessage } from './shared.ts';

const OWN_COMMAND: Partial<Record<TicketStatus, string>> = {
  DIRUJUK: '/rujuk',
  MENUNGGU_WARGA: '/minta',
  DIESKALASI: '/eskalasi',
  SELESAI: '/selesai',
  DITUTUP: '/selesai',
  DITOLAK: '/tolak',
};

/** Actions only a referral's outcome may take (see referral-lifecycle.ts). */
const REFERRAL_DRIVEN = new Set([
  'referral_accepted',
  'referral_rejected',
  'referral_failed',
  'referral_cancelled',
]);

export function actionTowards(from: TicketStatus, to: TicketStatus): TicketAction | null {
  for (const type of allowedActions(from)) {
    if (REFERRAL_DRIVEN.has(type) || type === 'reject') continue;
    const action = (type === 'citizen_replied' ? { type, resumeTo: to } : { type }) as TicketAction;
    const move = moveTicket(from, action);
    if (move.ok && move.to === to) return action;
  }
  return null;
}

export const setStatusCommand = command({
  name: 'status',
  roles: STAFF,
  usage: 'staff.usage.status',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const [word = '', ...rest] = text.split(/\s+/);
    const target = word.toUpperCase();
    const message = rest.join(' ');
    if (!(TICKET_STATUSES as readonly string[]).includes(target)) {
      ctx.reply('staff.unknownStatus', { status: word, statuses: TICKET_STATUSES.join(', ') });
      return;
    }
    const to = target as TicketStatus;
    const own = OWN_COMMAND[to];
    if (own) {
      ctx.reply('staff.status.useCommand', { status: to, command: own });
      return;
    }
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const action = actionTowards(ticket.status, to);
    if (!action) {
      ctx.reply('staff.illegalMove', {
        code,
        status: ticket.status,
        action: `→ ${to}`,
      });
      return;
    }
    const moved = await moveAndRecord(ctx, ticket, action, { type: 'status_changed', message });
    if (!moved) return;
    const told = await tellResident(ctx, ticket, (locale) =>
      withMessage(
        locale,
        'notify.statusChanged',
        { code, status: ticketStatusLabel(locale, to) },
        message,
      ),
    );
    replyTold(ctx, 'staff.status.ok', { code, from: ticket.status, to }, ticket, told);
  },
});
