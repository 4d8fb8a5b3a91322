/**
 * /bantuan: the commands this user may use, each with an example built from
 * codes that exist on this desk right now (usage-examples.ts).
 */
import { t } from '../../i18n/translate.ts';
import type { StaffCommand } from '../command.ts';
import { command } from '../command.ts';
import { noArgs } from '../command-args.ts';
import { usageExamples, usageLine } from '../usage-examples.ts';

export function helpCommand(all: () => readonly StaffCommand<never>[]) {
  return command({
    name: 'bantuan',
    roles: ['petugas', 'koordinator', 'admin', 'mitra'],
    usage: 'staff.usage.bantuan',
    args: noArgs,
    async run(ctx) {
      const locale = ctx.actor.locale;
      const examples = await usageExamples(ctx.tx, ctx.actor, ctx.now);
      const lines = [
        t(locale, 'staff.help.header', { role: t(locale, `staff.role.${ctx.actor.role}`) }),
      ];
      for (const each of all()) {
        if (!each.roles.includes(ctx.actor.role)) continue;
        lines.push(usageLine(locale, each, ctx.actor.role, examples.params));
      }
      if (!examples.realTicket) lines.push(t(locale, 'staff.help.noTicket', examples.params));
      ctx.replyText(lines.join('\n'));
    },
  });
}
