/**
 * A whole desk in this process, built from src/ the way main.ts and the test
 * harness do: database, seed, reference data, runtime, staff desk, gateway and
 * the in-process channel whose chats drain their replies from the outbox.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachmentStore } from '../../src/attachments/attachment-store.ts';
import { InProcessChannel } from '../../src/channels/in-process/in-process-channel.ts';
import type { InboundGateway } from '../../src/channels/inbound-gateway.ts';
import { createLogger } from '../../src/log.ts';
import type { ConversationRuntime } from '../../src/runtime/conversation-runtime.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';
import { FieldCipher } from '../../src/security/field-cipher.ts';
import { seed } from '../../src/seed/seed.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { wireDesk } from '../../src/wire-desk.ts';

/**
 * A fixed clock: every turn of a run lands at the same moment, so the 30-minute
 * idle restart can never fire however long a run takes. The seed's holidays cover it.
 */
export const BENCH_NOW = new Date('2026-11-27T09:00:00+07:00');

export interface BenchDesk {
  db: Database;
  cipher: FieldCipher;
  runtime: ConversationRuntime;
  gateway: InboundGateway;
  channel: InProcessChannel;
  close(): Promise<void>;
}

/** Seeds the region the resident script types (Kabupaten Bandung, 32.04). */
export async function seedBenchDatabase(url: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    await seed(db.prisma, { regionCode: '32.04', examples: true, now: BENCH_NOW });
  } finally {
    await db.close();
  }
}

/** `key`: the cipher key; desks sharing a database must share it (hex, 32 bytes). */
export async function openBenchDesk(url: string, keyHex: string): Promise<BenchDesk> {
  const db = await openDatabase(url);
  const cipher = new FieldCipher(Buffer.from(keyHex, 'hex'));
  const ref = await ReferenceData.load(db.prisma);
  const logger = createLogger('silent');
  const clock = () => BENCH_NOW;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'slrt-bench-attachments-'));
  const attachments = new AttachmentStore(attachmentsDir, 10 * 1024 * 1024);
  const { runtime, gateway } = wireDesk({ db, cipher, ref, logger, attachments, clock });
  const channel = new InProcessChannel(
    { handle: (input) => gateway.receive(input) },
    db,
    cipher,
    'test',
    clock,
  );
  return {
    db,
    cipher,
    runtime,
    gateway,
    channel,
    async close() {
      await db.close();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

export function randomKeyHex(): string {
  return randomBytes(32).toString('hex');
}
