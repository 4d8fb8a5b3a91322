/**
 * `partners import file.csv`: all rows are validated first and written in one
 * transaction, so a file with one bad row changes nothing.
 *
 * Columns: code,name,sector,services,areas,contact,description
 * (services and areas separated by ";", e.g. "kesehatan;bansos" and "32.04.05;32.04.06").
 */
import type { Db } from '../store/database.ts';
import { parseCsv } from './csv.ts';
import {
  checkPartnerReferences,
  type PartnerRecord,
  partnerRecordSchema,
  upsertPartner,
} from './partner-record.ts';

export const PARTNER_CSV_COLUMNS = [
  'code',
  'name',
  'sector',
  'services',
  'areas',
  'contact',
  'description',
] as const;

export class PartnerImportError extends Error {
  override name = 'PartnerImportError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function readPartnerCsv(text: string): PartnerRecord[] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new PartnerImportError([`not a readable CSV file: ${(error as Error).message}`]);
  }
  const [header, ...body] = rows;
  const columns = header?.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = PARTNER_CSV_COLUMNS.filter(
    (c) => c !== 'contact' && c !== 'description' && !columns.includes(c),
  );
  if (missing.length > 0) {
    throw new PartnerImportError([
      `missing column(s): ${missing.join(', ')}; expected ${PARTNER_CSV_COLUMNS.join(',')}`,
    ]);
  }
  if (body.length === 0) throw new PartnerImportError(['the file has a header but no partners']);
  const problems: string[] = [];
  const records: PartnerRecord[] = [];
  const seen = new Set<string>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (name: string) => cells[columns.indexOf(name)]?.trim() ?? '';
    const list = (name: string) =>
      cell(name)
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
    const parsed = partnerRecordSchema.safeParse({
      code: cell('code'),
      name: cell('name'),
      sector: cell('sector'),
      services: list('services'),
      areas: list('areas'),
      contact: cell('contact'),
      description: cell('description'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`line ${line}, ${String(issue.path[0])}: ${issue.message}`);
      }
    } else if (seen.has(parsed.data.code)) {
      problems.push(`line ${line}, code: "${parsed.data.code}" appears twice`);
    } else {
      seen.add(parsed.data.code);
      records.push(parsed.data);
    }
  });
  if (problems.length > 0) throw new PartnerImportError(problems);
  return records;
}

export async function importPartners(
  prisma: Db,
  records: PartnerRecord[],
): Promise<{ created: number; updated: number }> {
  return prisma.$transaction(
    async (tx) => {
      const problems: string[] = [];
      for (const record of records) {
        const problem = await checkPartnerReferences(tx, record);
        if (problem) problems.push(`partner ${record.code}: ${problem}`);
      }
      if (problems.length > 0) throw new PartnerImportError(problems);
      let created = 0;
      let updated = 0;
      for (const record of records) {
        if ((await upsertPartner(tx, record)) === 'created') created++;
        else updated++;
      }
      return { created, updated };
    },
    { timeout: 60_000 },
  );
}
