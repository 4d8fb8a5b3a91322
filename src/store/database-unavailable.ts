/**
 * Prisma's codes for a database that could not be reached or did not answer
 * in time (PostgreSQL down or its connection dropped, SQLite locked by another
 * writer past the busy timeout), as opposed to one that refused a statement.
 * Such a failure says nothing about the message being handled: the same turn
 * may well succeed once the database is back.
 */
const UNAVAILABLE = new Set([
  /** can't reach the database server */
  'P1001',
  /** reaching the server timed out */
  'P1002',
  /** an operation timed out (SQLite: database is locked) */
  'P1008',
  /** the server closed the connection */
  'P1017',
  /** no connection free in the pool in time */
  'P2024',
  /** better-sqlite3 (the turn's statements): locked by another writer past the busy timeout */
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : null;
  return typeof code === 'string' && UNAVAILABLE.has(code);
}
