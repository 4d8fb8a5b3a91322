/**
 * Ends or resumes a partnership. Nothing is deleted (referrals point at the
 * partner): while inactive, its contacts are refused every command, its
 * unused invites open nothing and it is not offered for new referrals.
 */
import type { Db } from '../store/database.ts';

export type PartnerActivation =
  | { found: false }
  | { found: true; name: string; changed: boolean; contacts: number };

export async function setPartnerActive(
  prisma: Db,
  code: string,
  active: boolean,
): Promise<PartnerActivation> {
  const partner = await prisma.partner.findUnique({
    where: { code },
    select: { id: true, name: true },
  });
  if (!partner) return { found: false };
  const { count } = await prisma.partner.updateMany({
    where: { id: partner.id, active: !active },
    data: { active },
  });
  const contacts = await prisma.staff.count({ where: { partnerId: partner.id, active: true } });
  return { found: true, name: partner.name, changed: count > 0, contacts };
}
