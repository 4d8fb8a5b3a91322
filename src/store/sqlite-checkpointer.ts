/**
 * Copies SQLite's write-ahead log back into the database file from a worker
 * thread with its own connection. Left to SQLite, the connection that commits
 * the 1,000th page of log does the copy and its fsync inside that commit: on
 * the desk's only connection that stalls every chat for tens of milliseconds
 * and takes about a third of a busy desk's time. On the second core it costs
 * turns nothing, and a passive checkpoint never waits for or blocks a writer.
 *
 * While turns keep coming, passive checkpoints never let the log start over
 * (more has been written by the time one is copied), so a rush grows the
 * -wal file: 770 MB in a bench run. Cutting it back used to fall to the
 * desk's connection, inside the first turn after a lull (journal_size_limit),
 * and cutting a file that size froze every chat for about 160 ms. The worker
 * cuts it instead, once the desk has written nothing for a whole interval.
 *
 * The worker is plain JavaScript evaluated from a string, so it runs the same
 * under tsx, vitest and a build without a TypeScript loader.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface SqliteCheckpointer {
  /** A last full checkpoint (the log emptied), then the worker's connection closes. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** between passive checkpoints */
  intervalMs?: number;
  /** how long the final checkpoint waits for the desk's connection */
  busyTimeoutMs?: number;
  /** a quiet desk's log larger than this is emptied */
  keepBytes?: number;
  /** told when the worker is gone for good, so the desk's connection checkpoints again itself */
  onLost: (error: unknown) => void;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
const { statSync } = require('node:fs');
const checkpoint = (mode) => {
  try { return db.pragma('wal_checkpoint(' + mode + ')')[0]; } catch (error) {
    // Busy or locked: the next tick tries again; nothing in the log is lost meanwhile.
    return null;
  }
};
const logBytes = () => { try { return statSync(workerData.file + '-wal').size; } catch { return 0; } };
let lastLog = -1;
const tick = () => {
  const done = checkpoint('PASSIVE');
  if (!done) return;
  const quiet = done.log === lastLog && done.checkpointed === done.log;
  lastLog = done.log;
  if (quiet && logBytes() > workerData.keepBytes) {
    checkpoint('TRUNCATE');
    lastLog = -1;
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('TRUNCATE');
  db.close();
  parentPort.close();
});
`;

export function startSqliteCheckpointer(
  file: string,
  options: CheckpointerOptions,
): SqliteCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      intervalMs: options.intervalMs ?? 250,
      busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
      keepBytes: options.keepBytes ?? 64 * 1024 * 1024,
    },
  });
  // A desk that is otherwise done must not stay up for its checkpointer.
  worker.unref();
  let stopping = false;
  const lose = (error: unknown) => {
    if (stopping) return;
    stopping = true;
    options.onLost(error);
  };
  worker.once('error', lose);
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      lose(new Error(`the checkpointer stopped (exit code ${code})`));
      resolve();
    });
  });
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      // Held again until the final checkpoint is done: close() waits for it.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
