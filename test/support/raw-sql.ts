/**
 * Plain SQL against a test database, below Prisma: for checking what the
 * migration runner wrote, tampering with it, and describing a schema.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';

export type Row = Record<string, unknown>;

/** Runs one statement and returns its rows. Parameters are `?` for SQLite and `$1` for PostgreSQL. */
export async function rawQuery<T = Row>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const db = new BetterSqlite3(target.file, { timeout: 10_000 });
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs a multi-statement script (a migration, a `migrate diff` output). */
export async function rawScript(url: string, script: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const db = new BetterSqlite3(target.file);
    try {
      db.exec(script);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}
