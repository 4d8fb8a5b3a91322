/**
 * A unique constraint refused a write (a redelivered message id, a key taken
 * meanwhile): Prisma's P2002 for model queries, or the driver adapter's
 * UniqueConstraintViolation inside P2010 for raw statements, which the turn's
 * hot path uses (handle-once.ts, conversation-store.ts, outbox-writer.ts).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  if (code === 'P2002') return true;
  return code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
}
