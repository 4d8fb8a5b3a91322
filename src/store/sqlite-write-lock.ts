/**
 * A batch of turns takes SQLite's write lock before it reads anything, and
 * waits for it without stopping the desk.
 *
 * Prisma's adapter opens a transaction with a plain BEGIN, which takes no
 * lock; a turn first reads (is the sender staff?) and then writes. Once a
 * transaction has read, SQLite does not wait for the write lock: its
 * snapshot could be out of date by the time the lock is free. So whenever
 * another process held the file (a CLI command, the checkpointer cutting
 * the log back after a rush), every turn of the moment failed at once, not
 * after the busy timeout, and its message was left for the platform to send
 * again (NotCommitted). Two desk processes on one file met 5,443 such
 * refusals in 30,300 turns; with the lock taken first, none.
 *
 * Taken as the transaction's first statement, the lock is either had or
 * refused before any snapshot exists. Refused, the transaction is rolled
 * back before a turn ran and opened again after a short sleep, until the
 * busy timeout has passed. SQLite's own busy wait is a sleep on the only
 * thread: every chat, the health check and the Telegram poll would stop
 * with it, so the lock is asked for with busy_timeout 0.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WriteLockSteps<Tx> {
  /** opens a transaction, runs `body` in it and commits it (rolls back when it throws) */
  transaction(body: (tx: Tx) => Promise<void>): Promise<void>;
  /** asks for the write lock without waiting; throws SQLite's busy error when another connection has it */
  tryLock(): void;
  /** how long a batch waits for the lock in all */
  waitMs: number;
}

/** Longest sleep between two tries: a CLI command's write takes milliseconds. */
const MAX_PAUSE_MS = 50;

/** `body` runs once, holding the write lock; it is never tried again. */
export async function inWriteLockedTransaction<Tx>(
  steps: WriteLockSteps<Tx>,
  body: (tx: Tx) => Promise<void>,
): Promise<void> {
  const deadline = performance.now() + steps.waitMs;
  for (let pause = 1; ; pause = Math.min(MAX_PAUSE_MS, pause * 2)) {
    let refused: unknown = null;
    try {
      return await steps.transaction(async (tx) => {
        try {
          steps.tryLock();
        } catch (error) {
          if (isBusy(error)) refused = error;
          throw error;
        }
        await body(tx);
      });
    } catch (error) {
      // Only a refused lock is tried again: then no turn has run in this transaction.
      if (refused === null) throw error;
      const left = deadline - performance.now();
      if (left <= 0) throw refused;
      await sleep(Math.min(pause, left));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
