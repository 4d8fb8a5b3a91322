/** /ambil KODE: the staff member takes the ticket; taking it from a colleague is recorded. */
import { recordTicketEvent } from '../../tickets/change-ticket.ts';
import { command, STAFF } from '../command.ts';
import { codeOnly } from '../command-args.ts';
import { actorOf, ticketOrReply } from './shared.ts';

export const claimCommand = command({
  name: 'ambil',
  roles: STAFF,
  usage: 'staff.usage.ambil',
  args: codeOnly,
  async run(ctx, { code }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    if (ticket.assigneeId === ctx.actor.staffId) {
      ctx.reply('staff.claim.already', { code });
      return;
    }
    const previous = ticket.assigneeId
      ? await ctx.tx.staff.findUnique({
          where: { id: ticket.assigneeId },
          select: { displayName: true },
        })
      : null;
    await ctx.tx.ticket.update({
      where: { id: ticket.id },
      data: { assigneeId: ctx.actor.staffId },
    });
    await recordTicketEvent(ctx.tx, ctx.cipher, {
      ticketId: ticket.id,
      type: 'claimed',
      actor: actorOf(ctx),
      visibility: 'internal',
      before: { assigneeId: ticket.assigneeId },
      after: { assigneeId: ctx.actor.staffId },
      now: ctx.now,
    });
    if (previous) ctx.reply('staff.claim.taken', { code, name: previous.displayName });
    else ctx.reply('staff.claim.ok', { code });
  },
});
