/**
 * Reads the Kemendagri area list shipped in prisma/data (see its README for
 * the source and licence). The file is the only copy the desk reads at run time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AREA_LEVELS = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export interface WilayahRow {
  code: string;
  name: string;
  level: AreaLevel;
}

const WILAYAH_FILE = fileURLToPath(
  new URL('../../prisma/data/wilayah-indonesia-kepmendagri-2025.csv', import.meta.url),
);

let cache: WilayahRow[] | undefined;

/** Every area in Indonesia, parsed once per process. */
export function allWilayah(): WilayahRow[] {
  cache ??= parseWilayahCsv(readFileSync(WILAYAH_FILE, 'utf8'));
  return cache;
}

export function parseWilayahCsv(text: string): WilayahRow[] {
  const rows: WilayahRow[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    // Two names contain commas and are quoted ("Lubuk Pakam I,II").
    const match = /^([\d.]+),(?:"([^"]*)"|([^,]*)),(\w+)$/.exec(line);
    if (!match) throw new Error(`unreadable wilayah line: ${line.slice(0, 60)}`);
    const [, code, quoted, plain, level] = match;
    if (!AREA_LEVELS.includes(level as AreaLevel)) throw new Error(`unknown level ${level}`);
    rows.push({
      code: code as string,
      name: (quoted ?? plain) as string,
      level: level as AreaLevel,
    });
  }
  return rows;
}

/** The region itself and every area below it, parents before children. */
export function regionSubtree(rows: WilayahRow[], regionCode: string): WilayahRow[] {
  const subtree = rows.filter((r) => r.code === regionCode || r.code.startsWith(`${regionCode}.`));
  return subtree.sort(
    (a, b) => a.code.split('.').length - b.code.split('.').length || a.code.localeCompare(b.code),
  );
}

export function parentCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

/** Village codes whose last block starts with 1 are kelurahan, with 2 desa. */
export function villageKind(code: string): 'kelurahan' | 'desa' {
  return code.slice(code.lastIndexOf('.') + 1).startsWith('1') ? 'kelurahan' : 'desa';
}

/**
 * Province+regency lookup for NIK/KK validation: digits 1-4 of a NIK are the
 * regency that issued it, anywhere in Indonesia.
 */
export function regencyIndex(rows: WilayahRow[] = allWilayah()): {
  hasRegency(code4: string): boolean;
} {
  const codes = new Set(
    rows.filter((r) => r.level === 'kabupaten_kota').map((r) => r.code.replace('.', '')),
  );
  return { hasRegency: (code4) => codes.has(code4) };
}
