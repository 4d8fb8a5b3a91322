/**
 * A partner organisation (mitra) as imported or seeded, validated with zod,
 * and its idempotent upsert by code.
 */
import { z } from 'zod';
import type { Tx } from '../store/database.ts';

export const PARTNER_SECTORS = ['pemerintah', 'dunia_usaha', 'lsm', 'masyarakat'] as const;

export const partnerRecordSchema = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, {
      message: 'code must be 2-40 lowercase letters, digits or dashes (e.g. baznas-kab-bandung)',
    }),
  name: z.string().trim().min(3, { message: 'name is required' }).max(200),
  sector: z.enum(PARTNER_SECTORS, {
    message: `sector must be one of ${PARTNER_SECTORS.join(', ')}`,
  }),
  services: z.array(z.string().trim().min(1)).min(1, { message: 'at least one service code' }),
  areas: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/, {
          message: 'areas must be Kemendagri codes like 32.04 or 32.04.05',
        }),
    )
    .min(1, { message: 'at least one area code' }),
  contact: z.string().trim().max(200).default(''),
  description: z.string().trim().max(1000).default(''),
  isExample: z.boolean().default(false),
});

export type PartnerRecord = z.infer<typeof partnerRecordSchema>;

/** Checks references the schema alone cannot: service and area codes must exist. */
export async function checkPartnerReferences(
  tx: Tx,
  record: PartnerRecord,
): Promise<string | null> {
  const services = await tx.service.findMany({
    where: { code: { in: record.services } },
    select: { code: true },
  });
  const unknownService = record.services.find((code) => !services.some((s) => s.code === code));
  if (unknownService) return `unknown service code "${unknownService}"`;
  const areas = await tx.area.findMany({
    where: { code: { in: record.areas } },
    select: { code: true },
  });
  const unknownArea = record.areas.find((code) => !areas.some((a) => a.code === code));
  if (unknownArea) return `unknown area code "${unknownArea}" (not in this desk's region)`;
  return null;
}

/** Creates or updates the partner and replaces its services and areas. */
export async function upsertPartner(tx: Tx, record: PartnerRecord): Promise<'created' | 'updated'> {
  const existing = await tx.partner.findUnique({
    where: { code: record.code },
    select: { id: true },
  });
  const fields = {
    name: record.name,
    sector: record.sector,
    contact: record.contact,
    description: record.description,
    isExample: record.isExample,
  };
  const partner = existing
    ? await tx.partner.update({ where: { id: existing.id }, data: fields, select: { id: true } })
    : await tx.partner.create({ data: { code: record.code, ...fields }, select: { id: true } });
  await tx.partnerService.deleteMany({ where: { partnerId: partner.id } });
  await tx.partnerService.createMany({
    data: record.services.map((serviceCode) => ({ partnerId: partner.id, serviceCode })),
  });
  await tx.partnerArea.deleteMany({ where: { partnerId: partner.id } });
  await tx.partnerArea.createMany({
    data: record.areas.map((areaCode) => ({ partnerId: partner.id, areaCode })),
  });
  return existing ? 'updated' : 'created';
}
