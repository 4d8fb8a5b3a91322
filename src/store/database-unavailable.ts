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
  /** pg (the turn's statements): the server is shutting down or not accepting connections yet */
  '57P01',
  '57P02',
  '57P03',
  /** the socket under pg */
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * pg's own errors for a connection that broke or was never made carry no code,
 * only these messages (pg/lib/client.js, pg-pool).
 */
const PG_CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // SQLSTATE class 08: connection exception
    return UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code);
  }
  return error instanceof Error && typeof message === 'string' && PG_CONNECTION_LOST.test(message);
}
