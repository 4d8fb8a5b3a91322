/**
 * Finds the master key for personal data. A configured DATA_ENCRYPTION_KEY
 * always wins. With SQLite and no key, a key file is created beside the
 * database so the desk works out of the box; PostgreSQL deployments run several
 * processes that must share one key, so there the key is mandatory.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePrivateDirSync, PRIVATE_FILE_MODE, restrictToOwnerSync } from './private-files.ts';

export type DataKeySource =
  | { kind: 'env'; key: Buffer }
  | { kind: 'file'; key: Buffer; path: string; created: boolean };

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
}

export function resolveDataKey(options: {
  configuredKey: string | undefined;
  sqliteFile: string | undefined;
}): DataKeySource {
  if (options.configuredKey) return { kind: 'env', key: parseKey(options.configuredKey) };
  if (!options.sqliteFile) {
    throw new Error(
      'Invalid DATA_ENCRYPTION_KEY: required with PostgreSQL (generate one with: openssl rand -hex 32)',
    );
  }
  const path = join(dirname(options.sqliteFile), 'data-encryption.key');
  if (existsSync(path)) {
    restrictToOwnerSync(path);
    return { kind: 'file', key: parseKey(readFileSync(path, 'utf8')), path, created: false };
  }
  ensurePrivateDirSync(dirname(path));
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  // The umask cuts the mode given at creation; the key file must be 0600 exactly.
  chmodSync(path, PRIVATE_FILE_MODE);
  return { kind: 'file', key, path, created: true };
}
