/** Adds the default service catalogue entries that are missing; edited entries are left alone. */
import type { Tx } from '../store/database.ts';
import type { CatalogueEntry } from './default-catalogue.ts';

export async function seedCatalogue(tx: Tx, catalogue: CatalogueEntry[]): Promise<number> {
  const existing = new Set(
    (await tx.service.findMany({ select: { code: true } })).map((s) => s.code),
  );
  let created = 0;
  for (const [index, entry] of catalogue.entries()) {
    if (existing.has(entry.code)) continue;
    await tx.service.create({
      data: {
        code: entry.code,
        nameId: entry.name.id,
        nameSu: entry.name.su,
        nameEn: entry.name.en,
        descriptionId: entry.description.id,
        descriptionSu: entry.description.su,
        descriptionEn: entry.description.en,
        slaDays: entry.slaDays,
        firstResponseDays: 1,
        // An urgent case (perlindungan) cannot wait two days for a partner to answer.
        referralResponseDays: entry.urgent ? 1 : 2,
        urgent: entry.urgent,
        sortOrder: index,
        documents: {
          create: entry.documents.map((doc, order) => ({
            labelId: doc.id,
            labelSu: doc.su,
            labelEn: doc.en,
            required: doc.required,
            sortOrder: order,
          })),
        },
      },
    });
    created++;
  }
  return created;
}
