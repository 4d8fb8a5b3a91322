// Generates both Prisma clients (SQLite and PostgreSQL) after `npm ci`.
// The JS engine config means no engine binary is downloaded.
import { execFileSync } from 'node:child_process';

for (const provider of ['sqlite', 'postgresql']) {
  execFileSync('npx', ['prisma', 'generate', '--config', `prisma/${provider}.config.ts`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
