/**
 * Two desk processes on one PostgreSQL (Telegram webhooks behind a load
 * balancer) receive two messages of the same chat at the same moment: the
 * second turn must see what the first one did, never the same old step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import { ConversationRuntime } from '../../src/runtime/conversation-runtime.ts';
import { openOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';
import { seed } from '../../src/seed/seed.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe('one chat, two desk processes, one PostgreSQL', () => {
  let drop: () => Promise<void>;
  let processes: { db: Database; runtime: ConversationRuntime }[];

  beforeAll(async () => {
    const test = await openTestDatabase('postgresql');
    drop = test.drop;
    await seed(test.db.prisma, { regionCode: '32.04', examples: true });
    processes = [];
    for (let i = 0; i < 2; i += 1) {
      // Each "process" has its own connection pool, as separate processes would.
      const db = await openDatabase(test.url);
      const ref = await ReferenceData.load(db.prisma);
      processes.push({
        db,
        runtime: new ConversationRuntime({
          db,
          cipher: testCipher(),
          ref,
          logger: createLogger('silent'),
        }),
      });
    }
  });
  afterAll(async () => {
    for (const p of processes) await p.db.close();
    await drop();
  });

  it('runs the turns one after the other, each on the state the other left', async () => {
    const [a, b] = processes as [(typeof processes)[0], (typeof processes)[0]];
    for (let round = 0; round < 5; round += 1) {
      const chatKey = `shared-${round}`;
      const message = (id: string, text: string) => ({
        channel: 'test' as const,
        conversationKey: chatKey,
        messageId: `${chatKey}-${id}`,
        sender: { id: chatKey },
        receivedAt: new Date(),
        kind: 'text' as const,
        text,
      });
      await a.runtime.handle(message('hello', 'halo'));
      // "1" picks the language, the next "1" accepts the consent: in either order.
      await Promise.all([
        a.runtime.handle(message('first', '1')),
        b.runtime.handle(message('second', '1')),
      ]);
      const rows = await a.db.prisma.outbox.findMany({
        where: { chatKey },
        orderBy: { id: 'asc' },
      });
      const texts = rows.map((row) => openOutboxPayload(testCipher(), row.payload).text);
      expect(texts).toEqual([
        t('id', 'entry.askLanguage'),
        t('id', 'entry.askConsent'),
        t('id', 'menu.choose'),
      ]);
    }
  });
});
