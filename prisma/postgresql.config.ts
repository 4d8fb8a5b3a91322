// Prisma CLI config for the PostgreSQL schema copy (used for `generate` and
// `migrate diff`; migrations are applied by src/store/migrate.ts, see README).
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'postgresql/schema.prisma',
  migrations: { path: 'migrations/postgresql' },
  async adapter() {
    return new PrismaPg({
      connectionString:
        process.env.PRISMA_CLI_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
      // Without it the idle pool keeps every `migrate diff` alive 10 s after it has answered.
      allowExitOnIdle: true,
    });
  },
});
