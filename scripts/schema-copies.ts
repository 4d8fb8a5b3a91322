/**
 * Writes the per-provider Prisma schemas from prisma/models.prisma.
 * Prisma needs one schema per provider (the generated client is provider-bound),
 * but the models must not be edited in two places: edit models.prisma, then run
 * `npm run db:schema` and `npm run db:migration -- <name>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROVIDERS = ['sqlite', 'postgresql'] as const;
export type Provider = (typeof PROVIDERS)[number];

const root = fileURLToPath(new URL('..', import.meta.url));
const placeholderUrl: Record<Provider, string> = {
  sqlite: 'file:../../data/slrt.db',
  postgresql: 'postgresql://localhost:5432/slrt',
};

export function schemaPath(provider: Provider): string {
  return `${root}prisma/${provider}/schema.prisma`;
}

export function renderSchema(provider: Provider): string {
  const models = readFileSync(`${root}prisma/models.prisma`, 'utf8');
  const header = `// GENERATED from prisma/models.prisma by \`npm run db:schema\`. Do not edit.

generator client {
  provider   = "prisma-client-js"
  output     = "../generated/${provider}"
  engineType = "client"
}

// The real URL comes from DATABASE_URL at run time (src/store/database.ts).
datasource db {
  provider = "${provider}"
  url      = "${placeholderUrl[provider]}"
}

`;
  return header + models;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const provider of PROVIDERS) {
    writeFileSync(schemaPath(provider), renderSchema(provider));
    console.log(`wrote ${schemaPath(provider)}`);
  }
}
