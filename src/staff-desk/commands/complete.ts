/**
 * /selesai KODE ringkasan: a ticket being worked is completed (SELESAI) and
 * the resident is asked for feedback; a ticket already SELESAI (say, after a
 * partner's successful outcome) is closed (DITUTUP).
 */
import { t } from '../../i18n/translate.ts';
import { askForFeedback } from '../../tickets/ask-for-feedback.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { moveAndRecord, replyTold, tellResident, ticketOrReply } from './shared.ts';

export const completeCommand = command({
  name: 'selesai',
  roles: STAFF,
  usage: 'staff.usage.selesai',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    if (ticket.status === 'SELESAI') {
      if (!(await moveAndRecord(ctx, ticket, { type: 'close' }, { type: 'closed', message: text })))
        return;
      await tellResident(ctx, ticket, (locale) => t(locale, 'notify.closed', { code }));
      ctx.reply('staff.close.ok', { code });
      return;
    }
    const moved = await moveAndRecord(
      ctx,
      ticket,
      { type: 'complete' },
      { type: 'completed', message: text },
    );
    if (!moved) return;
    const told = await tellResident(ctx, ticket, (locale) =>
      t(locale, 'notify.completed', { code, summary: text }),
    );
    ctx.afterCommit(() => askForFeedback(ctx.runtime, ctx.prisma, ticket.id));
    replyTold(ctx, 'staff.complete.ok', { code }, ticket, told, 'staff.told.rating');
  },
});
