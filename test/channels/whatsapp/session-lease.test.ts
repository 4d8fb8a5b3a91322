import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SessionLease } from '../../../src/channels/whatsapp/session-lease.ts';
import type { Database } from '../../../src/store/database.ts';
import { openTestDatabase, PROVIDERS } from '../../support/test-database.ts';

describe.each(PROVIDERS)('session lease on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  const clock = { now: new Date('2026-11-27T02:00:00Z') };
  const lease = (holder: string) =>
    new SessionLease(db.prisma, {
      name: 'whatsapp',
      ttlMs: 30_000,
      holder,
      clock: () => clock.now,
    });

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
  });
  afterEach(() => db.prisma.lease.deleteMany({}));
  afterAll(() => drop());

  it('goes to the first process that asks and stays with it while renewed', async () => {
    const a = lease('a');
    const b = lease('b');
    expect(await a.tryAcquire()).toEqual(new Date(clock.now.getTime() + 30_000));
    expect(await b.tryAcquire()).toBeNull();
    expect(await a.tryAcquire()).not.toBeNull();
    clock.now = new Date(clock.now.getTime() + 20_000);
    expect(await a.renew()).toEqual(new Date(clock.now.getTime() + 30_000));
    clock.now = new Date(clock.now.getTime() + 20_000);
    expect(await b.tryAcquire()).toBeNull();
  });

  it('passes to another process once it expired, and the old holder learns it lost it', async () => {
    const a = lease('a');
    const b = lease('b');
    await a.tryAcquire();
    clock.now = new Date(clock.now.getTime() + 30_001);
    expect(await b.tryAcquire()).not.toBeNull();
    expect(await a.renew()).toBeNull();
    expect(await a.tryAcquire()).toBeNull();
  });

  it('is released only by its holder', async () => {
    const a = lease('a');
    const b = lease('b');
    await a.tryAcquire();
    await b.release();
    expect(await b.tryAcquire()).toBeNull();
    await a.release();
    expect(await b.tryAcquire()).not.toBeNull();
  });

  it('goes to exactly one of many processes asking at the same moment', async () => {
    const contenders = Array.from({ length: 8 }, (_, i) => lease(`p${i}`));
    const results = await Promise.all(contenders.map((c) => c.tryAcquire()));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const row = await db.prisma.lease.findUniqueOrThrow({ where: { name: 'whatsapp' } });
    expect(contenders[results.findIndex((r) => r !== null)]?.holder).toBe(row.holder);
  });
});
