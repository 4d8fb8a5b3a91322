/**
 * Effects of the talk-to-staff flow (flows/contact-staff.ts): list the
 * resident's open tickets, and put each message into the unit's thread.
 */
import type { ContactStaffEffectParams } from '../../../flows/contact-staff.ts';
import { isOpen, TICKET_STATUSES, type TicketStatus } from '../../core/ticket-lifecycle.ts';
import { t } from '../../i18n/translate.ts';
import { forwardResidentMessage } from '../../staff-desk/announcements.ts';
import { alertUnit } from '../../staff-desk/resident-alerts.ts';
import { changeTicket } from '../../tickets/change-ticket.ts';
import { findOwnTicket } from '../../tickets/own-ticket.ts';
import type { EffectHandler, TurnScope } from '../turn-scope.ts';

/**
 * A resident writing to the unit about a ticket that waits for them
 * (MENUNGGU_WARGA, after /minta) has answered: the ticket goes back to the
 * status it had, and its SLA clock runs again.
 */
async function resumeIfWaiting(scope: TurnScope, ticketId: string): Promise<void> {
  const ticket = await scope.tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { status: true, resumeStatus: true },
  });
  if (ticket.status !== 'MENUNGGU_WARGA' || !ticket.resumeStatus) return;
  const resumed = await changeTicket(scope.tx, scope.cipher, {
    ticket: { id: ticketId, status: 'MENUNGGU_WARGA' },
    action: { type: 'citizen_replied', resumeTo: ticket.resumeStatus as TicketStatus },
    actor: { kind: 'warga', id: scope.citizenId },
    eventType: 'citizen_replied',
    visibility: 'public',
    now: scope.now,
  });
  // The message itself reached the unit already; this says the ticket's clock runs again.
  if (resumed.ok) {
    await alertUnit(scope.tx, scope.cipher, ticketId, { kind: 'answered' }, scope.now);
  }
}

/** More than fits a chat keyboard is no help; the newest come first. */
const MAX_TICKETS = 8;

async function targetUnit(scope: TurnScope, params: ContactStaffEffectParams['messageStaff']) {
  if (params.ticketCode !== '') {
    const ticket = await findOwnTicket(scope.tx, params.ticketCode, scope.identityId);
    return ticket
      ? { id: ticket.unitId, name: ticket.unitName, ticketId: ticket.id, ticketCode: ticket.code }
      : null;
  }
  if (params.desaCode === '') return null;
  const unit = await scope.tx.unit.findUnique({
    where: { code: params.desaCode },
    select: { id: true, name: true, active: true },
  });
  return unit?.active ? { id: unit.id, name: unit.name, ticketId: null, ticketCode: null } : null;
}

/** "[foto] caption": staff see that something came, the bytes stay in attachment storage. */
async function threadText(scope: TurnScope, text: string, attachmentIds: string[]) {
  if (attachmentIds.length === 0) return text;
  const rows = await scope.tx.attachment.findMany({
    where: { id: { in: attachmentIds } },
    select: { kind: true },
  });
  const markers = rows.map((row) => (row.kind === 'document' ? '[dokumen]' : '[foto]'));
  return [...markers, text].filter((part) => part !== '').join(' ') || '[foto]';
}

export const contactStaffEffectHandlers: Record<string, EffectHandler> = {
  async findOpenTickets(scope) {
    const tickets = await scope.tx.ticket.findMany({
      where: {
        originIdentityId: scope.identityId,
        status: { in: TICKET_STATUSES.filter(isOpen) },
      },
      orderBy: { createdAt: 'desc' },
      take: MAX_TICKETS,
      select: { code: true, status: true, serviceCode: true },
    });
    if (tickets.length === 0) return undefined;
    return {
      type: 'OPEN_TICKETS',
      tickets: tickets.map((ticket) => {
        const service = ticket.serviceCode ? scope.ref.service(ticket.serviceCode) : undefined;
        const status = t(scope.locale, `status.ticket.${ticket.status as TicketStatus}`);
        const about = service ? `${service.name[scope.locale]}, ${status}` : status;
        return { id: ticket.code, label: `${ticket.code} (${about})` };
      }),
    };
  },

  async messageStaff(scope, params) {
    const message = params as ContactStaffEffectParams['messageStaff'];
    const unit = await targetUnit(scope, message);
    if (!unit) return { type: 'STAFF_UNREACHABLE' };
    if (unit.ticketId && message.attachmentIds.length > 0) {
      await scope.tx.attachment.updateMany({
        where: { id: { in: message.attachmentIds }, ticketId: null },
        data: { ticketId: unit.ticketId },
      });
    }
    const text = await threadText(scope, message.text, message.attachmentIds);
    const saved = await scope.tx.threadMessage.create({
      data: {
        unitId: unit.id,
        identityId: scope.identityId,
        ticketId: unit.ticketId,
        direction: 'from_citizen',
        // Residents type their NIK or name here as often as anywhere.
        text: scope.cipher.encrypt(text),
        createdAt: scope.now,
      },
      select: { id: true },
    });
    await forwardResidentMessage(
      scope.tx,
      scope.cipher,
      { id: saved.id, unitId: unit.id, ticketCode: unit.ticketCode, text },
      scope.now,
    );
    if (unit.ticketId) await resumeIfWaiting(scope, unit.ticketId);
    return { type: 'STAFF_MESSAGED', unitName: unit.name };
  },
};
