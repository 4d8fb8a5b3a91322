/** What a CLI command may touch: its output streams and the prepared foundation. */
import type { Config } from '../config/env.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliContext extends CliIo {
  config: Config;
  prisma: Db;
  cipher: FieldCipher;
}

/** A wrong argument or a refused request: printed as one line, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Aligns rows into columns for terminal output. */
export function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
