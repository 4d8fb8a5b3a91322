/**
 * Group commit for SQLite: the chats' turns that are waiting when a
 * transaction opens share it, each inside its own savepoint, and one COMMIT
 * ends them all. A desk has one SQLite connection, so turns run one after
 * another anyway; what a commit costs (the log write, Prisma's transaction
 * round trips) is then paid once for a batch instead of once per message,
 * and the backlog after a bansos announcement drains several times faster.
 *
 * A turn that fails rolls back to its savepoint and is told alone; the
 * others still commit. Each turn is answered only after the COMMIT that made
 * it durable, so a resident is never shown a reply that could still vanish.
 * A failed COMMIT fails every turn of its batch.
 */

export interface GroupConnection<Tx> {
  /** runs `body` in one transaction, committing when it resolves and rolling back when it throws */
  transaction(body: (tx: Tx) => Promise<void>): Promise<void>;
  /** runs one statement on the connection the transaction is open on */
  exec(sql: string): void;
}

export interface GroupCommitLimits {
  /** turns sharing one commit at most */
  maxTurns: number;
  /** after this long a batch commits even with turns waiting, so early turns are not held back */
  maxMs: number;
}

interface Job<Tx> {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_LIMITS: GroupCommitLimits = { maxTurns: 50, maxMs: 20 };

export class GroupCommit<Tx> {
  readonly #queue: Job<Tx>[] = [];
  #draining = false;

  constructor(
    private readonly connection: GroupConnection<Tx>,
    private readonly limits: GroupCommitLimits = DEFAULT_LIMITS,
  ) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) await this.#batch();
    } finally {
      this.#draining = false;
    }
  }

  async #batch(): Promise<void> {
    const done: { job: Job<Tx>; value: unknown }[] = [];
    let taken = 0;
    try {
      await this.connection.transaction(async (tx) => {
        const started = performance.now();
        while (
          this.#queue.length > 0 &&
          taken < this.limits.maxTurns &&
          performance.now() - started < this.limits.maxMs
        ) {
          const job = this.#queue.shift() as Job<Tx>;
          taken += 1;
          try {
            const value = await this.#turn(tx, job);
            if (value !== FAILED) done.push({ job, value });
          } catch (error) {
            job.reject(error);
            throw error;
          }
        }
      });
    } catch (error) {
      // Nothing of this batch was committed. When not even one turn could be
      // started (the database is closed, BEGIN failed), every waiting turn
      // would meet the same error: they are told now instead of looping.
      for (const { job } of done) job.reject(error);
      if (taken === 0) for (const job of this.#queue.splice(0)) job.reject(error);
      return;
    }
    for (const { job, value } of done) job.resolve(value);
  }

  /** One turn in its savepoint; FAILED when it failed and was rolled back alone. */
  async #turn(tx: Tx, job: Job<Tx>): Promise<unknown> {
    this.connection.exec('SAVEPOINT turn');
    let value: unknown;
    try {
      value = await job.work(tx);
    } catch (error) {
      job.reject(error);
      // Throws when SQLite already ended the whole transaction itself (a full
      // disk, an I/O error): the turns before this one went with it, and so does the batch.
      this.connection.exec('ROLLBACK TO turn');
      this.connection.exec('RELEASE turn');
      return FAILED;
    }
    this.connection.exec('RELEASE turn');
    return value;
  }
}

const FAILED = Symbol('failed');
