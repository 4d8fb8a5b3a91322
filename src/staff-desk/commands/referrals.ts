/** /rujukan: the partner's incoming and open referrals, oldest first. */
import { formatLongDate } from '../../i18n/format-date.ts';
import { t } from '../../i18n/translate.ts';
import { command, PARTNER } from '../command.ts';
import { noArgs } from '../command-args.ts';
import { ticketLabels } from '../ticket-labels.ts';

const PAGE = 15;

export const referralsCommand = command({
  name: 'rujukan',
  roles: PARTNER,
  usage: 'staff.usage.rujukan',
  args: noArgs,
  async run(ctx) {
    const locale = ctx.actor.locale;
    const partner = ctx.actor.partner;
    const referrals = partner
      ? await ctx.tx.referral.findMany({
          where: { partnerId: partner.id, status: { in: ['TERKIRIM', 'DITERIMA'] } },
          orderBy: { createdAt: 'asc' },
          take: PAGE,
          select: {
            status: true,
            createdAt: true,
            ticket: {
              select: { code: true, kind: true, serviceCode: true, topic: true, areaCode: true },
            },
          },
        })
      : [];
    const name = partner?.name ?? '-';
    if (referrals.length === 0) {
      ctx.reply('partner.referrals.empty', { partner: name });
      return;
    }
    const lines = [
      t(locale, 'partner.referrals.header', { partner: name, count: referrals.length }),
    ];
    for (const referral of referrals) {
      const labels = ticketLabels(ctx.ref, locale, referral.ticket);
      lines.push(
        t(locale, 'partner.referrals.line', {
          code: referral.ticket.code,
          status: referral.status,
          about: labels.about,
          desa: labels.desa,
          sent: formatLongDate(locale, referral.createdAt),
        }),
      );
    }
    ctx.replyText(lines.join('\n'));
  },
});
