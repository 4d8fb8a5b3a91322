import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import { handleOnce } from '../../src/runtime/handle-once.ts';
import { type InboundMessage, inboundMessageSchema } from '../../src/runtime/messages.ts';
import { NotCommitted } from '../../src/runtime/not-committed.ts';
import { openOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import type { Database } from '../../src/store/database.ts';
import { isDatabaseUnavailable } from '../../src/store/database-unavailable.ts';
import { databaseOutage } from '../support/database-outage.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS, type TestProvider } from '../support/test-database.ts';

describe.each(PROVIDERS)('handling one message once on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  const now = new Date('2026-11-27T02:00:00Z');
  const options = () => ({
    db,
    cipher: testCipher(),
    logger: createLogger('silent'),
    now,
    apology: 'runtime.error' as const,
  });
  const message = (id: string): InboundMessage =>
    inboundMessageSchema.parse({
      channel: 'test',
      conversationKey: 'sundanese-chat',
      messageId: id,
      sender: { id: 'sundanese-resident' },
      receivedAt: now,
      kind: 'text',
      text: 'halo',
    });

  beforeAll(async () => {
    const test = await openTestDatabase(provider);
    db = test.db;
    drop = test.drop;
    await db.prisma.channelIdentity.create({
      data: { channel: 'test', externalId: 'sundanese-resident', locale: 'su' },
    });
  });
  afterAll(() => drop());

  it('does the work of a message delivered twice only once', async () => {
    let runs = 0;
    const work = async () => {
      runs += 1;
      return runs;
    };
    expect(await handleOnce(options(), message('twice'), work)).toEqual({
      status: 'handled',
      result: 1,
    });
    expect(await handleOnce(options(), message('twice'), work)).toEqual({ status: 'duplicate' });
    expect(runs).toBe(1);
  });

  it("apologises in the sender's language when the work fails, keeps nothing of it, and lets a redelivery run", async () => {
    const failing = async (tx: Parameters<Parameters<typeof handleOnce>[2]>[0]) => {
      await tx.setting.create({ data: { key: 'half-done', value: 'x' } });
      throw new Error('the database went away');
    };
    expect(await handleOnce(options(), message('fails'), failing)).toEqual({ status: 'failed' });
    expect(await db.prisma.setting.count({ where: { key: 'half-done' } })).toBe(0);
    const apology = await db.prisma.outbox.findMany({ where: { chatKey: 'sundanese-chat' } });
    expect(apology.map((row) => openOutboxPayload(testCipher(), row.payload).text)).toEqual([
      t('su', 'runtime.error'),
    ]);
    // The id was not recorded, so the platform's redelivery is handled.
    expect(await handleOnce(options(), message('fails'), async () => 'ok')).toEqual({
      status: 'handled',
      result: 'ok',
    });
  });

  it('leaves a message whose turn found the database unavailable to be tried again, with no apology, even when the database is back for one', async () => {
    const unavailable = await failureDuringOutage(provider);
    expect(isDatabaseUnavailable(unavailable)).toBe(true);
    // The turn met the outage; by the time an apology could be written the database is back.
    const meetsOutage = async () => {
      throw unavailable;
    };
    await expect(handleOnce(options(), message('outage'), meetsOutage)).rejects.toBeInstanceOf(
      NotCommitted,
    );
    expect(await db.prisma.outbox.count({ where: { dedupeKey: { contains: 'outage' } } })).toBe(0);
    expect(await handleOnce(options(), message('outage'), async () => 'ok')).toEqual({
      status: 'handled',
      result: 'ok',
    });
  });
});

/** The error a real write meets while the database is unreachable (PostgreSQL) or locked (SQLite). */
async function failureDuringOutage(provider: TestProvider): Promise<unknown> {
  const outage = databaseOutage(provider);
  const test = await openTestDatabase(provider, outage.database);
  try {
    await outage.begin(test.url);
    return await test.db.prisma.setting
      .create({ data: { key: 'during-outage', value: 'x' } })
      .then(() => new Error('the write went through the outage'))
      .catch((error: unknown) => error);
  } finally {
    await outage.end();
    await test.drop();
    await outage.close();
  }
}
