import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../src/attachments/attachment-store.ts';
import { databaseOutage } from '../support/database-outage.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const PHOTO = { bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1), mimeType: 'image/jpeg' };

describe.each(PROVIDERS)('attachment store on %s', (provider) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('leaves no file behind when the database cannot take its row, so a retry stores the file once', async () => {
    const outage = databaseOutage(provider);
    const test = await openTestDatabase(provider, outage.database);
    const dir = mkdtempSync(join(tmpdir(), 'slrt-attachments-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => outage.close());
    cleanup.push(() => test.drop());
    cleanup.push(() => outage.end());
    const store = new AttachmentStore(dir, 1024 * 1024);
    const files = () =>
      readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

    await outage.begin(test.url);
    await expect(store.save(test.db.prisma, { ...PHOTO, identityId: null })).rejects.toThrow();
    expect(files()).toEqual([]);

    await outage.end();
    const saved = await store.save(test.db.prisma, { ...PHOTO, identityId: null });
    expect(saved).toMatchObject({ ok: true, kind: 'photo' });
    expect(files()).toHaveLength(1);
    expect(await test.db.prisma.attachment.count()).toBe(1);
  });
});
