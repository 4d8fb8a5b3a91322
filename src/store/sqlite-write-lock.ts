/**
 * Every transaction on the desk's SQLite connection takes the file's write
 * lock as it starts, and waits for it without stopping the desk.
 *
 * Prisma's adapter opens a transaction with a plain BEGIN, which takes no
 * lock. A transaction that reads before it writes (a turn asks whether the
 * sender is staff; the dispatcher reads which replies are due) then meets
 * another process's lock (a CLI command, the checkpointer cutting the log
 * back after a rush) with SQLITE_BUSY at once: SQLite does not let it wait,
 * since its snapshot could be out of date by the time the lock is free.
 * Two desk processes on one file met 5,443 such refusals in 30,300 turns.
 * One that writes first does wait, but in SQLite's busy wait: a sleep on the
 * desk's only thread, during which every chat, the health check and the
 * Telegram poll stop.
 *
 * So the lock is asked for right after BEGIN, before anything else runs in
 * the transaction, with busy_timeout 0. Refused, the transaction is rolled
 * back (nothing ran in it) and opened again after a short sleep on a timer,
 * until the busy timeout has passed; then the refusal goes to the caller.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WriteLockSteps<T> {
  /** opens a transaction (the adapter's own start: its mutex, then BEGIN) */
  start(): Promise<T>;
  /** asks for the write lock in the transaction just opened, without waiting; throws SQLite's busy error when refused */
  tryLock(): void;
  /** rolls back the transaction just opened, so the next one may start */
  abandon(transaction: T): Promise<void>;
  /** how long a transaction waits for the lock in all */
  waitMs: number;
}

/** Longest sleep between two tries: a CLI command's write takes milliseconds. */
const MAX_PAUSE_MS = 50;

/** A transaction holding the write lock, or the last refusal once `waitMs` has passed. */
export async function startWriteLocked<T>(steps: WriteLockSteps<T>): Promise<T> {
  const deadline = performance.now() + steps.waitMs;
  for (let pause = 1; ; pause = Math.min(MAX_PAUSE_MS, pause * 2)) {
    const transaction = await steps.start();
    try {
      steps.tryLock();
      return transaction;
    } catch (error) {
      await steps.abandon(transaction);
      if (!isBusy(error)) throw error;
      const left = deadline - performance.now();
      if (left <= 0) throw error;
      await sleep(Math.min(pause, left));
    }
  }
}

/** SQLite's result code of a better-sqlite3 error (SQLITE_BUSY, SQLITE_FULL …), null for any other error. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

const isBusy = (error: unknown) => sqliteCode(error)?.startsWith('SQLITE_BUSY') === true;
