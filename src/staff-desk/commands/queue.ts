/** /antrian [STATUS]: the open tickets this staff member works, nearest due date first. */
import { isOpen, TICKET_STATUSES, type TicketStatus } from '../../core/ticket-lifecycle.ts';
import { t } from '../../i18n/translate.ts';
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
    const [total, tickets] = await Promise.all([
      ctx.tx.ticket.count({ where }),
      ctx.tx.ticket.findMany({
        where,
        orderBy: [{ slaDueAt: 'asc' }, { createdAt: 'asc' }],
        take: QUEUE_PAGE,
        select: {
          code: true,
          kind: true,
          status: true,
          serviceCode: true,
          topic: true,
          areaCode: true,
          slaDueAt: true,
          assignee: { select: { displayName: true } },
        },
      }),
    ]);
    const filter = word ? t(locale, 'staff.queue.filter', { status: word }) : '';
    if (total === 0) {
      ctx.reply('staff.queue.empty', { filter });
      return;
    }
    const lines = [t(locale, 'staff.queue.header', { count: total, filter })];
    for (const ticket of tickets) {
      const labels = ticketLabels(ctx.ref, locale, ticket);
      lines.push(
        t(locale, 'staff.queue.line', {
          code: ticket.code,
          status: ticket.status,
          about: labels.about,
          desa: labels.desa,
          due: labels.due,
          assignee: ticket.assignee
            ? t(locale, 'staff.queue.assignee', { name: ticket.assignee.displayName })
            : '',
        }),
      );
    }
    if (total > tickets.length) {
      lines.push(t(locale, 'staff.queue.more', { count: total - tickets.length }));
    }
    ctx.replyText(lines.join('\n'));
  },
});
