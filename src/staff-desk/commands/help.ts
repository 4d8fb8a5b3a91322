/** /bantuan: the commands this user may use, each with an example. */
import { t } from '../../i18n/translate.ts';
import type { StaffCommand } from '../command.ts';
import { command } from '../command.ts';
import { noArgs } from '../command-args.ts';

export function helpCommand(all: () => readonly StaffCommand<never>[]) {
  return command({
    name: 'bantuan',
    roles: ['petugas', 'koordinator', 'admin', 'mitra'],
    usage: 'staff.usage.bantuan',
    args: noArgs,
    async run(ctx) {
      const locale = ctx.actor.locale;
      const lines = [
        t(locale, 'staff.help.header', { role: t(locale, `staff.role.${ctx.actor.role}`) }),
      ];
      for (const each of all()) {
        if (!each.roles.includes(ctx.actor.role)) continue;
        const usage =
          each.name === 'tolak' && ctx.actor.role === 'mitra'
            ? 'staff.usage.tolakRujukan'
            : each.usage;
        lines.push(t(locale, usage));
      }
      ctx.replyText(lines.join('\n'));
    },
  });
}
