import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeldMessages } from '../../../src/channels/whatsapp/held-messages.ts';
import { createLogger } from '../../../src/log.ts';
import { NotCommitted } from '../../../src/runtime/not-committed.ts';

interface Message {
  chat: string;
  text: string;
}

/** A desk whose database is down until `restore()`; it records every try with its time. */
function deskWithOutage() {
  let down = true;
  const tries: Array<{ text: string; at: number }> = [];
  const committed: string[] = [];
  const failed: string[] = [];
  const logs: string[] = [];
  const start = Date.now();
  const held = new HeldMessages<Message>({
    logger: createLogger('debug', { write: (line: string) => logs.push(line) }),
    backoff: { initialMs: 250, maxMs: 15_000 },
    maxHeld: 3,
    async attempt(message) {
      tries.push({ text: message.text, at: Date.now() - start });
      if (message.text.startsWith('broken')) throw new Error('cannot be read');
      if (down) throw new NotCommitted('the database is down');
      committed.push(message.text);
    },
    onFailed: (message) => failed.push(message.text),
  });
  const send = (chat: string, text: string) => held.submit(chat, { chat, text });
  return {
    held,
    send,
    tries,
    committed,
    failed,
    logs,
    restore: () => {
      down = false;
    },
    triesOf: (text: string) => tries.filter((t) => t.text === text).map((t) => t.at),
  };
}

describe('HeldMessages', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands a message over at once when the database takes it', async () => {
    const desk = deskWithOutage();
    desk.restore();
    await desk.send('a', 'halo');
    expect(desk.committed).toEqual(['halo']);
    expect(desk.held.size).toBe(0);
  });

  it('keeps a message the database could not take and tries it again, pausing 250 ms doubling to 15 s, until it is written', async () => {
    const desk = deskWithOutage();
    await desk.send('a', 'halo');
    expect(desk.held.size).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    const at = desk.triesOf('halo');
    const pauses = at.slice(1).map((time, i) => time - (at[i] ?? 0));
    expect(pauses.slice(0, 8)).toEqual([250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000]);

    desk.restore();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(desk.committed).toEqual(['halo']);
    expect(desk.held.size).toBe(0);
    const triesAfter = desk.tries.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(desk.tries).toHaveLength(triesAfter);
  });

  it("keeps a held chat's later messages behind the held one while other chats go on", async () => {
    const desk = deskWithOutage();
    await desk.send('a', 'first');
    await desk.send('a', 'second');
    // Not even tried: it would be taken before 'first' once the database is back.
    expect(desk.triesOf('second')).toEqual([]);
    desk.restore();
    await desk.send('b', 'other chat');
    expect(desk.committed).toEqual(['other chat']);
    await vi.advanceTimersByTimeAsync(250);
    expect(desk.committed).toEqual(['other chat', 'first', 'second']);
    expect(desk.held.size).toBe(0);
  });

  it('gives a message up when it fails for another reason than the database, and goes on with the next', async () => {
    const desk = deskWithOutage();
    await desk.send('a', 'first');
    await desk.send('a', 'broken photo');
    await desk.send('a', 'third');
    desk.restore();
    await vi.advanceTimersByTimeAsync(250);
    expect(desk.committed).toEqual(['first', 'third']);
    expect(desk.failed).toEqual(['broken photo']);
    await desk.send('c', 'broken at once');
    expect(desk.failed).toEqual(['broken photo', 'broken at once']);
    expect(desk.held.size).toBe(0);
  });

  it('holds a bounded number of messages and logs only how many it had to drop', async () => {
    const desk = deskWithOutage();
    for (const text of ['one', 'two', 'three', 'four secret words']) await desk.send('a', text);
    await desk.send('b', 'five secret words');
    expect(desk.held.size).toBe(3);
    const dropped = desk.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === 50);
    expect(dropped).toEqual([
      expect.objectContaining({ level: 50, held: 3, dropped: 1 }),
      expect.objectContaining({ level: 50, held: 3, dropped: 2 }),
    ]);
    expect(desk.logs.join('\n')).not.toContain('secret');
    desk.restore();
    await vi.advanceTimersByTimeAsync(250);
    expect(desk.committed).toEqual(['one', 'two', 'three']);
  });

  it('stops trying on stop() and tells how many held messages it drops', async () => {
    const desk = deskWithOutage();
    await desk.send('a', 'first');
    await desk.send('a', 'second');
    await desk.send('b', 'third');
    expect(await desk.held.stop()).toBe(3);
    const triesAtStop = desk.tries.length;
    desk.restore();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(desk.tries).toHaveLength(triesAtStop);
    expect(desk.committed).toEqual([]);
  });

  it('counts a message whose try was under way at stop() as handed over, not dropped', async () => {
    const desk = deskWithOutage();
    await desk.send('a', 'first');
    await desk.send('a', 'second');
    desk.restore();
    // The retry starts; stop() comes while it is running and waits for it.
    vi.advanceTimersByTime(250);
    const dropped = await desk.held.stop();
    expect(desk.committed).toEqual(['first']);
    expect(dropped).toBe(1);
  });
});
