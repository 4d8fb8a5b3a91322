/**
 * /antrian [STATUS]: the open tickets this staff member works, most urgent
 * first: overdue (the latest first), then by due date, then the tickets
 * paused while the resident is asked (MENUNGGU_WARGA). Overdue and near-due
 * lines carry a marker, counted in working days (working-days-left.ts).
 * Each line gets the Lihat/Ambil options of a new-ticket announcement
 * (buttons on Telegram, typed on WhatsApp), without Ambil for a ticket the
 * asker holds already.
 */

import type { Prisma } from '../../../prisma/generated/sqlite/index.js';
import {
  isOpen,
  slaPaused,
  TICKET_STATUSES,
  type TicketStatus,
} from '../../core/ticket-lifecycle.ts';
import {
  compareUrgency,
  type TimeLeft,
  timeLeft,
  type Urgency,
  urgencyOf,
} from '../../core/working-days-left.ts';
import { type Locale, t } from '../../i18n/translate.ts';
import type { OutboundOption } from '../../runtime/messages.ts';
import type { Tx } from '../../store/database.ts';
import { viewAndClaim } from '../announcements.ts';
import { command, STAFF } from '../command.ts';
import { optionalWord } from '../command-args.ts';
import { ticketScope } from '../ticket-access.ts';
import { ticketLabels } from '../ticket-labels.ts';

/** What fits one chat message on a small screen. */
export const QUEUE_PAGE = 15;

export const queueCommand = command({
  name: 'antrian',
  roles: STAFF,
  usage: 'staff.usage.antrian',
  args: optionalWord,
  async run(ctx, { word }) {
    const locale = ctx.actor.locale;
    if (word && !(TICKET_STATUSES as readonly string[]).includes(word)) {
      ctx.reply('staff.unknownStatus', { status: word, statuses: TICKET_STATUSES.join(', ') });
      return;
    }
    const statuses = word ? [word as TicketStatus] : TICKET_STATUSES.filter(isOpen);
    const where = {
      AND: [await ticketScope(ctx.tx, ctx.actor, ctx.now), { status: { in: statuses } }],
    };
    // One after the other: both run on the turn's one connection, which takes one query at a time.
    const total = await ctx.tx.ticket.count({ where });
    const tickets = await mostUrgent(ctx.tx, where);
    const filter = word ? t(locale, 'staff.queue.filter', { status: word }) : '';
    if (total === 0) {
      ctx.reply('staff.queue.empty', { filter });
      return;
    }
    const lines = [t(locale, 'staff.queue.header', { count: total, filter })];
    const options: OutboundOption[] = [];
    const ranked = tickets
      .map((ticket) => {
        const left = timeLeft(
          { dueAt: ticket.slaDueAt, paused: slaPaused(ticket.status as TicketStatus) },
          ctx.now,
          ctx.ref.holidays,
        );
        return { ...ticket, dueAt: ticket.slaDueAt, left, urgency: urgencyOf(left) };
      })
      .sort(compareUrgency);
    for (const ticket of ranked) {
      const labels = ticketLabels(ctx.ref, locale, ticket);
      lines.push(
        t(locale, 'staff.queue.line', {
          code: ticket.code,
          status: ticket.status,
          about: labels.about,
          desa: labels.desa,
          due: labels.due,
          urgency: marker(locale, ticket.left, ticket.urgency),
          assignee: ticket.assignee
            ? t(locale, 'staff.queue.assignee', { name: ticket.assignee.displayName })
            : '',
        }),
      );
      const [view, claim] = viewAndClaim(locale, ticket.code);
      options.push(...(ticket.assigneeId === ctx.actor.staffId ? [view] : [view, claim]));
    }
    if (total > tickets.length) {
      lines.push(t(locale, 'staff.queue.more', { count: total - tickets.length }));
    }
    ctx.replyText(lines.join('\n'), options);
  },
});

const QUEUE_FIELDS = {
  code: true,
  kind: true,
  status: true,
  serviceCode: true,
  topic: true,
  areaCode: true,
  slaDueAt: true,
  assigneeId: true,
  assignee: { select: { displayName: true } },
} as const;

/**
 * One page in urgency order, fetched in that order (running tickets by due
 * date, then those without one, then the paused ones), so a long queue never
 * hides an overdue ticket behind a paused one. Nulls sort differently in
 * SQLite and PostgreSQL, hence the separate queries.
 */
async function mostUrgent(tx: Tx, where: Prisma.TicketWhereInput) {
  const parts: Prisma.TicketWhereInput[] = [
    { status: { not: 'MENUNGGU_WARGA' }, slaDueAt: { not: null } },
    { status: { not: 'MENUNGGU_WARGA' }, slaDueAt: null },
    { status: 'MENUNGGU_WARGA' },
  ];
  const page = [];
  for (const part of parts) {
    if (page.length >= QUEUE_PAGE) break;
    page.push(
      ...(await tx.ticket.findMany({
        where: { AND: [where, part] },
        orderBy: [{ slaDueAt: 'asc' }, { createdAt: 'asc' }],
        take: QUEUE_PAGE - page.length,
        select: QUEUE_FIELDS,
      })),
    );
  }
  return page;
}

function marker(locale: Locale, left: TimeLeft, urgency: Urgency): string {
  if (urgency === 'paused') return t(locale, 'staff.queue.paused');
  if (left.kind === 'late') return t(locale, 'staff.queue.overdue', { days: left.workingDays });
  if (left.kind === 'left' && urgency === 'nearDue') {
    return t(locale, 'staff.queue.nearDue', { days: left.workingDays });
  }
  return '';
}
