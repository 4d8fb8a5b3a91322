/**
 * Whether a chat identity once had a role that has since been revoked (or
 * deactivated), so its staff commands get "your access was revoked" rather
 * than the "join first" line meant for people who never had one.
 */
import type { Tx } from '../store/database.ts';

export async function wasRevoked(tx: Tx, identityId: string): Promise<boolean> {
  const row = await tx.channelIdentity.findUnique({
    where: { id: identityId },
    select: { staff: { select: { active: true } } },
  });
  return row?.staff?.active === false;
}
