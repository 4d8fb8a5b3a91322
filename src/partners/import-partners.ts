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

/** A valid row of the file and the line it came from, for error messages. */
export interface PartnerCsvRow {
  line: number;
  record: PartnerRecord;
}

/**
 * Reads the rows, collecting (not throwing) the problems of individual rows so
 * they can be reported together with the service and area codes the database
 * does not know. A file that is not a partner CSV at all still throws.
 */
export function parsePartnerCsv(text: string): { rows: PartnerCsvRow[]; problems: string[] } {
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
  const valid: PartnerCsvRow[] = [];
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
      valid.push({ line, record: parsed.data });
    }
  });
  return { rows: valid, problems };
}

/** The valid records of a partner CSV; throws PartnerImportError when any row is invalid. */
export function readPartnerCsv(text: string): PartnerRecord[] {
  const { rows, problems } = parsePartnerCsv(text);
  if (problems.length > 0) throw new PartnerImportError(problems);
  return rows.map((row) => row.record);
}

/**
 * `partners import`: every row's format and every service and area code it
 * names are checked before anything is written, and all problems are reported
 * at once, each with its line.
 */
export async function importPartnerCsv(
  prisma: Db,
  text: string,
): Promise<{ created: number; updated: number }> {
  const { rows, problems } = parsePartnerCsv(text);
  return writePartners(prisma, rows, problems);
}

/** Imports records that are already valid; reference problems name the partner code. */
export function importPartners(
  prisma: Db,
  records: PartnerRecord[],
): Promise<{ created: number; updated: number }> {
  return writePartners(
    prisma,
    records.map((record) => ({ record })),
    [],
  );
}

async function writePartners(
  prisma: Db,
  rows: { line?: number; record: PartnerRecord }[],
  rowProblems: string[],
): Promise<{ created: number; updated: number }> {
  return prisma.$transaction(
    async (tx) => {
      const problems = [...rowProblems];
      for (const { line, record } of rows) {
        const problem = await checkPartnerReferences(tx, record);
        if (problem) {
          problems.push(
            line === undefined ? `partner ${record.code}: ${problem}` : `line ${line}, ${problem}`,
          );
        }
      }
      if (problems.length > 0) throw new PartnerImportError(problems);
      let created = 0;
      let updated = 0;
      for (const { record } of rows) {
        if ((await upsertPartner(tx, record)) === 'created') created++;
        else updated++;
      }
      return { created, updated };
    },
    { timeout: 60_000 },
  );
}
