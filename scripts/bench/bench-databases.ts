/**
 * Fresh, migrated databases for the turn benchmark: a SQLite file in a temp
 * directory, or a PostgreSQL database created and dropped through the admin URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../src/store/migrate.ts';

export const ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export type Provider = 'sqlite' | 'postgresql';

export interface BenchDatabase {
  provider: Provider;
  url: string;
  /** the SQLite file, for the raw driver */
  file?: string;
  drop(): Promise<void>;
}

export async function adminQuery(sql: string, url = ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A migrated empty database; `name` is the PostgreSQL database (dropped first if left over). */
export async function createBenchDatabase(
  provider: Provider,
  name: string,
): Promise<BenchDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${name}-`));
    const file = join(dir, 'bench.db');
    const url = `file:${file}`;
    await migrate(url);
    return { provider, url, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    provider,
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
