/**
 * A database as someone holding a copy of it would read it: the SQLite files'
 * bytes, or every PostgreSQL table rendered as text (and pg_dump's output when
 * it is installed), for tests that grep for personal data.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Database } from '../../src/store/database.ts';

/** The database file and its companions (-wal, -shm, -journal) that exist right now. */
export function rawSqliteFiles(db: Database): { name: string; bytes: Buffer }[] {
  if (db.target.provider !== 'sqlite') throw new Error('not a SQLite database');
  const dir = dirname(db.target.file);
  const base = basename(db.target.file);
  return readdirSync(dir)
    .filter((name) => name === base || name.startsWith(`${base}-`))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Every row of every table as PostgreSQL's own text form, plus a pg_dump when available. */
export async function rawDatabaseText(db: Database): Promise<string> {
  if (db.target.provider !== 'postgresql') throw new Error('not a PostgreSQL database');
  const client = new pg.Client({ connectionString: db.target.url });
  await client.connect();
  const parts: string[] = [];
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    for (const { schema, name } of tables.rows) {
      const rows = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM "${schema}"."${name}" t`,
      );
      parts.push(...rows.rows.map((r) => r.row));
    }
  } finally {
    await client.end();
  }
  const pgDump = findPgDump();
  if (pgDump) {
    const { stdout } = await promisify(execFile)(pgDump, ['--data-only', db.target.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    parts.push(stdout);
  }
  return parts.join('\n');
}

function findPgDump(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const path = join(root, version, 'bin', 'pg_dump');
    if (existsSync(path)) return path;
  }
  return null;
}
