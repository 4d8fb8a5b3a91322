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
import { FILING_STEP, ResidentProgress, TURNS_PER_RESIDENT } from './resident-script.ts';
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
  /** p99 of the filing turns alone and of all the others: filings are the heaviest turn */
  filingP99: number;
  otherP99: number;
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
  const filings: number[] = [];
  const others: number[] = [];
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
        const latency = performance.now() - due;
        latencies.push(latency);
        (step === FILING_STEP ? filings : others).push(latency);
        resident.replied(
          step,
          replies.map((x) => x.text),
        );
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const ascending = (a: number, b: number) => a - b;
  latencies.sort(ascending);
  filings.sort(ascending);
  others.sort(ascending);
  return {
    rate,
    turns: latencies.length,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    filingP99: percentile(filings, 99),
    otherP99: percentile(others, 99),
    residents: residentCount,
    redelivered: redeliveries.count - redeliveredBefore,
    completedResidents: residents.filter((x) => x.completed).length,
  };
}
