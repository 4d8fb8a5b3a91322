/**
 * Applies the committed migrations in prisma/migrations/<provider>/ and records
 * them in Prisma's own `_prisma_migrations` format, so a native
 * `prisma migrate deploy` elsewhere sees them as applied. Prisma's JS schema
 * engine cannot run `migrate deploy` on PostgreSQL (prisma/orm#27403), so one
 * small runner serves both providers.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.ts';
import { prepareSqliteFile, secureSqliteCompanions } from './sqlite-files.ts';

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));
/** The advisory lock id Prisma itself uses, so a native deploy and this runner exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(provider: DatabaseTarget['provider']): Migration[] {
  const dir = `${MIGRATIONS_ROOT}${provider}/`;
  return readdirSync(dir)
    .filter((name) => existsSync(`${dir}${name}/migration.sql`))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}${name}/migration.sql`, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function checkApplied(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const local = migrations.find((m) => m.name === name);
    if (!local) {
      throw new MigrationError(
        `the database has migration ${name}, which this version of SLRT Desk does not know: is the desk older than the database?`,
      );
    }
    if (local.checksum !== checksum) {
      throw new MigrationError(`migration ${name} was edited after it was applied`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

export async function migrate(url: string): Promise<MigrationResult> {
  const target = parseDatabaseUrl(url);
  const migrations = readMigrations(target.provider);
  return target.provider === 'sqlite'
    ? migrateSqlite(target.file, migrations)
    : migratePostgres(target.url, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): MigrationResult {
  prepareSqliteFile(file);
  const db = new BetterSqlite3(file, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    secureSqliteCompanions(file);
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock first, so two processes starting together
    // cannot both decide a migration is pending.
    const run = db.transaction(() => {
      const rows = db
        .prepare(
          'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .all() as { migration_name: string; checksum: string }[];
      const pending = checkApplied(
        migrations,
        new Map(rows.map((r) => [r.migration_name, r.checksum])),
      );
      for (const m of pending) {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), m.checksum, m.name);
        applied.push(m.name);
      }
      return pending.length;
    });
    const count = run.immediate();
    return { applied, alreadyApplied: migrations.length - count };
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const pending = checkApplied(
      migrations,
      new Map(rows.map((r) => [r.migration_name, r.checksum])),
    );
    for (const m of pending) {
      // PostgreSQL DDL is transactional: a failing migration leaves nothing behind.
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`migration ${m.name} failed`, { cause: error });
      }
    }
    return {
      applied: pending.map((m) => m.name),
      alreadyApplied: migrations.length - pending.length,
    };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}
