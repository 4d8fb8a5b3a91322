/**
 * What the desk prepares on its SQLite connection, kept per connection: a
 * prepared statement belongs to the connection it was made on, and Prisma's
 * adapter opens a new connection after a reconnect, so whatever was made on
 * an earlier one is dropped and made again.
 */
import type BetterSqlite3 from 'better-sqlite3';

type Connection = () => BetterSqlite3.Database;

/** `make`'s value for the connection open now, made once per connection. */
export function perConnection<T>(
  connection: Connection,
  make: (on: BetterSqlite3.Database) => T,
): () => T {
  let made: { on: BetterSqlite3.Database; value: T } | null = null;
  return () => {
    const on = connection();
    if (made?.on !== on) made = { on, value: make(on) };
    return made.value;
  };
}

/** The same for one value per key (a statement per SQL text or per call site). */
export function perConnectionAndKey<K, T>(
  connection: Connection,
  make: (on: BetterSqlite3.Database, key: K) => T,
): (key: K) => T {
  const current = perConnection(connection, (on) => ({ on, made: new Map<K, T>() }));
  return (key) => {
    const { on, made } = current();
    let value = made.get(key);
    if (value === undefined) {
      value = make(on, key);
      made.set(key, value);
    }
    return value;
  };
}
