/**
 * Watches the two deadlines of open tickets. First response: a BARU ticket
 * nobody has claimed, from filing to `firstResponseDueAt`. Resolution: any
 * ticket the unit is working, from filing (or its reopening) to `slaDueAt`. At 50% and 80% the
 * assigned staff member (or the unit) is reminded; at the deadline the ticket
 * is escalated (see breach.ts). A ticket waiting for the resident
 * (MENUNGGU_WARGA) or finished is not in the query, so it is skipped.
 */
import type { Prisma } from '../../prisma/generated/sqlite/index.js';
import type { TicketStatus } from '../core/ticket-lifecycle.ts';
import { formatLongDate } from '../i18n/format-date.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';
import { handleBreach } from './breach.ts';
import { remindTicketStaff } from './remind-staff.ts';
import { PAGE, type SlaDeps } from './sla-deps.ts';
import { doOnce } from './sla-notice.ts';
import { LOOK_AHEAD_MS, reachedThreshold } from './sla-thresholds.ts';

export type TicketDeadline = 'first_response' | 'resolution';

/** Statuses in which the unit (or a partner for it) is still working towards resolution. */
export const WORKED_STATUSES: TicketStatus[] = [
  'BARU',
  'DIVERIFIKASI',
  'DIRUJUK',
  'DIPROSES',
  'DIESKALASI',
  'DIBUKA_KEMBALI',
];

export const watchedTicket = {
  id: true,
  code: true,
  status: true,
  unitId: true,
  assigneeId: true,
  originIdentityId: true,
  createdAt: true,
  slaStartedAt: true,
  slaDueAt: true,
  firstResponseDueAt: true,
  unit: { select: { name: true, parentId: true } },
} satisfies Prisma.TicketSelect;

export type WatchedTicket = Prisma.TicketGetPayload<{ select: typeof watchedTicket }>;

function query(kind: TicketDeadline, horizon: Date): Prisma.TicketWhereInput {
  return kind === 'first_response'
    ? { status: 'BARU', assigneeId: null, firstResponseDueAt: { not: null, lte: horizon } }
    : { status: { in: WORKED_STATUSES }, slaDueAt: { not: null, lte: horizon } };
}

/** One pass over both deadlines; returns how many reminders and breaches were handled. */
export async function sweepTicketDeadlines(deps: SlaDeps, now: Date): Promise<number> {
  let done = 0;
  const horizon = new Date(now.getTime() + LOOK_AHEAD_MS);
  for (const kind of ['first_response', 'resolution'] as const) {
    let after = '';
    for (;;) {
      const page = await deps.prisma.ticket.findMany({
        where: { ...query(kind, horizon), id: { gt: after } },
        select: watchedTicket,
        orderBy: { id: 'asc' },
        take: PAGE,
      });
      for (const ticket of page) {
        if (await watchTicket(deps, kind, ticket, now)) done += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]?.id ?? after;
    }
  }
  return done;
}

async function watchTicket(
  deps: SlaDeps,
  kind: TicketDeadline,
  ticket: WatchedTicket,
  now: Date,
): Promise<boolean> {
  const dueAt = kind === 'first_response' ? ticket.firstResponseDueAt : ticket.slaDueAt;
  if (!dueAt) return false;
  const threshold = reachedThreshold(
    ticket.slaStartedAt ?? ticket.createdAt,
    dueAt,
    now,
    deps.ref.holidays,
  );
  if (!threshold) return false;
  const done = await doOnce(
    deps.prisma,
    { ticketId: ticket.id, kind, threshold, dueAt },
    now,
    async (tx) => {
      const params = (locale: Locale) => ({
        code: ticket.code,
        deadline: t(locale, `sla.deadline.${kind}` as Key),
        due: formatLongDate(locale, dueAt),
      });
      const causeKey = `sla:${ticket.id}:${kind}:${threshold}:${dueAt.getTime()}`;
      if (threshold === 'breach') {
        await handleBreach(deps, tx, ticket, params, causeKey, now);
        return;
      }
      await remindTicketStaff(
        tx,
        deps.cipher,
        ticket,
        (locale) => ({
          text: t(locale, 'sla.remind.ticket', { ...params(locale), percent: threshold }),
          options: [],
        }),
        causeKey,
        now,
      );
    },
  );
  // Counted once committed: a sweep that lost the race or found the ticket changed did nothing.
  if (done && threshold === 'breach') deps.metrics?.slaBreach(kind);
  return done;
}
