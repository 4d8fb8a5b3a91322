/**
 * Makes a test desk's database unavailable and brings it back, honestly for
 * each provider: PostgreSQL is reached through a TcpProxy whose plug is
 * pulled (connections dropped, new ones refused); SQLite, a file, is locked
 * by another process holding BEGIN EXCLUSIVE, so every write of the desk
 * waits out its busy timeout and fails, as when a long admin job holds it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import { TcpProxy } from './tcp-proxy.ts';
import type { TestDatabaseOptions, TestProvider } from './test-database.ts';

/** The desk's SQLite busy timeout in outage tests: short, so a locked write fails quickly. */
export const TEST_BUSY_TIMEOUT_MS = 200;

export interface DatabaseOutage {
  /** how the desk opens its database, so the outage can reach it */
  readonly database: TestDatabaseOptions;
  /** The database goes away; `url` is its own URL (the desk harness's `url`). */
  begin(url: string): Promise<void>;
  /** The database is back. */
  end(): Promise<void>;
  close(): Promise<void>;
}

export function databaseOutage(provider: TestProvider): DatabaseOutage {
  return provider === 'postgresql' ? proxiedPostgres() : lockedSqlite();
}

function proxiedPostgres(): DatabaseOutage {
  let proxy: TcpProxy | undefined;
  return {
    database: {
      async through(url) {
        const target = new URL(url);
        proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
        return proxy.rewrite(url);
      },
    },
    begin: async () => proxy?.cut(),
    end: async () => proxy?.restore(),
    close: async () => proxy?.close(),
  };
}

/**
 * Held by a separate process, as an admin job would: SQLite's file locks are
 * per process, and Prisma's adapter loads its own copy of better-sqlite3, so a
 * lock taken in the test's own process would not stop the desk's writes.
 */
const LOCKER = `
const db = new (require('better-sqlite3'))(process.argv[1]);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
`;

function lockedSqlite(): DatabaseOutage {
  let locker: ChildProcess | undefined;
  const release = async () => {
    const running = locker;
    locker = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.stdin?.write('release\n');
    await exited;
  };
  return {
    database: { open: { sqliteBusyTimeoutMs: TEST_BUSY_TIMEOUT_MS } },
    async begin(url) {
      const target = parseDatabaseUrl(url);
      if (target.provider !== 'sqlite') throw new Error('not a SQLite database');
      const child = spawn(process.execPath, ['-e', LOCKER, target.file], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      locker = child;
      const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
      if (!line.toString().startsWith('locked')) throw new Error('the SQLite locker did not lock');
    },
    end: release,
    close: release,
  };
}
