/** Partners with what they offer and where, for `partners list` and for referrals. */
import type { Db } from '../store/database.ts';

export interface PartnerListing {
  code: string;
  name: string;
  sector: string;
  active: boolean;
  isExample: boolean;
  services: string[];
  areas: string[];
}

export async function listPartners(prisma: Db): Promise<PartnerListing[]> {
  const partners = await prisma.partner.findMany({
    orderBy: { code: 'asc' },
    include: {
      services: { orderBy: { serviceCode: 'asc' } },
      areas: { orderBy: { areaCode: 'asc' } },
    },
  });
  return partners.map((p) => ({
    code: p.code,
    name: p.name,
    sector: p.sector,
    active: p.active,
    isExample: p.isExample,
    services: p.services.map((s) => s.serviceCode),
    areas: p.areas.map((a) => a.areaCode),
  }));
}

/** Deactivates the "(contoh)" partners; kept, not deleted, because referrals may point at them. */
export async function deactivateExamplePartners(prisma: Db): Promise<number> {
  const { count } = await prisma.partner.updateMany({
    where: { isExample: true, active: true },
    data: { active: false },
  });
  return count;
}
