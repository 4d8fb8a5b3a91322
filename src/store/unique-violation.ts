/**
 * A unique constraint refused a write (a redelivered message id, a key taken
 * meanwhile): Prisma's P2002 for model queries, or the driver adapter's
 * UniqueConstraintViolation inside P2010 for raw statements, or the drivers' own
 * codes for the turn's statements (sqlite-turn-statements.ts, pg-turn-statements.ts).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  if (
    code === 'P2002' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    // PostgreSQL's unique_violation
    code === '23505'
  ) {
    return true;
  }
  return code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
}
