/**
 * Figure 1, end-to-end turns/s: every resident at once, each resident's turns
 * in order, through gateway → runtime → database → outbox (each turn's
 * replies drained from the outbox as the in-process channel does).
 */
import type { BenchDesk } from './bench-desk.ts';
import { ResidentProgress, TURNS_PER_RESIDENT } from './resident-script.ts';
import { redeliveries, sendTurn } from './send-turn.ts';

export interface ThroughputResult {
  turns: number;
  seconds: number;
  completedResidents: number;
  residents: number;
  /** messages delivered again because the desk committed nothing */
  redelivered: number;
}

/** Residents `first` … `first + count - 1`, chat keys `${prefix}-${index}`. */
export async function runEndToEnd(
  desk: BenchDesk,
  prefix: string,
  first: number,
  count: number,
): Promise<ThroughputResult> {
  let turns = 0;
  const residents = Array.from({ length: count }, (_, i) => new ResidentProgress(first + i));
  const redeliveredBefore = redeliveries.count;
  const started = performance.now();
  await Promise.all(
    residents.map(async (resident) => {
      const chat = desk.channel.chat(`${prefix}-${resident.index}`);
      for (let step = 0; step < TURNS_PER_RESIDENT; step++) {
        const replies = await sendTurn(chat, resident.input(step));
        turns += 1;
        resident.replied(
          step,
          replies.map((r) => r.text),
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    turns,
    seconds,
    residents: count,
    redelivered: redeliveries.count - redeliveredBefore,
    completedResidents: residents.filter((r) => r.completed).length,
  };
}
