/** Prisma's error for a unique constraint (a redelivered message id, a key taken meanwhile). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
  );
}
