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

/**
 * Where the URL connects, without its password, for log lines. A server on
 * the same machine can be reached over its Unix socket (README, "Running on
 * PostgreSQL"), named by a directory in `?host=` or as the percent-encoded
 * host, as pg reads them; the log says which socket, not the placeholder host.
 */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return `SQLite file ${target.file}`;
  const parsed = new URL(target.url);
  const host = parsed.searchParams.get('host') ?? decodedOrAsIs(parsed.hostname);
  const port = parsed.port || '5432';
  if (host.startsWith('/')) {
    return `PostgreSQL socket ${host.replace(/\/$/, '')}/.s.PGSQL.${port}, database ${parsed.pathname.slice(1)}`;
  }
  return `PostgreSQL ${host || 'localhost'}:${port}${parsed.pathname}`;
}

function decodedOrAsIs(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
