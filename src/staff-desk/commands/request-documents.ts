/** /minta KODE pesan: ask the resident for something; the ticket waits for them (MENUNGGU_WARGA). */

import { t } from '../../i18n/translate.ts';
import { command, STAFF } from '../command.ts';
import { codeAndText } from '../command-args.ts';
import { moveAndRecord, residentReach, tellResident, ticketOrReply } from './shared.ts';

export const requestDocumentsCommand = command({
  name: 'minta',
  roles: STAFF,
  usage: 'staff.usage.minta',
  args: codeAndText(true),
  async run(ctx, { code, text }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    // Waiting for someone who cannot read the request would stop the ticket for good.
    const reach = await residentReach(ctx, ticket);
    if (reach !== 'reachable') {
      ctx.reply(reach === 'anonymous' ? 'staff.noResident' : 'staff.residentGone', { code });
      return;
    }
    const moved = await moveAndRecord(
      ctx,
      ticket,
      { type: 'wait_for_citizen' },
      { type: 'waiting_for_resident', message: text },
    );
    if (!moved) return;
    await tellResident(ctx, ticket, (locale) =>
      t(locale, 'notify.waiting', { code, unit: ticket.unitName, message: text }),
    );
    ctx.reply('staff.request.ok', { code });
  },
});
