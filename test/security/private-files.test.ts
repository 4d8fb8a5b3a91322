/**
 * Where the desk keeps personal data on disk, only its own user can read: the
 * SQLite folder 0700, the database, its WAL and shared-memory files and the
 * data key 0600, attachments 0700/0600, whatever the umask says.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../src/attachments/attachment-store.ts';
import { prepareFoundation } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('files holding personal data', () => {
  let root: string;
  let umask: number;
  beforeAll(() => {
    // The usual umask, under which SQLite and plain mkdir leave everything world-readable.
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('makes the SQLite folder 0700 and the database, WAL, SHM and key file 0600 on a first start', async () => {
    root = mkdtempSync(join(tmpdir(), 'slrt-modes-'));
    const data = join(root, 'data', 'desk');
    const config = loadConfig({ DATABASE_URL: `file:${join(data, 'slrt.db')}` });
    const { db } = await prepareFoundation(config, createLogger('silent'));
    try {
      await db.prisma.setting.create({ data: { key: 'k', value: 'v' } });
      expect({
        root: modeOf(join(root, 'data')),
        data: modeOf(data),
        db: modeOf(join(data, 'slrt.db')),
        wal: modeOf(join(data, 'slrt.db-wal')),
        shm: modeOf(join(data, 'slrt.db-shm')),
        key: modeOf(join(data, 'data-encryption.key')),
      }).toEqual({ root: '700', data: '700', db: '600', wal: '600', shm: '600', key: '600' });
    } finally {
      await db.close();
    }
  });

  it('takes group and other access away from files an older desk left readable, and leaves an existing folder alone', async () => {
    root = mkdtempSync(join(tmpdir(), 'slrt-modes-'));
    chmodSync(root, 0o755);
    const file = join(root, 'slrt.db');
    await migrate(`file:${file}`);
    const first = await openDatabase(`file:${file}`);
    await first.prisma.setting.create({ data: { key: 'k', value: 'v' } });
    for (const suffix of ['', '-wal', '-shm']) chmodSync(file + suffix, 0o644);
    const again = await openDatabase(`file:${file}`);
    try {
      expect([modeOf(root), ...['', '-wal', '-shm'].map((s) => modeOf(file + s))]).toEqual([
        '755',
        '600',
        '600',
        '600',
      ]);
    } finally {
      await again.close();
      await first.close();
    }
  });

  it('keeps an existing key file readable by its owner only, without making a read-only one writable', async () => {
    root = mkdtempSync(join(tmpdir(), 'slrt-modes-'));
    const key = join(root, 'data-encryption.key');
    writeFileSync(key, `${'ab'.repeat(32)}\n`, { mode: 0o444 });
    chmodSync(key, 0o444);
    const config = loadConfig({ DATABASE_URL: `file:${join(root, 'slrt.db')}` });
    const { db } = await prepareFoundation(config, createLogger('silent'));
    await db.close();
    expect(modeOf(key)).toBe('400');
  });

  it('stores attachments in 0700 folders as 0600 files', async () => {
    root = mkdtempSync(join(tmpdir(), 'slrt-modes-'));
    const dir = join(root, 'attachments');
    const store = new AttachmentStore(dir, 1024 * 1024);
    const config = loadConfig({ DATABASE_URL: `file:${join(root, 'slrt.db')}` });
    const { db } = await prepareFoundation(config, createLogger('silent'));
    try {
      const saved = await store.save(db.prisma, {
        bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
        mimeType: 'application/pdf',
        identityId: null,
      });
      if (!saved.ok) throw new Error('not saved');
      const row = await db.prisma.attachment.findUniqueOrThrow({
        where: { id: saved.attachmentId },
      });
      const [month] = row.storageKey.split('/');
      expect([
        modeOf(dir),
        modeOf(join(dir, month as string)),
        modeOf(join(dir, row.storageKey)),
      ]).toEqual(['700', '700', '600']);
    } finally {
      await db.close();
    }
  });
});
