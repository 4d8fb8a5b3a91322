/**
 * Folders and files that hold personal data, or the key to it, are for the
 * desk's own user only (0700 and 0600). Modes are set with chmod after
 * creation, because the process umask can only take bits away from the mode
 * given at creation and a library (SQLite) may create files with its own.
 * A folder that already existed is left alone: it may be /var/lib or a
 * shared mount, not the desk's to change.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` and any missing parents as 0700. */
export function ensurePrivateDirSync(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first) for (const created of createdDirs(dir, first)) chmodSync(created, PRIVATE_DIR_MODE);
}

/** {@link ensurePrivateDirSync} for request paths (attachments). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first) for (const created of createdDirs(dir, first)) await chmod(created, PRIVATE_DIR_MODE);
}

/** Creates `file` 0600 if it is missing; an existing one loses group and other access. */
export function ensurePrivateFileSync(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    restrictToOwnerSync(file);
  }
}

/**
 * Takes group and other access away from an existing file, if it has any,
 * and nothing else: a key file an operator made read-only stays read-only.
 */
export function restrictToOwnerSync(file: string): void {
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, mode & 0o700);
}

/** The folders mkdir made: `dir` and its parents up to the first one it created. */
function createdDirs(dir: string, first: string): string[] {
  const dirs: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    dirs.push(d);
    if (d === resolve(first) || d === dirname(d)) return dirs;
  }
}
