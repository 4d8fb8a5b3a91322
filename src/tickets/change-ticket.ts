/**
 * Moves a ticket through its lifecycle on behalf of someone, and records it:
 * the status change (only if nobody changed the ticket meanwhile) and one
 * audit event with the actor, the time, the state before and after.
 */
import {
  moveTicket,
  type TicketAction,
  type TicketRefusal,
  type TicketStatus,
} from '../core/ticket-lifecycle.ts';
import { jakartaDay, shiftByPausedWorkingDays } from '../core/working-days.ts';
import { loadHolidaySet } from '../holidays/holiday-records.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { sealText } from '../security/sealed-text.ts';
import type { Tx } from '../store/database.ts';
import { isResponse, milestonesOf } from './ticket-milestones.ts';

export interface TicketActor {
  kind: 'petugas' | 'koordinator' | 'admin' | 'mitra' | 'warga' | 'sistem';
  id: string | null;
}

export interface TicketChange {
  ticket: { id: string; status: TicketStatus };
  action: TicketAction;
  actor: TicketActor;
  /** the audit event's type, e.g. 'verified', 'referred' (see public-timeline.ts) */
  eventType: string;
  /** public events are shown to the resident; internal ones never leave the desk */
  visibility: 'public' | 'internal';
  /** free text kept with the event (a reason, a summary), stored sealed */
  message?: string | undefined;
  /** other fields that change with the status (unit, assignee), recorded before and after */
  also?: Record<string, string | null> | undefined;
  now: Date;
}

export type ChangeResult =
  | { ok: true; from: TicketStatus; to: TicketStatus }
  | { ok: false; reason: TicketRefusal | { code: 'ticket.changedMeanwhile' } };

export async function changeTicket(
  tx: Tx,
  cipher: FieldCipher,
  change: TicketChange,
): Promise<ChangeResult> {
  const { ticket, action, now } = change;
  const move = moveTicket(ticket.status, action);
  if (!move.ok) return move;
  const waiting = move.to === 'MENUNGGU_WARGA';
  const before = await tx.ticket.findUniqueOrThrow({
    where: { id: ticket.id },
    select: {
      unitId: true,
      assigneeId: true,
      slaDueAt: true,
      slaPausedAt: true,
      firstResponseDueAt: true,
      slaStartedAt: true,
      createdAt: true,
      firstRespondedAt: true,
    },
  });
  const resumed = ticket.status === 'MENUNGGU_WARGA' ? await resumedDeadlines(tx, before, now) : {};
  const moved = await tx.ticket.updateMany({
    where: { id: ticket.id, status: ticket.status },
    data: {
      status: move.to,
      resumeStatus: waiting ? ticket.status : null,
      slaPausedAt: waiting ? now : null,
      ...(move.to === 'DITUTUP' || move.to === 'DITOLAK' ? { closedAt: now } : {}),
      ...resumed,
      ...milestonesOf(
        { type: change.eventType, actorKind: change.actor.kind, toStatus: move.to, at: now },
        before.firstRespondedAt,
      ),
      ...change.also,
    },
  });
  if (moved.count === 0) return { ok: false, reason: { code: 'ticket.changedMeanwhile' } };
  const changedFields = Object.keys(change.also ?? {});
  const pick = (source: Record<string, unknown>) =>
    Object.fromEntries(changedFields.map((field) => [field, source[field] ?? null]));
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      type: change.eventType,
      actorKind: change.actor.kind,
      actorId: change.actor.id,
      fromStatus: ticket.status,
      toStatus: move.to,
      before: JSON.stringify({ status: ticket.status, ...pick(before) }),
      after: JSON.stringify({ status: move.to, ...change.also }),
      message: sealText(cipher, change.message),
      visibility: change.visibility,
      createdAt: now,
    },
  });
  return { ok: true, from: ticket.status, to: move.to };
}

/**
 * Working days spent waiting for the resident do not count against the unit:
 * the resolution deadline, and the first-response deadline if it was still
 * ahead when the wait began, move by the working days the wait lasted. So does
 * the start the reminders measure from, or the wait would count as time spent
 * and bring the 50% reminder the moment the resident answers.
 * Holidays are read here, in the transaction, so an admin's edit counts at once.
 */
async function resumedDeadlines(
  tx: Tx,
  before: {
    slaDueAt: Date | null;
    slaPausedAt: Date | null;
    firstResponseDueAt: Date | null;
    slaStartedAt: Date | null;
    createdAt: Date;
  },
  now: Date,
): Promise<{ slaDueAt?: Date; firstResponseDueAt?: Date; slaStartedAt?: Date }> {
  const { slaPausedAt: pausedAt, slaDueAt, firstResponseDueAt } = before;
  if (!pausedAt) return {};
  // An overdue deadline lies before the pause; its shift starts from its own day.
  const earliest = [pausedAt, slaDueAt, firstResponseDueAt]
    .filter((d): d is Date => d !== null)
    .map(jakartaDay)
    .sort()[0];
  const holidays = await loadHolidaySet(tx, earliest);
  const shift = (due: Date) => shiftByPausedWorkingDays(due, pausedAt, now, holidays);
  return {
    slaStartedAt: shift(before.slaStartedAt ?? before.createdAt),
    ...(slaDueAt ? { slaDueAt: shift(slaDueAt) } : {}),
    ...(firstResponseDueAt && firstResponseDueAt > pausedAt
      ? { firstResponseDueAt: shift(firstResponseDueAt) }
      : {}),
  };
}

/**
 * An audit event that changes no status (a note, a claim, a message). Its
 * message is sealed; before and after stay readable, so they must hold ids
 * and statuses only, never what someone typed.
 */
export async function recordTicketEvent(
  tx: Tx,
  cipher: FieldCipher,
  event: {
    ticketId: string;
    type: string;
    actor: TicketActor;
    visibility: 'public' | 'internal';
    message?: string | undefined;
    before?: unknown;
    after?: unknown;
    now: Date;
  },
): Promise<void> {
  if (isResponse({ type: event.type, actorKind: event.actor.kind })) {
    await tx.ticket.updateMany({
      where: { id: event.ticketId, firstRespondedAt: null },
      data: { firstRespondedAt: event.now },
    });
  }
  await tx.ticketEvent.create({
    data: {
      ticketId: event.ticketId,
      type: event.type,
      actorKind: event.actor.kind,
      actorId: event.actor.id,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      message: sealText(cipher, event.message),
      visibility: event.visibility,
      createdAt: event.now,
    },
  });
}
