/**
 * Prisma's pg adapter takes each interactive transaction's connection from the
 * pool it is given and keeps it to itself. This pool tells the code that
 * started a transaction which connection it got, so the turn's own statements
 * can run on that connection, inside that transaction, as named prepared
 * statements (pg-turn-statements.ts) instead of through Prisma's query
 * compiler: on PostgreSQL that compiler was most of a turn's CPU.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** What pg-turn-statements.ts needs: a pool or one checked-out connection. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    config: pg.QueryConfig,
  ): Promise<pg.QueryResult<R>>;
}

interface Claim {
  client: pg.PoolClient | null;
  /** released: the transaction is over and the connection may serve someone else */
  over: boolean;
}

export class TransactionConnectionPool extends pg.Pool {
  readonly #claims = new AsyncLocalStorage<Claim>();

  constructor(config: pg.PoolConfig) {
    super(config);
    const connect = this.connect.bind(this) as (callback?: unknown) => Promise<pg.PoolClient>;
    // Only the promise form is Prisma's startTransaction; pool.query uses the callback form.
    this.connect = ((callback?: unknown) =>
      callback === undefined ? this.#claimed(connect()) : connect(callback)) as pg.Pool['connect'];
  }

  /**
   * Runs `start`, which opens one Prisma transaction; `connection` is the
   * connection that transaction got, valid inside its callback only.
   */
  claiming<T>(start: (connection: Queryable) => Promise<T>): Promise<T> {
    const claim: Claim = { client: null, over: false };
    const connection: Queryable = {
      query(config) {
        if (!claim.client) {
          throw new Error(
            claim.over
              ? 'the transaction is over; its connection is back in the pool'
              : 'no transaction connection was claimed: has the pg adapter changed?',
          );
        }
        return claim.client.query(config);
      },
    };
    return this.#claims.run(claim, () => start(connection));
  }

  async #claimed(checkout: Promise<pg.PoolClient>): Promise<pg.PoolClient> {
    const client = await checkout;
    const claim = this.#claims.getStore();
    // The first checkout is the transaction's own; any later one (a nested transaction) is not.
    if (claim && claim.client === null && !claim.over) {
      claim.client = client;
      const release = client.release;
      client.release = (error?: Error | boolean) => {
        claim.client = null;
        claim.over = true;
        client.release = release;
        return release(error);
      };
    }
    return client;
  }
}

/**
 * PostgreSQL puts the values of a refused row in an error's `detail`
 * ("Failing row contains (…)"), and on WhatsApp a chat key is a phone
 * number. A failed turn's error is logged whole, so the detail goes before
 * anyone sees the error; Prisma's own errors never carried it either.
 */
export function withoutRowValues(error: unknown): never {
  if (typeof error === 'object' && error !== null && 'detail' in error) {
    delete (error as { detail?: unknown }).detail;
  }
  throw error;
}
