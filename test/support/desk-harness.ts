/**
 * A whole desk for conversation tests: a real migrated and seeded database
 * (SQLite or PostgreSQL), the real runtime with every flow and effect, and an
 * in-process channel to talk through. The clock is under the test's control.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachmentStore } from '../../src/attachments/attachment-store.ts';
import { InProcessChannel } from '../../src/channels/in-process/in-process-channel.ts';
import type { InboundGateway } from '../../src/channels/inbound-gateway.ts';
import { createLogger } from '../../src/log.ts';
import type { ConversationRuntime } from '../../src/runtime/conversation-runtime.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';
import { seed } from '../../src/seed/seed.ts';
import type { Database } from '../../src/store/database.ts';
import { wireDesk } from '../../src/wire-desk.ts';
import { testCipher } from './test-cipher.ts';
import { openTestDatabase, type TestDatabaseOptions, type TestProvider } from './test-database.ts';

export interface DeskHarness {
  db: Database;
  /** the database's own URL (not the one the client may reach it through) */
  url: string;
  runtime: ConversationRuntime;
  /** what channels hand messages to: staff commands first, then resident conversations */
  gateway: InboundGateway;
  channel: InProcessChannel;
  attachments: AttachmentStore;
  ref: ReferenceData;
  clock: { now: Date; advance(ms: number): void };
  /** A new runtime over the same database, as after a process restart. */
  restart(): ConversationRuntime;
  close(): Promise<void>;
}

export interface DeskHarnessOptions {
  /** the address the staff desk puts in the links it sends (/dasbor) */
  publicUrl?: () => string;
}

export async function startDeskHarness(
  provider: TestProvider = 'sqlite',
  database: TestDatabaseOptions = {},
  options: DeskHarnessOptions = {},
): Promise<DeskHarness> {
  const t = await openTestDatabase(provider, database);
  // Holidays of 2025–2027 whatever year the tests run in: the clock below starts in 2026.
  await seed(t.db.prisma, {
    regionCode: '32.04',
    examples: true,
    now: new Date('2026-11-27T09:00:00+07:00'),
  });
  const ref = await ReferenceData.load(t.db.prisma);
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'slrt-attachments-'));
  const attachments = new AttachmentStore(attachmentsDir, 10 * 1024 * 1024);
  const clock = {
    now: new Date('2026-11-27T09:00:00+07:00'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const logger = createLogger('silent');
  const channelFor = (gateway: InboundGateway) =>
    new InProcessChannel(
      { handle: (input) => gateway.receive(input) },
      t.db,
      testCipher(),
      'test',
      () => clock.now,
    );
  const harness: DeskHarness = {
    db: t.db,
    url: t.url,
    runtime: undefined as unknown as ConversationRuntime,
    gateway: undefined as unknown as InboundGateway,
    channel: undefined as unknown as InProcessChannel,
    attachments,
    ref,
    clock,
    restart() {
      const desk = wireDesk({
        db: t.db,
        cipher: testCipher(),
        ref,
        logger,
        attachments,
        clock: () => clock.now,
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      });
      harness.runtime = desk.runtime;
      harness.gateway = desk.gateway;
      harness.channel = channelFor(harness.gateway);
      return harness.runtime;
    },
    async close() {
      await t.drop();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
  harness.restart();
  return harness;
}
