/**
 * Background passes (the SLA sweep, the outbox purge) run one at a time with a
 * pause after each. On a fixed period, a pass slower than the period (one
 * whose write waited out a locked SQLite file, the whole process stopped)
 * queued the next behind it, and they ran back to back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PeriodicPass } from '../../src/periodic-pass.ts';

const PAUSE_MS = 40;

/** Blocks the whole process, as better-sqlite3 does while it waits for a lock. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy, like the driver's busy handler
  }
}

function recorder(work: () => Promise<void>) {
  const passes: { start: number; end?: number }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const pass = async () => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    const record: { start: number; end?: number } = { start: performance.now() };
    passes.push(record);
    try {
      await work();
    } finally {
      record.end = performance.now();
      running -= 1;
    }
  };
  return { pass, passes, mostAtOnce: () => mostAtOnce, running: () => running };
}

describe('PeriodicPass', () => {
  it.each([
    ['waits asynchronously', () => sleep(60)],
    [
      'stops the whole process',
      async () => {
        blockFor(60);
      },
    ],
  ])(
    'runs a pass at once, then the next only a pause after the last one ended, when the pass %s',
    async (_, work) => {
      const record = recorder(work);
      const passes = new PeriodicPass(record.pass, PAUSE_MS);
      passes.start();
      await sleep(450);
      await passes.stop();

      expect(record.passes.length).toBeGreaterThanOrEqual(3);
      expect(record.mostAtOnce()).toBe(1);
      for (const [i, pass] of record.passes.entries()) {
        if (i === 0) continue;
        const pause = pass.start - (record.passes[i - 1]?.end as number);
        // Timers may fire a millisecond early on some clocks; a pass straight after the last is 0.
        expect(pause).toBeGreaterThanOrEqual(PAUSE_MS - 2);
      }
    },
  );

  it('stop() waits for the pass in progress, and no pass starts after it', async () => {
    const record = recorder(() => sleep(50));
    const passes = new PeriodicPass(record.pass, 10);
    passes.start();
    await sleep(20);
    await passes.stop();
    expect(record.running()).toBe(0);
    const count = record.passes.length;
    expect(record.passes.every((p) => p.end !== undefined)).toBe(true);
    await sleep(100);
    expect(record.passes.length).toBe(count);
  });
});
