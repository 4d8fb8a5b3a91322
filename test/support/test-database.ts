/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL
 * database on the local server (TEST_POSTGRES_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres). PostgreSQL being down is a
 * failure, never a skip: the same repository tests must pass on both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type OpenDatabaseOptions, openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';

export const PROVIDERS = ['sqlite', 'postgresql'] as const;
export type TestProvider = (typeof PROVIDERS)[number];

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  provider: TestProvider;
  url: string;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL}; start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set TEST_POSTGRES_URL`,
      { cause: error },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database of the given provider (not migrated). */
export async function createEmptyDatabase(provider: TestProvider): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'slrt-test-'));
    return {
      provider,
      url: `file:${join(dir, 'slrt.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `slrt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export interface TestDatabaseOptions {
  /** the URL the desk's client connects to instead (e.g. through a TcpProxy) */
  through?: (url: string) => string | Promise<string>;
  open?: OpenDatabaseOptions;
}

/** A migrated database with an open Prisma client. */
export async function openTestDatabase(
  provider: TestProvider,
  options: TestDatabaseOptions = {},
): Promise<{ db: Database; url: string; drop(): Promise<void> }> {
  const empty = await createEmptyDatabase(provider);
  await migrate(empty.url);
  const clientUrl = options.through ? await options.through(empty.url) : empty.url;
  const db = await openDatabase(clientUrl, options.open);
  return {
    db,
    url: empty.url,
    async drop() {
      await db.close();
      await empty.drop();
    },
  };
}
