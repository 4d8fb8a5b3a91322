/**
 * Idempotent seed: the region's areas and units, the default service
 * catalogue, the holidays of this year and the years either side, and
 * (unless disabled) the example partners. Runs on every start.
 */
import { allWilayah, regionSubtree } from '../areas/wilayah.ts';
import { upsertPartner } from '../partners/partner-record.ts';
import type { Db } from '../store/database.ts';
import { DEFAULT_CATALOGUE } from './default-catalogue.ts';
import { examplePartners } from './example-partners.ts';
import { seedAreas } from './seed-areas.ts';
import { seedCatalogue } from './seed-catalogue.ts';
import { seedHolidays } from './seed-holidays.ts';

export interface SeedResult {
  regionName: string;
  areasCreated: number;
  unitsCreated: number;
  servicesCreated: number;
  holidaysCreated: number;
  examplePartnersCreated: number;
}

export class UnknownRegionError extends Error {
  override name = 'UnknownRegionError';
}

export async function seed(
  prisma: Db,
  /** `now` picks the holiday years (tests pass their clock) */
  options: { regionCode: string; examples: boolean; now?: Date },
): Promise<SeedResult> {
  const subtree = regionSubtree(allWilayah(), options.regionCode);
  const region = subtree[0];
  if (region?.level !== 'kabupaten_kota') {
    throw new UnknownRegionError(
      `Invalid REGION_CODE: ${options.regionCode} is not a kabupaten/kota in the Kemendagri 2025 list`,
    );
  }
  return prisma.$transaction(
    async (tx) => {
      const areas = await seedAreas(tx, subtree);
      const servicesCreated = await seedCatalogue(tx, DEFAULT_CATALOGUE);
      const holidaysCreated = await seedHolidays(tx, options.now ?? new Date());
      let examplePartnersCreated = 0;
      if (options.examples) {
        const known = new Set(
          (await tx.partner.findMany({ select: { code: true } })).map((p) => p.code),
        );
        // An example an admin deactivated stays deactivated: only missing ones are added.
        for (const partner of examplePartners(subtree).filter((p) => !known.has(p.code))) {
          await upsertPartner(tx, partner);
          examplePartnersCreated++;
        }
      }
      return {
        regionName: region.name,
        ...areas,
        servicesCreated,
        holidaysCreated,
        examplePartnersCreated,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
