/**
 * Figure 4, memory as stored conversations grow: RSS and heap used after
 * 1,000 conversations and after the target (100,000), each after a full GC
 * when node runs with --expose-gc. Conversations come from first turns
 * ('halo') of distinct chats for as long as the time budget allows; the rest
 * are written through the desk's own store (an identity and saveConversation
 * with a real snapshot), so the row count is honest even when turns are too slow.
 *
 * Each sample is read twice: after the full GC alone, and after short-lived
 * garbage has gone through V8's young generation, then the GC again. The
 * desk runs with 64 MB semi-spaces, and after a GC alone how much of those
 * 2 × 64 MB is resident depends on where the last turns left off: the same
 * desk read 25 or 55 MB of growth from one run to the next, with the heap
 * used flat. With the young generation at its working size at both samples,
 * the growth read 22.6–24.3 MB in most runs; what V8 keeps resident could
 * still move one reading by some 30 MB either way (scripts/bench/FINDINGS.md),
 * so each sample is the median of several such readings, their range beside it.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { loadConversation, saveConversation } from '../../src/runtime/conversation-store.ts';
import type { BenchDesk } from './bench-desk.ts';
import { BENCH_NOW } from './bench-desk.ts';
import { sendTurn } from './send-turn.ts';

export interface MemorySample {
  conversations: number;
  /** with the young generation at its working size: the median of READINGS */
  rssMb: number;
  /** the lowest and highest of those readings */
  rssRangeMb: [number, number];
  /** after the full GC alone */
  gcOnlyRssMb: number;
  /**
   * V8's young generation resident at the median reading and at the GC-alone
   * one: RSS less this is what the conversations could have grown.
   */
  youngMb: number;
  gcOnlyYoungMb: number;
  heapUsedMb: number;
}

export interface MemoryResult {
  first: MemorySample;
  last: MemorySample;
  byTurns: number;
  turnSeconds: number;
  byStore: number;
  storeSeconds: number;
  gc: boolean;
}

const MB = 1024 * 1024;
const CONCURRENT_CHATS = 100;
/** Churned readings per sample: an odd number, so the median is one of them. */
const READINGS = 5;

/** A full GC and a moment for the allocator to hand freed pages back. */
async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < 3; round++) {
    gc?.();
    await sleep(300);
  }
}

/** About 450 MB of objects that die young: several times through both semi-spaces. */
function churnYoungGeneration(): void {
  let young: { n: number; label: string }[] = [];
  for (let n = 0; n < 8_000_000; n++) {
    young.push({ n, label: `x${n}` });
    if (young.length === 1000) young = [];
  }
  // Read once, so the loop cannot be optimised away.
  if (young.length > 1000) throw new Error('unreachable');
}

/** V8's new space as resident in memory now (both semi-spaces). */
function youngResidentMb(): number {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return (young?.physical_space_size ?? 0) / MB;
}

async function sample(conversations: number): Promise<MemorySample> {
  await settle();
  const gcOnlyRssMb = process.memoryUsage().rss / MB;
  const gcOnlyYoungMb = youngResidentMb();
  const readings: { rss: number; young: number; heapUsed: number }[] = [];
  for (let reading = 0; reading < READINGS; reading++) {
    churnYoungGeneration();
    await settle();
    const usage = process.memoryUsage();
    readings.push({ rss: usage.rss / MB, young: youngResidentMb(), heapUsed: usage.heapUsed / MB });
  }
  readings.sort((a, b) => a.rss - b.rss);
  const median = readings[Math.floor(READINGS / 2)] as (typeof readings)[number];
  return {
    conversations,
    rssMb: median.rss,
    rssRangeMb: [readings[0]?.rss ?? 0, readings.at(-1)?.rss ?? 0],
    gcOnlyRssMb,
    youngMb: median.young,
    gcOnlyYoungMb,
    heapUsedMb: median.heapUsed,
  };
}

/** First turns of chats `from` … `to - 1`, many chats at once, until done or `deadline`. */
async function firstTurns(desk: BenchDesk, from: number, to: number, deadline: number) {
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENT_CHATS }, async () => {
      while (next < to && performance.now() < deadline) {
        const index = next++;
        await sendTurn(desk.channel.chat(`mem-${index}`), 'halo');
      }
    }),
  );
  return next;
}

/** `count` more conversations through the store, 500 to a transaction. */
async function storeConversations(desk: BenchDesk, from: number, count: number): Promise<void> {
  const prisma = desk.db.prisma;
  const model = await prisma.$transaction((tx) =>
    loadConversation(desk.db.statements(tx), desk.cipher, 'test', 'mem-0'),
  );
  if (!model?.flow) throw new Error('no conversation to copy the snapshot from');
  const flow = model.flow;
  for (let start = from; start < from + count; start += 500) {
    const end = Math.min(from + count, start + 500);
    const identities = Array.from({ length: end - start }, (_, i) => ({
      id: randomUUID(),
      channel: 'test',
      externalId: `mem-${start + i}`,
      createdAt: BENCH_NOW,
      lastSeenAt: BENCH_NOW,
    }));
    await prisma.$transaction(async (tx) => {
      await tx.channelIdentity.createMany({ data: identities });
      for (const identity of identities) {
        await saveConversation(
          desk.db.statements(tx),
          desk.cipher,
          { channel: 'test', chatKey: identity.externalId, identityId: identity.id },
          flow,
          'id',
          BENCH_NOW,
        );
      }
    });
  }
}

export async function runMemory(
  desk: BenchDesk,
  target: number,
  turnBudgetSeconds: number,
): Promise<MemoryResult> {
  const started = performance.now();
  const deadline = started + turnBudgetSeconds * 1000;
  const early = Math.min(1000, target);
  let done = await firstTurns(desk, 0, early, Number.POSITIVE_INFINITY);
  const first = await sample(done);
  done = await firstTurns(desk, done, target, deadline);
  const turnSeconds = (performance.now() - started) / 1000;
  const byTurns = done;
  const storeStarted = performance.now();
  await storeConversations(desk, done, target - done);
  const storeSeconds = (performance.now() - storeStarted) / 1000;
  // A few turns after the fill, so the runtime has touched the grown table too.
  await firstTurns(desk, target, target + 100, Number.POSITIVE_INFINITY);
  const stored = await desk.db.prisma.conversation.count();
  return {
    first,
    last: await sample(stored),
    byTurns,
    turnSeconds,
    byStore: target - byTurns,
    storeSeconds,
    gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}
