/**
 * /eskalasi KODE alasan: the ticket moves up to the unit above (desa →
 * kecamatan → kabupaten), whose koordinator now works it. The move and its
 * messages are escalateTicket's, shared with the SLA watch's automatic escalation.
 */
import { escalateTicket } from '../../tickets/escalate-ticket.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { actorOf, refusedOrMoved, ticketOrReply } from './shared.ts';

export const escalateCommand = command({
  name: 'eskalasi',
  roles: STAFF,
  usage: 'staff.usage.eskalasi',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const result = await escalateTicket(ctx.tx, ctx.cipher, {
      ticket,
      actor: actorOf(ctx),
      reason: text,
      causeKey: ctx.causeKey,
      now: ctx.now,
      except: ctx.chat,
    });
    if (result.outcome === 'top') {
      ctx.reply('staff.escalate.top', { unit: ticket.unitName });
      return;
    }
    if (result.outcome === 'refused') {
      refusedOrMoved(ctx, ticket, { type: 'escalate' }, result.change);
      return;
    }
    ctx.reply('staff.escalate.ok', { code, unit: result.above.name });
  },
});
