/**
 * Prisma ends an interactive transaction by sending COMMIT or ROLLBACK through
 * the adapter's transaction, and only then calls its `commit()` or
 * `rollback()`, where the adapter lets go of what the transaction held:
 * SQLite's transaction mutex, PostgreSQL's pooled connection. When that
 * statement throws (a full disk, a constraint checked at COMMIT), the second
 * call never comes. On SQLite every later transaction then waited for the
 * mutex for ever; on PostgreSQL each such failure cost the pool a connection
 * for good, after ten no turn could start, and closing the pool waited for
 * ever.
 */
import type { PrismaPg } from '@prisma/adapter-pg';

interface EndedByStatement {
  executeRaw(query: { sql: string }): Promise<number>;
}

const ENDS = new Set(['COMMIT', 'ROLLBACK']);

/** `transaction`, calling `letGo` when its COMMIT or ROLLBACK throws, before the error goes on. */
export function lettingGoWhenEndFails<T extends EndedByStatement>(
  transaction: T,
  letGo: () => Promise<void>,
): T {
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (ENDS.has(query.sql)) await letGo();
      throw error;
    }
  };
  return transaction;
}

/**
 * Prisma's pg adapter factory whose transactions give their connection back
 * when their end fails. A refused COMMIT has already ended the transaction on
 * the server, so the connection goes back as it is; one the server closed (a
 * restart, `pg_terminate_backend`, a dropped database) is dropped by the pool
 * as it comes back.
 */
export function pgLettingGoWhenEndFails(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await start(isolationLevel);
      return lettingGoWhenEndFails(transaction, () => transaction.rollback());
    };
    return adapter;
  };
  return factory;
}
