/** What a DATABASE_URL points at, decided in one place. */
import { resolve } from 'node:path';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    return { provider: 'sqlite', url, file: file === ':memory:' ? file : resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  throw new Error(`unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
}

/** The URL without its password, for log lines. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return `SQLite file ${target.file}`;
  const parsed = new URL(target.url);
  return `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
