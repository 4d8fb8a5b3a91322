/**
 * A finished (SELESAI) ticket the resident never rated closes by itself after
 * 7 days: a `sistem` event and a note to the resident. "Became SELESAI" is the
 * latest audit event into SELESAI, so a ticket reopened and finished again gets
 * its full 7 days from the second finish.
 */
import { t } from '../i18n/translate.ts';
import { changeTicket } from '../tickets/change-ticket.ts';
import { notifyResident } from '../tickets/notify-resident.ts';
import { PAGE, type SlaDeps, STAFF_LOCALE } from './sla-deps.ts';
import { doOnce, NotNow } from './sla-notice.ts';

export const FEEDBACK_WAIT_MS = 7 * 24 * 60 * 60_000;

export async function closeUnratedTickets(deps: SlaDeps, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - FEEDBACK_WAIT_MS);
  let closed = 0;
  let after = '';
  for (;;) {
    const page = await deps.prisma.ticket.findMany({
      where: {
        status: 'SELESAI',
        id: { gt: after },
        events: { some: { toStatus: 'SELESAI', createdAt: { lte: cutoff } } },
      },
      select: {
        id: true,
        code: true,
        originIdentityId: true,
        events: {
          where: { toStatus: 'SELESAI' },
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: { createdAt: true },
        },
      },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    for (const ticket of page) {
      const finishedAt = ticket.events[0]?.createdAt;
      if (!finishedAt || finishedAt > cutoff) continue;
      const dueAt = new Date(finishedAt.getTime() + FEEDBACK_WAIT_MS);
      const key = { ticketId: ticket.id, kind: 'feedback', threshold: 'breach', dueAt } as const;
      const done = await doOnce(deps.prisma, key, now, async (tx) => {
        const change = await changeTicket(tx, deps.cipher, {
          ticket: { id: ticket.id, status: 'SELESAI' },
          action: { type: 'close' },
          actor: { kind: 'sistem', id: null },
          eventType: 'closed',
          visibility: 'public',
          message: t(STAFF_LOCALE, 'sla.feedback.event'),
          now,
        });
        // Rated or reopened a moment ago: nothing to close.
        if (!change.ok) throw new NotNow(ticket.id);
        await notifyResident(
          tx,
          deps.cipher,
          ticket.originIdentityId,
          (locale) => t(locale, 'sla.feedback.closed', { code: ticket.code }),
          `sla:${ticket.id}:feedback:${dueAt.getTime()}`,
          now,
        );
      });
      if (done) closed += 1;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id ?? after;
  }
  return closed;
}
