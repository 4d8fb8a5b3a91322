import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, migrate } from '../../src/store/migrate.ts';
import { rawQuery } from '../support/raw-sql.ts';
import { createEmptyDatabase, PROVIDERS, type TestDatabase } from '../support/test-database.ts';

/** The committed migrations, read from disk independently of the runner. */
function committedMigrations(provider: string): { name: string; checksum: string }[] {
  const dir = `prisma/migrations/${provider}`;
  return readdirSync(dir)
    .filter((name) => existsSync(`${dir}/${name}/migration.sql`))
    .sort()
    .map((name) => ({
      name,
      checksum: createHash('sha256')
        .update(readFileSync(`${dir}/${name}/migration.sql`))
        .digest('hex'),
    }));
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function recorded(url: string): Promise<MigrationRow[]> {
  return rawQuery<MigrationRow>(
    url,
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
  );
}

describe.each(PROVIDERS)('migrate (%s)', (provider) => {
  const committed = committedMigrations(provider);
  const first = committed[0];

  it('has committed migrations to test with', () => {
    expect(committed.length).toBeGreaterThan(0);
  });

  describe('on one database, run after run', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createEmptyDatabase(provider);
    });
    afterAll(() => t.drop());

    it('applies every committed migration to an empty database and records each like Prisma does', async () => {
      const result = await migrate(t.url);

      expect(result).toEqual({ applied: committed.map((m) => m.name), alreadyApplied: 0 });
      const rows = await recorded(t.url);
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
        committed.map((m) => [m.name, m.checksum]),
      );
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
      // The migrations really ran: the tables the desk needs are there.
      const areas = await rawQuery(t.url, 'SELECT COUNT(*) AS n FROM "Area"');
      expect(Number(areas[0]?.n)).toBe(0);
    });

    it('applies nothing when run again', async () => {
      const result = await migrate(t.url);

      expect(result).toEqual({ applied: [], alreadyApplied: committed.length });
      expect(await recorded(t.url)).toHaveLength(committed.length);
    });

    it('refuses to run when an applied migration was edited afterwards, naming it', async () => {
      if (!first) throw new Error('no committed migration');
      await rawQuery(
        t.url,
        `UPDATE "_prisma_migrations" SET checksum = '${'0'.repeat(64)}' WHERE migration_name = '${first.name}'`,
      );
      try {
        const run = migrate(t.url);
        await expect(run).rejects.toThrow(MigrationError);
        await expect(run).rejects.toThrow(
          `migration ${first.name} was edited after it was applied`,
        );
      } finally {
        await rawQuery(
          t.url,
          `UPDATE "_prisma_migrations" SET checksum = '${first.checksum}' WHERE migration_name = '${first.name}'`,
        );
      }
      await expect(migrate(t.url)).resolves.toEqual({
        applied: [],
        alreadyApplied: committed.length,
      });
    });

    it('refuses a database that has a migration this version does not know', async () => {
      const unknown = '29991231235959_from_a_newer_desk';
      await rawQuery(
        t.url,
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ('future', '${'f'.repeat(64)}', CURRENT_TIMESTAMP, '${unknown}', 1)`,
      );
      try {
        const run = migrate(t.url);
        await expect(run).rejects.toThrow(MigrationError);
        await expect(run).rejects.toThrow(unknown);
      } finally {
        await rawQuery(t.url, `DELETE FROM "_prisma_migrations" WHERE id = 'future'`);
      }
    });
  });

  describe('when several desks start together', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createEmptyDatabase(provider);
    });
    afterAll(() => t.drop());

    it('applies each migration exactly once and every caller succeeds', async () => {
      const results = await Promise.all([migrate(t.url), migrate(t.url), migrate(t.url)]);

      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(committed.map((m) => m.name));
      for (const result of results) {
        expect(result.applied.length + result.alreadyApplied).toBe(committed.length);
      }
      const rows = await recorded(t.url);
      expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
    });
  });
});
