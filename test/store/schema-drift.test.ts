/**
 * One model source, two schema copies, two migration histories: these tests
 * fail as soon as any of them drifts from the others, and say which command
 * brings them back in line.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestMigration } from '../../scripts/new-migration.ts';
import { renderSchema, schemaPath } from '../../scripts/schema-copies.ts';
import { migrate } from '../../src/store/migrate.ts';
import { type Row, rawQuery, rawScript } from '../support/raw-sql.ts';
import { createEmptyDatabase, PROVIDERS, type TestDatabase } from '../support/test-database.ts';

const run = promisify(execFile);

/** The SQL Prisma would write today for an empty database, from the current schema copy. */
async function sqlForCurrentSchema(provider: string): Promise<string> {
  const { stdout } = await run(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      '--config',
      `prisma/${provider}.config.ts`,
      '--from-empty',
      '--to-schema-datamodel',
      `prisma/${provider}/schema.prisma`,
      '--script',
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout.replace(/^Loaded Prisma config.*\n/, '');
}

const byJson = (a: Row, b: Row) => JSON.stringify(a).localeCompare(JSON.stringify(b));

async function describeSqlite(url: string): Promise<Record<string, Row[]>> {
  const tables = `SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`;
  const [columns, indexes, foreignKeys] = await Promise.all([
    rawQuery(
      url,
      `SELECT t.name AS tbl, c.name, c.type, c."notnull", c.dflt_value, c.pk
       FROM (${tables}) t, pragma_table_info(t.name) c`,
    ),
    rawQuery(
      url,
      `SELECT t.name AS tbl, l.name, l."unique", l.origin, l.partial, i.seqno, i.name AS col
       FROM (${tables}) t, pragma_index_list(t.name) l, pragma_index_info(l.name) i`,
    ),
    rawQuery(
      url,
      `SELECT t.name AS tbl, f.seq, f."table" AS ref, f."from", f."to", f.on_update, f.on_delete
       FROM (${tables}) t, pragma_foreign_key_list(t.name) f`,
    ),
  ]);
  return {
    columns: columns.sort(byJson),
    indexes: indexes.sort(byJson),
    foreignKeys: foreignKeys.sort(byJson),
  };
}

async function describePostgres(url: string): Promise<Record<string, Row[]>> {
  const [columns, indexes, constraints] = await Promise.all([
    rawQuery(
      url,
      `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    ),
    rawQuery(
      url,
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    ),
    // NOT NULL shows up as CHECK constraints named after object ids, which differ
    // between databases; nullability is already compared through the columns.
    rawQuery(
      url,
      `SELECT tc.table_name, tc.constraint_name, tc.constraint_type, rc.update_rule, rc.delete_rule
       FROM information_schema.table_constraints tc
       LEFT JOIN information_schema.referential_constraints rc
         ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
       WHERE tc.table_schema = 'public' AND tc.table_name <> '_prisma_migrations'
         AND tc.constraint_name !~ '^[0-9]+_[0-9]+_[0-9]+_not_null$'`,
    ),
  ]);
  return {
    columns: columns.sort(byJson),
    indexes: indexes.sort(byJson),
    constraints: constraints.sort(byJson),
  };
}

describe.each(PROVIDERS)('schema copy and migrations (%s)', (provider) => {
  it('the schema copy is what models.prisma renders (run `npm run db:schema`)', () => {
    expect(readFileSync(schemaPath(provider), 'utf8')).toBe(renderSchema(provider));
  });

  it('the latest migration was made from the current schema (run `npm run db:migration -- <name>`)', () => {
    const latest = latestMigration(provider);
    expect(latest).toBeDefined();
    expect(readFileSync(`${latest}/schema.prisma`, 'utf8')).toBe(
      readFileSync(schemaPath(provider), 'utf8'),
    );
  });

  describe('database structure', () => {
    let migrated: TestDatabase;
    let fromSchema: TestDatabase;
    beforeAll(async () => {
      [migrated, fromSchema] = await Promise.all([
        createEmptyDatabase(provider),
        createEmptyDatabase(provider),
      ]);
    });
    afterAll(async () => {
      await Promise.all([migrated?.drop(), fromSchema?.drop()]);
    });

    it('the committed migrations build the same tables, indexes and keys as the current schema', {
      timeout: 60_000,
    }, async () => {
      const [sql] = await Promise.all([sqlForCurrentSchema(provider), migrate(migrated.url)]);
      expect(sql).toMatch(/CREATE TABLE/);
      await rawScript(fromSchema.url, sql);

      const describeDb = provider === 'sqlite' ? describeSqlite : describePostgres;
      const [actual, expected] = await Promise.all([
        describeDb(migrated.url),
        describeDb(fromSchema.url),
      ]);
      expect(expected.columns?.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    });
  });
});
