/**
 * The resident says a SELESAI ticket did not solve their need: the ticket
 * moves to DIBUKA_KEMBALI (the lifecycle decides whether it may), the reason
 * goes into a public audit event and a Feedback row (resolved = false), and
 * the unit picks it up again. A refused move still keeps the resident's note.
 */
import { moveTicket, type TicketStatus } from '../core/ticket-lifecycle.ts';
import { addWorkingDays } from '../core/working-days.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { sealText } from '../security/sealed-text.ts';
import type { Tx } from '../store/database.ts';
import { COMPLAINT_SLA_DAYS } from './open-ticket.ts';
import type { OwnTicket } from './own-ticket.ts';

export interface ReopenInput {
  ticket: OwnTicket;
  citizenId: string | null;
  reason: string;
  now: Date;
  /** for the fresh SLA: the unit owes a new answer, counted from the reopening */
  holidays: ReadonlySet<string>;
}

export type ReopenResult = { ok: true; unitName: string } | { ok: false; status: TicketStatus };

export async function reopenTicket(
  tx: Tx,
  cipher: FieldCipher,
  input: ReopenInput,
): Promise<ReopenResult> {
  const { ticket, reason, now } = input;
  const citizenId = input.citizenId ?? ticket.citizenId;
  await tx.feedback.create({
    data: {
      ticketId: ticket.id,
      citizenId,
      comment: sealText(cipher, reason),
      resolved: false,
      createdAt: now,
    },
  });
  const move = moveTicket(ticket.status, { type: 'reopen' });
  if (!move.ok) return { ok: false, status: ticket.status };
  // Conditional on the status read, so a staff member closing it meanwhile wins cleanly.
  const moved = await tx.ticket.updateMany({
    where: { id: ticket.id, status: ticket.status },
    data: {
      status: move.to,
      closedAt: null,
      slaStartedAt: now,
      slaDueAt: await freshDueDate(tx, input),
    },
  });
  if (moved.count === 0) {
    const current = await tx.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: { status: true },
    });
    return { ok: false, status: current.status as TicketStatus };
  }
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      type: 'reopened',
      actorKind: 'warga',
      actorId: citizenId,
      fromStatus: ticket.status,
      toStatus: move.to,
      before: JSON.stringify({ status: ticket.status }),
      // The reason goes in the sealed message only: after stays readable.
      after: JSON.stringify({ status: move.to }),
      message: sealText(cipher, reason),
      visibility: 'public',
      createdAt: now,
    },
  });
  return { ok: true, unitName: ticket.unitName };
}

async function freshDueDate(tx: Tx, input: ReopenInput): Promise<Date> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: input.ticket.id },
    select: { service: { select: { slaDays: true } } },
  });
  return addWorkingDays(input.now, ticket.service?.slaDays ?? COMPLAINT_SLA_DAYS, input.holidays);
}
