/**
 * Finds a ticket by its tracking code for the chat identity that filed it.
 * A resident may rate, reopen or write about their own tickets only: a code
 * read off someone else's paper gives nothing away, not even that it exists.
 */
import type { TicketStatus } from '../core/ticket-lifecycle.ts';
import type { Tx } from '../store/database.ts';

export interface OwnTicket {
  id: string;
  code: string;
  status: TicketStatus;
  citizenId: string | null;
  unitId: string;
  unitName: string;
}

export async function findOwnTicket(
  tx: Tx,
  code: string,
  identityId: string,
): Promise<OwnTicket | null> {
  if (code === '') return null;
  const ticket = await tx.ticket.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      status: true,
      citizenId: true,
      originIdentityId: true,
      unit: { select: { id: true, name: true } },
    },
  });
  if (!ticket || ticket.originIdentityId !== identityId) return null;
  return {
    id: ticket.id,
    code: ticket.code,
    status: ticket.status as TicketStatus,
    citizenId: ticket.citizenId,
    unitId: ticket.unit.id,
    unitName: ticket.unit.name,
  };
}
