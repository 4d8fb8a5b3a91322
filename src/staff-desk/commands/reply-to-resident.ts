/**
 * /balas KODE pesan: a message to the resident, on the ticket's two-way
 * thread (the resident writes back through "Hubungi petugas").
 */
import { deliverStaffReply } from '../../runtime/deliver-staff-reply.ts';
import { recordTicketEvent } from '../../tickets/change-ticket.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { actorOf, residentReach, ticketOrReply } from './shared.ts';

export const replyCommand = command({
  name: 'balas',
  roles: STAFF,
  usage: 'staff.usage.balas',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const reach = await residentReach(ctx, ticket);
    if (reach !== 'reachable' || !ticket.originIdentityId) {
      ctx.reply(reach === 'anonymous' ? 'staff.noResident' : 'staff.residentGone', { code });
      return;
    }
    await deliverStaffReply(
      ctx.tx,
      ctx.cipher,
      {
        threadTargetIdentityId: ticket.originIdentityId,
        unitId: ticket.unitId,
        ticketId: ticket.id,
        staffId: ctx.actor.staffId,
        text,
      },
      `${ctx.causeKey}:reply`,
      ctx.now,
    );
    await recordTicketEvent(ctx.tx, ctx.cipher, {
      ticketId: ticket.id,
      type: 'staff_message',
      actor: actorOf(ctx),
      visibility: 'public',
      message: text,
      now: ctx.now,
    });
    ctx.reply('staff.reply.ok', { code });
  },
});
