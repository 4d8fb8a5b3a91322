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
  type PublicEvent,
  publicTimeline,
  TIMELINE_LIMIT,
  ticketStatusLabel,
} from '../../tickets/public-timeline.ts';
import type { EffectHandler } from '../turn-scope.ts';

/** A partner holds the case while its referral is sent or accepted. */
const [SENT, ACCEPTED] = ['TERKIRIM', 'DITERIMA'];

export const statusEffectHandlers: Record<string, EffectHandler> = {
  async lookupTicket(scope, params) {
    const code = String(params.code ?? '');
    // Raw: a bansos announcement sends thousands to "cek status" at once, and
    // the same read as a model query with its relations took five statements.
    const [ticket] = await scope.tx.$queryRaw<
      {
        id: string;
        status: string;
        slaDueAt: Date | null;
        unitName: string;
        partnerName: string | null;
      }[]
    >`SELECT t."id", t."status", t."slaDueAt", u."name" AS "unitName",
        (SELECT p."name" FROM "Referral" r JOIN "Partner" p ON p."id" = r."partnerId"
          WHERE r."ticketId" = t."id" AND r."status" IN (${SENT}, ${ACCEPTED})
          ORDER BY r."createdAt" DESC LIMIT 1) AS "partnerName"
      FROM "Ticket" t JOIN "Unit" u ON u."id" = t."unitId"
      WHERE t."code" = ${code}`;
    if (!ticket) return { type: 'TICKET_NOT_FOUND', code };
    const events = await scope.tx.$queryRaw<PublicEvent[]>`
      SELECT "type", "toStatus", "createdAt" FROM "TicketEvent"
      WHERE "ticketId" = ${ticket.id} AND "visibility" = 'public'
      ORDER BY "createdAt" DESC, "id" DESC LIMIT ${TIMELINE_LIMIT}`;
    const card: TicketCard = {
      code,
      statusLabel: ticketStatusLabel(scope.locale, ticket.status),
      holder: ticket.partnerName ?? ticket.unitName,
      dueDate: ticket.slaDueAt
        ? formatLongDate(scope.locale, ticket.slaDueAt)
        : t(scope.locale, 'status.noDueDate'),
      timeline: publicTimeline(scope.locale, events.reverse()),
    };
    return { type: 'TICKET_FOUND', ...card };
  },
};
