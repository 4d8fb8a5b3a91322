/**
 * A referral the partner has neither accepted nor declined (still TERKIRIM)
 * after the service's `referralResponseDays` working days: halfway through, the
 * partner's contacts are reminded; at the deadline they are reminded again and
 * the referring unit is told, so the ticket does not sit in DIRUJUK for good.
 */
import { addWorkingDays } from '../core/working-days.ts';
import { formatLongDate } from '../i18n/format-date.ts';
import { type Locale, t } from '../i18n/translate.ts';
import { tellStaffChats } from '../staff-desk/staff-chats.ts';
import { PAGE, type SlaDeps } from './sla-deps.ts';
import { doOnce } from './sla-notice.ts';
import { reachedThreshold } from './sla-thresholds.ts';

/** Used when a ticket has no service (a complaint about something else). */
export const DEFAULT_REFERRAL_RESPONSE_DAYS = 2;

export async function sweepReferralDeadlines(deps: SlaDeps, now: Date): Promise<number> {
  let done = 0;
  let after = '';
  for (;;) {
    const page = await deps.prisma.referral.findMany({
      where: { status: 'TERKIRIM', createdAt: { lte: now }, id: { gt: after } },
      select: {
        id: true,
        createdAt: true,
        partnerId: true,
        partner: { select: { name: true } },
        ticket: {
          select: {
            id: true,
            code: true,
            unitId: true,
            unit: { select: { name: true } },
            service: { select: { referralResponseDays: true } },
          },
        },
      },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    for (const referral of page) {
      const days = referral.ticket.service?.referralResponseDays ?? DEFAULT_REFERRAL_RESPONSE_DAYS;
      const dueAt = addWorkingDays(referral.createdAt, days, deps.ref.holidays);
      const reached = reachedThreshold(referral.createdAt, dueAt, now, deps.ref.holidays);
      if (!reached) continue;
      // Partners get one reminder halfway and one at the deadline, not three.
      const threshold = reached === '80' ? '50' : reached;
      const { ticket } = referral;
      const key = {
        ticketId: ticket.id,
        referralId: referral.id,
        kind: 'referral',
        threshold,
        dueAt,
      } as const;
      const causeKey = `sla:${referral.id}:referral:${threshold}:${dueAt.getTime()}`;
      const params = (locale: Locale) => ({
        code: ticket.code,
        due: formatLongDate(locale, dueAt),
      });
      const told = await doOnce(deps.prisma, key, now, async (tx) => {
        await tellStaffChats(
          tx,
          deps.cipher,
          { partnerId: referral.partnerId },
          (locale) => ({
            text: t(locale, 'sla.referral.remind', { ...params(locale), unit: ticket.unit.name }),
            options: [],
          }),
          causeKey,
          now,
        );
        if (threshold !== 'breach') return;
        await tellStaffChats(
          tx,
          deps.cipher,
          { unitId: ticket.unitId },
          (locale) => ({
            text: t(locale, 'sla.referral.breach', {
              ...params(locale),
              partner: referral.partner.name,
            }),
            options: [],
          }),
          `${causeKey}:unit`,
          now,
        );
      });
      if (told) done += 1;
      if (told && threshold === 'breach') deps.metrics?.slaBreach('referral');
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id ?? after;
  }
  return done;
}
