/**
 * Figure 2, turn latency at a fixed offered load. Open loop: turn k of the run
 * is due at start + k / rate whether or not earlier turns have finished, so a
 * slow desk shows as latency instead of as a lower offered load. Turns are
 * dealt round-robin over enough residents that a resident's next turn is due
 * long after its last one; if that one is still running the next waits, and
 * the wait counts, because latency is measured from the due time.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDesk } from './bench-desk.ts';
import { ResidentProgress, TURNS_PER_RESIDENT } from './resident-script.ts';
import { redeliveries, sendTurn } from './send-turn.ts';

export interface LatencyResult {
  rate: number;
  turns: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  completedResidents: number;
  residents: number;
  redelivered: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)] as number;
}

export async function runLatency(
  desk: BenchDesk,
  prefix: string,
  first: number,
  rate: number,
  seconds: number,
): Promise<LatencyResult> {
  const residentCount = Math.max(1, Math.ceil((rate * seconds) / TURNS_PER_RESIDENT));
  const residents = Array.from(
    { length: residentCount },
    (_, i) => new ResidentProgress(first + i),
  );
  const latencies: number[] = [];
  const redeliveredBefore = redeliveries.count;
  const start = performance.now() + 50;
  await Promise.all(
    residents.map(async (resident, r) => {
      const chat = desk.channel.chat(`${prefix}-${resident.index}`);
      for (let step = 0; step < TURNS_PER_RESIDENT; step++) {
        const due = start + (step * residentCount + r) * (1000 / rate);
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const replies = await sendTurn(chat, resident.input(step));
        latencies.push(performance.now() - due);
        resident.replied(
          step,
          replies.map((x) => x.text),
        );
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate,
    turns: latencies.length,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    residents: residentCount,
    redelivered: redeliveries.count - redeliveredBefore,
    completedResidents: residents.filter((x) => x.completed).length,
  };
}
