/** /verifikasi KODE: the resident's data has been checked. */
import { t } from '../../i18n/translate.ts';
import { command, STAFF } from '../command.ts';
import { codeOnly } from '../command-args.ts';
import { moveAndRecord, replyTold, tellResident, ticketOrReply } from './shared.ts';

export const verifyCommand = command({
  name: 'verifikasi',
  roles: STAFF,
  usage: 'staff.usage.verifikasi',
  args: codeOnly,
  async run(ctx, { code }) {
    const ticket = await ticketOrReply(ctx, code);
    if (!ticket) return;
    if (!(await moveAndRecord(ctx, ticket, { type: 'verify' }, { type: 'verified' }))) return;
    const told = await tellResident(ctx, ticket, (locale) =>
      t(locale, 'notify.verified', { code, unit: ticket.unitName }),
    );
    replyTold(ctx, 'staff.verify.ok', { code }, ticket, told);
  },
});
