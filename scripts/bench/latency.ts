/**
 * Figure 2, turn latency at a fixed offered load. Open loop: turn k of the run
 * is due at start + k / rate whether or not earlier turns have finished, so a
 * slow desk shows as latency instead of as a lower offered load. Turns are
 * dealt round-robin over enough lanes that a lane's next turn is due long
 * after its last one; if that one is still running the next waits, and the
 * wait counts, because latency is measured from the due time.
 *
 * Two schedules:
 * - steady: each lane's resident is at its own step of the script, the
 *   lanes spread evenly over it (brought there before the clock starts), so
 *   every moment offers the script's own mix, one filing in fifteen turns. A
 *   lane whose resident is done starts the next one.
 * - lockstep: every resident types the same step in the same window, so for a
 *   fifteenth of the run the desk takes nothing but filings: at 200 turns/s,
 *   200 filings/s, the moment everyone presses "Ya, kirim" together.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDesk } from './bench-desk.ts';
import { FILING_STEP, ResidentProgress, TURNS_PER_RESIDENT } from './resident-script.ts';
import { redeliveries, sendTurn } from './send-turn.ts';

export type Schedule = 'steady' | 'lockstep';

export interface LatencyResult {
  schedule: Schedule;
  rate: number;
  turns: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** the residents whose last turn fell in the run, and how many of them got code and card */
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

/** Residents `first` … `first + 2 × lanes - 1`, chat keys `${prefix}-${index}`. */
export async function runLatency(
  desk: BenchDesk,
  prefix: string,
  first: number,
  rate: number,
  seconds: number,
  schedule: Schedule,
): Promise<LatencyResult> {
  const lanes = Math.max(1, Math.ceil((rate * seconds) / TURNS_PER_RESIDENT));
  const residents = new Map<number, ResidentProgress>();
  const resident = (index: number) => {
    const known = residents.get(index);
    if (known) return known;
    const created = new ResidentProgress(index);
    residents.set(index, created);
    return created;
  };
  /** where lane `lane` stands in the script when the clock starts */
  const offset = (lane: number) =>
    schedule === 'steady' ? Math.floor((lane * TURNS_PER_RESIDENT) / lanes) : 0;
  /** the resident and step of a lane's `position`-th turn counted from its first resident's first */
  const at = (lane: number, position: number) => ({
    who: resident(first + lane + Math.floor(position / TURNS_PER_RESIDENT) * lanes),
    step: position % TURNS_PER_RESIDENT,
  });
  const send = async (lane: number, position: number) => {
    const { who, step } = at(lane, position);
    const replies = await sendTurn(desk.channel.chat(`${prefix}-${who.index}`), who.input(step));
    who.replied(
      step,
      replies.map((x) => x.text),
    );
    return step;
  };
  // Unmeasured: each lane's first resident typed up to the lane's step.
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let position = 0; position < offset(lane); position++) await send(lane, position);
    }),
  );
  const latencies: number[] = [];
  const filings: number[] = [];
  const others: number[] = [];
  const redeliveredBefore = redeliveries.count;
  const start = performance.now() + 50;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let turn = 0; turn < TURNS_PER_RESIDENT; turn++) {
        const due = start + (turn * lanes + lane) * (1000 / rate);
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const step = await send(lane, offset(lane) + turn);
        const latency = performance.now() - due;
        latencies.push(latency);
        (step === FILING_STEP ? filings : others).push(latency);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const ascending = (a: number, b: number) => a - b;
  latencies.sort(ascending);
  filings.sort(ascending);
  others.sort(ascending);
  // Every lane's first resident typed its last step in the run; the next ones did not get there.
  const finished = Array.from({ length: lanes }, (_, lane) => resident(first + lane));
  return {
    schedule,
    rate,
    turns: latencies.length,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    filingP99: percentile(filings, 99),
    otherP99: percentile(others, 99),
    residents: finished.length,
    redelivered: redeliveries.count - redeliveredBefore,
    completedResidents: finished.filter((x) => x.completed).length,
  };
}
