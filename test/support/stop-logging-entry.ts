/**
 * `npm start`'s logger and signal handling in a child process whose stdout is
 * a pipe, stopped by SIGTERM while every thread of libuv's pool is busy, as
 * on a loaded machine. Prints the desk's log lines and nothing else.
 */
import { pbkdf2 } from 'node:crypto';
import { createProcessLogger } from '../../src/log.ts';
import { stopOnSignals } from '../../src/stop-on-signals.ts';

const logger = createProcessLogger('info');
stopOnSignals({ stop: () => new Promise((resolve) => setTimeout(resolve, 10)) }, logger);
// Each takes a second or more: a write queued on the pool waits behind them. libuv's pool
// has 4 threads unless the environment says otherwise.
const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
for (let i = 0; i < poolSize; i++) pbkdf2('slrt', 'desk', 3_000_000, 32, 'sha256', () => {});
process.kill(process.pid, 'SIGTERM');
