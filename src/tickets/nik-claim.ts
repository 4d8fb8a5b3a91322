/**
 * A NIK typed in a chat that is not the chat of the resident holding it.
 * The record is left as it is and the chat gains nothing; the request is
 * filed anyway, and this internal event keeps what was typed (sealed) so
 * staff can check who is asking before they act on it.
 */
import { z } from 'zod';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';

/** The ticket event type; also what tells a claimed ticket apart from the holder's own. */
export const NIK_CLAIM_EVENT = 'nik_claimed';

export interface NikClaim {
  /** the name typed differs from the stored one */
  nameDiffers: boolean;
  /** the KK typed differs from the stored one (or none is stored) */
  kkDiffers: boolean;
  /** what the chat typed, shown only to staff in a private chat */
  claimed: { name: string | null; kk: string | null };
}

const flagsSchema = z.object({
  nameDiffers: z.boolean(),
  kkDiffers: z.boolean(),
  claimed: z.string(),
});
const claimedSchema = z.object({ name: z.string().nullable(), kk: z.string().nullable() });

/** Differences are plain (announcements read them); the typed name and KK are sealed. */
export async function recordNikClaim(
  tx: Tx,
  cipher: FieldCipher,
  ticketId: string,
  claim: NikClaim,
  now: Date,
): Promise<void> {
  await tx.ticketEvent.create({
    data: {
      ticketId,
      type: NIK_CLAIM_EVENT,
      actorKind: 'sistem',
      after: JSON.stringify({
        nameDiffers: claim.nameDiffers,
        kkDiffers: claim.kkDiffers,
        claimed: cipher.encrypt(JSON.stringify(claim.claimed)),
      }),
      visibility: 'internal',
      createdAt: now,
    },
  });
}

/** The differences only, for lines that may land in a group chat. */
export async function findNikClaimFlags(
  tx: Tx,
  ticketId: string,
): Promise<Pick<NikClaim, 'nameDiffers' | 'kkDiffers'> | null> {
  const event = await findEvent(tx, ticketId);
  return event ? { nameDiffers: event.nameDiffers, kkDiffers: event.kkDiffers } : null;
}

export async function findNikClaim(
  tx: Tx,
  cipher: FieldCipher,
  ticketId: string,
): Promise<NikClaim | null> {
  const event = await findEvent(tx, ticketId);
  if (!event) return null;
  const claimed = claimedSchema.parse(JSON.parse(cipher.decrypt(event.claimed)));
  return { nameDiffers: event.nameDiffers, kkDiffers: event.kkDiffers, claimed };
}

async function findEvent(tx: Tx, ticketId: string) {
  const event = await tx.ticketEvent.findFirst({
    where: { ticketId, type: NIK_CLAIM_EVENT },
    select: { after: true },
  });
  return event?.after ? flagsSchema.parse(JSON.parse(event.after)) : null;
}
