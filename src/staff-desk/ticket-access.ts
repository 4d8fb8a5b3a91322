/**
 * Which tickets an actor may see and work. A petugas works their own desa's
 * tickets; a koordinator and an admin every unit below theirs; a partner only
 * tickets referred to their organisation, while that referral is alive
 * (TERKIRIM, DITERIMA) and for a week after it reported the outcome
 * (SELESAI), to answer a question about it. A declined or cancelled referral
 * leaves the partner nothing. A ticket outside that reach is answered exactly
 * like a code that does not exist, so nobody learns that it does.
 */
import type { Prisma } from '../../prisma/generated/sqlite/index.js';
import type { ReferralStatus } from '../core/referral-lifecycle.ts';
import type { TicketStatus } from '../core/ticket-lifecycle.ts';
import type { Tx } from '../store/database.ts';
import type { Actor } from './actor.ts';

/** The ids of the actor's unit and every unit below it. */
export async function unitSubtree(tx: Tx, rootId: string): Promise<string[]> {
  const units = await tx.unit.findMany({ select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const reach: string[] = [];
  const stack = [rootId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    reach.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return reach;
}

/** The units whose tickets a staff actor works (never a partner's reach). */
export async function workedUnits(tx: Tx, actor: Actor): Promise<string[]> {
  if (actor.role === 'petugas') return [actor.unitId];
  if (actor.role === 'koordinator' || actor.role === 'admin') return unitSubtree(tx, actor.unitId);
  return [];
}

/** Referrals a partner works: sent to it and not yet answered with an outcome. */
export const LIVE_REFERRALS = ['TERKIRIM', 'DITERIMA'] as const satisfies ReferralStatus[];

/** How long a partner may still read a ticket after reporting the outcome. */
export const PARTNER_READ_AFTER_OUTCOME_DAYS = 7;

/** The referrals that give a partner access to their ticket at this moment. */
export function partnerReach(partnerId: string, now: Date): Prisma.ReferralWhereInput {
  const since = new Date(now.getTime() - PARTNER_READ_AFTER_OUTCOME_DAYS * 24 * 60 * 60 * 1000);
  return {
    partnerId,
    OR: [
      { status: { in: [...LIVE_REFERRALS] } },
      { status: 'SELESAI', completedAt: { gte: since } },
    ],
  };
}

/** Which tickets an actor may see and work, as a filter. */
export type TicketScope = Prisma.TicketWhereInput;

export async function ticketScope(tx: Tx, actor: Actor, now: Date): Promise<TicketScope> {
  if (actor.role === 'mitra') {
    return { referrals: { some: partnerReach(actor.partner?.id ?? '', now) } };
  }
  return { unitId: { in: await workedUnits(tx, actor) } };
}

export interface WorkedTicket {
  id: string;
  code: string;
  kind: string;
  status: TicketStatus;
  resumeStatus: TicketStatus | null;
  unitId: string;
  unitName: string;
  unitParentId: string | null;
  serviceCode: string | null;
  topic: string | null;
  areaCode: string | null;
  identityMode: string;
  originIdentityId: string | null;
  assigneeId: string | null;
}

/** The fields every ticket command reads, for staff and partners alike. */
export const WORKED_TICKET_FIELDS = {
  id: true,
  code: true,
  kind: true,
  status: true,
  resumeStatus: true,
  unitId: true,
  unit: { select: { name: true, parentId: true } },
  serviceCode: true,
  topic: true,
  areaCode: true,
  identityMode: true,
  originIdentityId: true,
  assigneeId: true,
} as const;

type WorkedTicketRow = Omit<
  WorkedTicket,
  'status' | 'resumeStatus' | 'unitName' | 'unitParentId'
> & {
  status: string;
  resumeStatus: string | null;
  unit: { name: string; parentId: string | null };
};

export function toWorkedTicket({ unit, ...ticket }: WorkedTicketRow): WorkedTicket {
  return {
    ...ticket,
    status: ticket.status as TicketStatus,
    resumeStatus: ticket.resumeStatus as TicketStatus | null,
    unitName: unit.name,
    unitParentId: unit.parentId,
  };
}

/** A ticket by code, if the actor may work it. */
export async function findWorkedTicket(
  tx: Tx,
  actor: Actor,
  code: string,
  now: Date,
): Promise<WorkedTicket | null> {
  return findTicketInScope(tx, await ticketScope(tx, actor, now), code);
}

/** The same for a caller that needs the actor's scope again afterwards (ticketScope). */
export async function findTicketInScope(
  tx: Tx,
  scope: TicketScope,
  code: string,
): Promise<WorkedTicket | null> {
  const ticket = await tx.ticket.findFirst({
    where: { AND: [{ code }, scope] },
    select: WORKED_TICKET_FIELDS,
  });
  return ticket ? toWorkedTicket(ticket) : null;
}
