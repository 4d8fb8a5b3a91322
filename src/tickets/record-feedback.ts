/**
 * Records a resident's rating of a finished ticket: a Feedback row and a
 * public audit event, so the resident sees in the timeline that their rating
 * arrived. The comment stays in the Feedback row only, sealed;
 * the public event says no more than the rating. A rating means the resident
 * confirms the outcome, so a SELESAI ticket is closed (DITUTUP) with it.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import { sealText } from '../security/sealed-text.ts';
import type { Tx } from '../store/database.ts';
import { changeTicket } from './change-ticket.ts';
import type { OwnTicket } from './own-ticket.ts';

export interface FeedbackInput {
  ticket: OwnTicket;
  /** the citizen giving it: the chat identity's, else the ticket's */
  citizenId: string | null;
  rating: number;
  comment: string | null;
  now: Date;
}

export async function recordFeedback(
  tx: Tx,
  cipher: FieldCipher,
  input: FeedbackInput,
): Promise<void> {
  const { ticket, rating, comment, now } = input;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new RangeError(`a rating is 1 to 5, got ${rating}`);
  }
  const citizenId = input.citizenId ?? ticket.citizenId;
  await tx.feedback.create({
    data: {
      ticketId: ticket.id,
      citizenId,
      rating,
      comment: sealText(cipher, comment),
      resolved: true,
      createdAt: now,
    },
  });
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      type: 'feedback',
      actorKind: 'warga',
      actorId: citizenId,
      after: JSON.stringify({ resolved: true, rating, commented: comment !== null }),
      visibility: 'public',
      createdAt: now,
    },
  });
  if (ticket.status === 'SELESAI') {
    await changeTicket(tx, cipher, {
      ticket,
      action: { type: 'close' },
      actor: { kind: 'warga', id: citizenId },
      eventType: 'closed',
      visibility: 'public',
      now,
    });
  }
}
