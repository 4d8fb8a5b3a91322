/**
 * db.writeLockFree(): background passes ask it before they write, because on
 * SQLite a write on a file another process holds waits out the busy timeout
 * with the whole desk stopped. Asking must not wait, must not change how long
 * the desk's own writes wait, and must not disturb a batch of turns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOutage, TEST_BUSY_TIMEOUT_MS } from '../support/database-outage.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe('db.writeLockFree() on sqlite', () => {
  const outage = databaseOutage('sqlite');
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await outage.close();
    await drop?.();
  });

  it('is false while another process holds the file, true before and after, and leaves the busy timeout as it was', async () => {
    const opened = await openTestDatabase('sqlite', outage.database);
    drop = opened.drop;
    const { db } = opened;
    const busyTimeout = async () =>
      Number(
        ((await db.prisma.$queryRawUnsafe('PRAGMA busy_timeout')) as { timeout: bigint }[])[0]
          ?.timeout,
      );
    expect(db.writeLockFree()).toBe(true);

    await outage.begin(opened.url);
    expect(db.writeLockFree()).toBe(false);
    expect(await busyTimeout()).toBe(TEST_BUSY_TIMEOUT_MS);
    // Reads still work while it is held.
    expect(await db.ping()).toBe(true);

    await outage.end();
    expect(db.writeLockFree()).toBe(true);
    expect(await busyTimeout()).toBe(TEST_BUSY_TIMEOUT_MS);
    // The desk's own writes go on as before.
    await db.prisma.lease.create({
      data: { name: 'probe', holder: 'test', expiresAt: new Date() },
    });
    expect(await db.prisma.lease.count({ where: { name: 'probe' } })).toBe(1);
  });

  it('answers true inside a batch of turns and leaves the batch to commit', async () => {
    const opened = await openTestDatabase('sqlite');
    drop = opened.drop;
    const { db } = opened;
    let inside: boolean | undefined;
    await db.inChat({ channel: 'test', chatKey: 'lock-probe' }, async (tx) => {
      await tx.lease.create({ data: { name: 'in-batch', holder: 'test', expiresAt: new Date() } });
      inside = db.writeLockFree();
    });
    expect(inside).toBe(true);
    expect(await db.prisma.lease.count({ where: { name: 'in-batch' } })).toBe(1);
  });
});

describe('db.writeLockFree() on postgresql', () => {
  it('is always true: a waiting statement there stops nothing else', async () => {
    const opened = await openTestDatabase('postgresql');
    try {
      expect(opened.db.writeLockFree()).toBe(true);
    } finally {
      await opened.drop();
    }
  });
});
