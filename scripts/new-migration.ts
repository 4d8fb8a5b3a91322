/**
 * Writes a new migration for both providers from the difference between the
 * committed migrations and the current schema copies.
 * Usage: npm run db:schema && npm run db:migration -- add_feedback_table
 * `prisma migrate dev` cannot be used here (it needs a native engine), and
 * `migrate diff --from-migrations` hits prisma/orm#27403 on PostgreSQL, so each
 * migration folder keeps the schema it was generated from and the next one is
 * the diff between that snapshot and the current schema copy.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { PROVIDERS, type Provider } from './schema-copies.ts';

export function pendingSql(provider: Provider): string {
  const last = latestMigration(provider);
  const from = last ? ['--from-schema-datamodel', `${last}/schema.prisma`] : ['--from-empty'];
  return execFileSync(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      '--config',
      `prisma/${provider}.config.ts`,
      ...from,
      '--to-schema-datamodel',
      `prisma/${provider}/schema.prisma`,
      '--script',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
    .replace(/^Loaded Prisma config.*\n/m, '')
    .trim();
}

export function latestMigration(provider: Provider): string | undefined {
  const dir = `prisma/migrations/${provider}`;
  const names = readdirSync(dir)
    .filter((name) => /^\d{14}_/.test(name))
    .sort();
  const last = names.at(-1);
  return last ? `${dir}/${last}` : undefined;
}

function isEmpty(sql: string): boolean {
  return sql === '' || sql.startsWith('-- This is an empty migration');
}

if (process.argv[1]?.endsWith('new-migration.ts')) {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: npm run db:migration -- <snake_case_name>');
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  for (const provider of PROVIDERS) {
    const sql = pendingSql(provider);
    if (isEmpty(sql)) {
      console.log(`${provider}: schema already matches the migrations`);
      continue;
    }
    const dir = `prisma/migrations/${provider}/${stamp}_${name}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/migration.sql`, `${sql}\n`);
    copyFileSync(`prisma/${provider}/schema.prisma`, `${dir}/schema.prisma`);
    console.log(`${provider}: wrote ${dir}/migration.sql`);
  }
}
