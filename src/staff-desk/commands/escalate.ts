/**
 * /eskalasi KODE alasan: the ticket moves up to the unit above (desa →
 * kecamatan → kabupaten), whose koordinator now works it.
 */
import { t } from '../../i18n/translate.ts';
import { announceEscalation } from '../announcements.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { moveAndRecord, tellResident, ticketOrReply } from './shared.ts';

export const escalateCommand = command({
  name: 'eskalasi',
  roles: STAFF,
  usage: 'staff.usage.eskalasi',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    const above = ticket.unitParentId
      ? await ctx.tx.unit.findUnique({
          where: { id: ticket.unitParentId },
          select: { id: true, name: true },
        })
      : null;
    if (!above) {
      ctx.reply('staff.escalate.top', { unit: ticket.unitName });
      return;
    }
    const moved = await moveAndRecord(
      ctx,
      ticket,
      { type: 'escalate' },
      { type: 'escalated', message: text, also: { unitId: above.id, assigneeId: null } },
    );
    if (!moved) return;
    await tellResident(ctx, ticket, (locale) =>
      t(locale, 'notify.escalated', { code, unit: above.name }),
    );
    await announceEscalation(
      ctx.tx,
      ctx.cipher,
      { code, from: ticket.unitName, to: above.id, reason: text },
      ctx.now,
      ctx.chat,
    );
    ctx.reply('staff.escalate.ok', { code, unit: above.name });
  },
});
