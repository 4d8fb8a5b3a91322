// Prisma CLI config for the SQLite schema copy. The JS schema engine with a
// driver adapter means the CLI never downloads a native engine binary.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'sqlite/schema.prisma',
  migrations: { path: 'migrations/sqlite' },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE_URL ?? ':memory:' });
  },
});
