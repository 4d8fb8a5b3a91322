/**
 * The audit record of someone seeing a resident's NIK or KK in full. Masked
 * views (a group, the simulator, a partner) write nothing: there is nothing
 * to account for. The record names which fields were shown, never their
 * values, so reading the audit trail discloses nothing itself. It is written
 * in the transaction that queues the answer, so an answer never leaves
 * without its record and a rolled-back command leaves neither.
 *
 * @example
 * await recordPersonalDataView(tx, {
 *   ticketId, viewer: { kind: 'petugas', id: staffId }, fields: ['nik', 'kk'],
 *   channel: 'telegram', now,
 * });
 */
import type { Tx } from '../store/database.ts';

/** The TicketEvent type of a view; internal, so no resident timeline ever lists it. */
export const PERSONAL_DATA_VIEWED = 'personal_data_viewed';

/**
 * - nik, kk: the resident's stored numbers;
 * - claimedKk: the KK a NIK claim typed (src/tickets/nik-claim.ts);
 * - documents: photos and PDFs sent, such as a KTP or KK scan.
 */
export type ViewedField = 'nik' | 'kk' | 'claimedKk' | 'documents';

export interface PersonalDataView {
  ticketId: string;
  viewer: { kind: string; id: string };
  fields: readonly ViewedField[];
  /** the channel the answer went to; never the chat key, which is a phone number on WhatsApp */
  channel: string;
  now: Date;
}

/** Writes one event when anything was shown in full; returns whether it did. */
export async function recordPersonalDataView(tx: Tx, view: PersonalDataView): Promise<boolean> {
  if (view.fields.length === 0) return false;
  await tx.ticketEvent.create({
    data: {
      ticketId: view.ticketId,
      type: PERSONAL_DATA_VIEWED,
      actorKind: view.viewer.kind,
      actorId: view.viewer.id,
      after: JSON.stringify({ fields: view.fields, channel: view.channel }),
      visibility: 'internal',
      createdAt: view.now,
    },
  });
  return true;
}
