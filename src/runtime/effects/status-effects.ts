/**
 * Effects of the status flow (flows/status.ts). Anyone who knows a tracking
 * code may look it up, so the card is built from public facts only: status,
 * the unit or partner organisation holding the case, due date and public
 * events. No name, NIK, phone, description or staff member ever goes in.
 */
import type { TicketCard } from '../../../flows/status.ts';
import { formatLongDate } from '../../i18n/format-date.ts';
import { t } from '../../i18n/translate.ts';
import {
  publicTimeline,
  TIMELINE_LIMIT,
  ticketStatusLabel,
} from '../../tickets/public-timeline.ts';
import type { EffectHandler } from '../turn-scope.ts';

/** A partner holds the case while its referral is sent or accepted. */
const HOLDING_REFERRALS = ['TERKIRIM', 'DITERIMA'];

export const statusEffectHandlers: Record<string, EffectHandler> = {
  async lookupTicket(scope, params) {
    const code = String(params.code ?? '');
    const ticket = await scope.tx.ticket.findUnique({
      where: { code },
      select: {
        status: true,
        slaDueAt: true,
        unit: { select: { name: true } },
        referrals: {
          where: { status: { in: HOLDING_REFERRALS } },
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: { partner: { select: { name: true } } },
        },
        events: {
          where: { visibility: 'public' },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: TIMELINE_LIMIT,
          select: { type: true, toStatus: true, createdAt: true },
        },
      },
    });
    if (!ticket) return { type: 'TICKET_NOT_FOUND', code };
    const card: TicketCard = {
      code,
      statusLabel: ticketStatusLabel(scope.locale, ticket.status),
      holder: ticket.referrals[0]?.partner.name ?? ticket.unit.name,
      dueDate: ticket.slaDueAt
        ? formatLongDate(scope.locale, ticket.slaDueAt)
        : t(scope.locale, 'status.noDueDate'),
      timeline: publicTimeline(scope.locale, ticket.events.reverse()),
    };
    return { type: 'TICKET_FOUND', ...card };
  },
};
