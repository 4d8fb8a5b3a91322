/**
 * The tickets that are a resident's own, as the status check counts them
 * (src/runtime/step-options.ts `myTickets`): filed from this chat, or filed
 * for the person this chat is linked to, except those another chat filed by
 * typing that person's NIK (a claim staff still have to check). Anonymous
 * complaints belong to nobody and are never listed.
 *
 * @example
 * const mine = await residentTickets(tx, { identityId, citizenId });
 * mine[0] // { id, code: 'PB-7K4M2Q', kind: 'permohonan', serviceCode: 'kesehatan', status: 'BARU', … }
 */
import type { Tx } from '../store/database.ts';
import { NIK_CLAIM_EVENT } from './nik-claim.ts';

export interface ResidentTicket {
  id: string;
  code: string;
  kind: string;
  serviceCode: string | null;
  topic: string | null;
  status: string;
  citizenId: string | null;
}

/** Whose data: the chat identity writing now and the citizen it is linked to. */
export interface Resident {
  identityId: string;
  citizenId: string | null;
}

/**
 * Every one of them, newest first. Raw: the status check asks on each of its
 * turns, and each branch of the UNION is one index read (Ticket's
 * originIdentityId and citizenId indexes).
 */
export function residentTickets(tx: Tx, who: Resident): Promise<ResidentTicket[]> {
  return tx.$queryRaw<ResidentTicket[]>`
    SELECT "id", "code", "kind", "serviceCode", "topic", "status", "citizenId" FROM (
      SELECT t."id", t."code", t."kind", t."serviceCode", t."topic", t."status", t."citizenId", t."createdAt"
        FROM "Ticket" t WHERE t."originIdentityId" = ${who.identityId}
      UNION
      SELECT t."id", t."code", t."kind", t."serviceCode", t."topic", t."status", t."citizenId", t."createdAt"
        FROM "Ticket" t WHERE t."citizenId" = ${who.citizenId}
          AND NOT EXISTS (SELECT 1 FROM "TicketEvent" e
            WHERE e."ticketId" = t."id" AND e."type" = ${NIK_CLAIM_EVENT})
    ) mine ORDER BY "createdAt" DESC`;
}

/** Photos and documents stored for those tickets or sent from this chat and not filed yet. */
export function residentAttachments(
  tx: Tx,
  who: Resident,
  ticketIds: readonly string[],
): Promise<{ id: string; storageKey: string }[]> {
  return tx.attachment.findMany({
    where: { OR: [{ ticketId: { in: [...ticketIds] } }, { identityId: who.identityId }] },
    select: { id: true, storageKey: true },
  });
}
