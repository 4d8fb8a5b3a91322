/**
 * Opens the Prisma client for whichever database DATABASE_URL names. Both
 * generated clients come from the same models (prisma/models.prisma), so the
 * rest of the code uses one client type regardless of provider.
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/index.js';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/index.js';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.ts';
import { prepareSqliteFile, secureSqliteCompanions } from './sqlite-files.ts';

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: Db;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * How long a SQLite write waits for another connection's lock before it
   * fails (default 10 s: a CLI command and the running desk may write at the
   * same moment). Tests of a locked database set it shorter.
   */
  sqliteBusyTimeoutMs?: number;
}

export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const target = parseDatabaseUrl(url);
  let prisma: Db;
  if (target.provider === 'sqlite') {
    prepareSqliteFile(target.file);
    const timeout = options.sqliteBusyTimeoutMs ?? 10_000;
    const adapter = new PrismaBetterSQLite3({ url: target.file, timeout });
    prisma = new SqliteClient({ adapter });
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    // SQLite plans joins from table statistics it keeps only when asked; without
    // them a report joins every ticket of a kecamatan instead of a month's rows.
    // This analyzes tables never or long ago analyzed, sampling so a large file opens quickly.
    await prisma.$executeRawUnsafe('PRAGMA analysis_limit = 1000');
    await prisma.$executeRawUnsafe('PRAGMA optimize = 0x10002');
    secureSqliteCompanions(target.file);
  } else {
    const adapter = new PrismaPg({ connectionString: target.url });
    prisma = new PostgresClient({ adapter }) as unknown as Db;
  }
  return {
    target,
    prisma,
    async ping() {
      try {
        await prisma.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => prisma.$disconnect(),
  };
}
