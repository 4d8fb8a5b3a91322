/**
 * Whether a sender is staff, asked before every inbound message, outside any
 * transaction: one of the turn's own statements (store/turn-statements.ts). It
 * must stay a single-row query: Prisma merges findUnique calls made in the
 * same tick into one query with a parameter per call, and a burst of a
 * thousand first messages once exceeded SQLite's parameter limit (P2029).
 */
import type { Channel } from '../runtime/messages.ts';
import type { TurnStatements } from '../store/turn-statements.ts';

export interface StaffStanding {
  /** the sender's identity belongs to a staff member, active or not */
  isStaff: boolean;
  /** ... who still has their role */
  active: boolean;
}

const NOT_STAFF: StaffStanding = { isStaff: false, active: false };

export async function staffStandingOf(
  sql: TurnStatements,
  channel: Channel,
  externalId: string,
): Promise<StaffStanding> {
  const active = await sql.staffActive(channel, externalId);
  return active === null ? NOT_STAFF : { isStaff: true, active };
}
