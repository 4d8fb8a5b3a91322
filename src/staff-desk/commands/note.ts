/** /catatan KODE teks: an internal note; it never reaches the resident or a partner. */
import { recordTicketEvent } from '../../tickets/change-ticket.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { actorOf, ticketOrReply } from './shared.ts';

export const noteCommand = command({
  name: 'catatan',
  roles: STAFF,
  usage: 'staff.usage.catatan',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    await recordTicketEvent(ctx.tx, ctx.cipher, {
      ticketId: ticket.id,
      type: 'note',
      actor: actorOf(ctx),
      visibility: 'internal',
      message: text,
      now: ctx.now,
    });
    ctx.reply('staff.note.ok', { code });
  },
});
