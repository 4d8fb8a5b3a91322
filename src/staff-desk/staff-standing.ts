/**
 * Whether a sender is staff, asked before every inbound message, outside any
 * transaction. It is one raw single-row query on purpose: Prisma merges
 * findUnique calls made in the same tick into one query with a parameter per
 * call, and a burst of a thousand first messages then exceeded SQLite's
 * parameter limit (P2029) and failed every one of them.
 */
import type { Channel } from '../runtime/messages.ts';
import type { Db } from '../store/database.ts';

export interface StaffStanding {
  /** the sender's identity belongs to a staff member, active or not */
  isStaff: boolean;
  /** ... who still has their role */
  active: boolean;
}

const NOT_STAFF: StaffStanding = { isStaff: false, active: false };

export async function staffStandingOf(
  prisma: Db,
  channel: Channel,
  externalId: string,
): Promise<StaffStanding> {
  const rows = await prisma.$queryRaw<{ active: boolean | number | bigint }[]>`
    SELECT s."active" AS "active"
    FROM "ChannelIdentity" ci
    JOIN "Staff" s ON s."id" = ci."staffId"
    WHERE ci."channel" = ${channel} AND ci."externalId" = ${externalId}
    LIMIT 1`;
  const row = rows[0];
  if (!row) return NOT_STAFF;
  // SQLite keeps booleans as 0/1 and raw queries hand them back as numbers.
  return { isStaff: true, active: Number(row.active) === 1 };
}
