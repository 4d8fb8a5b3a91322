/**
 * SIGKILL between turns and in the middle of one: the conversation continues
 * where it was, and a turn is either wholly recorded or not at all.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { openOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import { openDatabase } from '../../src/store/database.ts';
import { TEST_KEY_HEX, testCipher } from '../support/test-cipher.ts';

const dir = mkdtempSync(join(tmpdir(), 'slrt-crash-'));
const env = {
  PATH: process.env.PATH ?? '',
  DATABASE_URL: `file:${join(dir, 'slrt.db')}`,
  DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
  LOG_LEVEL: 'silent',
};

interface Desk {
  child: ChildProcessWithoutNullStreams;
  send(chatKey: string, messageId: string, text: string): Promise<{ text: string }[]>;
  write(chatKey: string, messageId: string, text: string): void;
}

async function startDesk(): Promise<Desk> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/desk-process-entry.ts'], {
    cwd: process.cwd(),
    env,
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value as string;
  expect(await next()).toBe('ready');
  const write = (chatKey: string, messageId: string, text: string) =>
    child.stdin.write(`${JSON.stringify({ chatKey, messageId, text })}\n`);
  return {
    child,
    write,
    async send(chatKey, messageId, text) {
      write(chatKey, messageId, text);
      return JSON.parse(await next());
    },
  };
}

function kill(desk: Desk): Promise<void> {
  return new Promise((resolve) => {
    desk.child.once('exit', () => resolve());
    desk.child.kill('SIGKILL');
  });
}

describe('a desk killed with SIGKILL', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues the same conversation after a kill between two turns', async () => {
    const first = await startDesk();
    const hello = await first.send('chat-a', 'm1', 'halo');
    expect(hello.at(-1)?.text).toBe(t('id', 'entry.askLanguage'));
    await kill(first);

    const second = await startDesk();
    const next = await second.send('chat-a', 'm2', '1');
    // The language answer was understood: the consent question follows, no restart notice.
    expect(next.map((r) => r.text)).toEqual([t('id', 'entry.askConsent')]);
    await kill(second);
  }, 60_000);

  it('records a turn killed in flight either completely or not at all, and never twice', async () => {
    const desk = await startDesk();
    await desk.send('chat-b', 'b1', 'halo');
    await desk.send('chat-b', 'b2', '1');
    // Fire the next message and kill at once, mid-turn or before it began (a turn now takes
    // about a millisecond, so a longer wait would let it finish and its replies go out).
    desk.write('chat-b', 'b3', '1');
    await new Promise((resolve) => setTimeout(resolve, 1));
    await kill(desk);

    const db = await openDatabase(env.DATABASE_URL);
    const processed = await db.prisma.processedMessage.count({
      where: { externalMessageId: 'b3' },
    });
    const replies = await db.prisma.outbox.count({
      where: { dedupeKey: { startsWith: 'in:test:b3#' } },
    });
    // A turn that finished before the kill may also have had its replies taken out and sent.
    const unsent = await db.prisma.outbox.count({
      where: { dedupeKey: { startsWith: 'in:test:b3#' }, status: 'pending' },
    });
    expect(processed === 0 ? replies === 0 : replies > 0).toBe(true);
    await db.close();

    // The channel redelivers b3 after the crash: it is handled exactly once.
    const again = await startDesk();
    const redelivered = await again.send('chat-b', 'b3', '1');
    const db2 = await openDatabase(env.DATABASE_URL);
    const rows = await db2.prisma.outbox.findMany({
      where: { dedupeKey: { startsWith: 'in:test:b3#' } },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.some(
        (row) => openOutboxPayload(testCipher(), row.payload).text === t('id', 'menu.choose'),
      ),
    ).toBe(true);
    // Replies queued by a turn that committed before the kill are not queued again.
    if (processed === 1) expect(rows.length).toBe(replies);
    // The resident gets the answer once: a turn lost in the kill is run again, a recorded
    // one only hands over what it queued but had not yet sent.
    expect(redelivered.length).toBe(processed === 0 ? rows.length : unsent);
    if (processed === 0) expect(redelivered.length).toBeGreaterThan(0);
    await db2.close();
    await kill(again);
  }, 60_000);
});
