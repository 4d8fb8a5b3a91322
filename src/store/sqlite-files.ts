/**
 * The SQLite database and its -wal, -shm and -journal companions hold every
 * resident's record: readable by the desk's user only. SQLite gives a new
 * companion file the database file's mode, so creating the database file
 * 0600 before SQLite opens it covers new installations; companions left by
 * an older desk are tightened after opening.
 */
import { dirname } from 'node:path';
import {
  ensurePrivateDirSync,
  ensurePrivateFileSync,
  restrictToOwnerSync,
} from '../security/private-files.ts';

const COMPANIONS = ['-wal', '-shm', '-journal'];

/** Before opening: the folder (0700 when created here) and the database file (0600). */
export function prepareSqliteFile(file: string): void {
  if (file === ':memory:') return;
  ensurePrivateDirSync(dirname(file));
  ensurePrivateFileSync(file);
}

/** After opening: the companion files that exist, 0600. */
export function secureSqliteCompanions(file: string): void {
  if (file === ':memory:') return;
  for (const suffix of COMPANIONS) {
    try {
      restrictToOwnerSync(file + suffix);
    } catch (error) {
      // Not there (a -journal exists only during a rollback-mode write): nothing to protect.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
