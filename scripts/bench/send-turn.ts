/**
 * Sends one resident message the way a platform does: when the desk says
 * nothing was committed (NotCommitted: the channel must not acknowledge), the
 * same message, with the same id, is delivered again after a short random
 * pause. Today that happens when a thousand chats arrive in one tick: Prisma
 * batches their staff-desk lookups (findUnique) into one query with more
 * parameters than SQLite takes (P2029). The bench counts those redeliveries.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import type { OutboundMessage } from '../../src/runtime/messages.ts';
import { NotCommitted } from '../../src/runtime/not-committed.ts';

const MAX_DELIVERIES = 20;

/** Redeliveries so far in this process, by cause. */
export const redeliveries = { count: 0, causes: new Map<string, number>() };

export async function sendTurn(
  chat: InProcessChat,
  text: string,
  messageId: string = randomUUID(),
): Promise<OutboundMessage[]> {
  for (let delivery = 1; ; delivery++) {
    try {
      return await chat.send(text, messageId);
    } catch (error) {
      if (!(error instanceof NotCommitted) || delivery >= MAX_DELIVERIES) throw error;
      redeliveries.count += 1;
      const cause = (error.cause as { code?: string } | undefined)?.code ?? error.message;
      redeliveries.causes.set(cause, (redeliveries.causes.get(cause) ?? 0) + 1);
      await sleep(5 + Math.random() * 50);
    }
  }
}

export function redeliverySummary(): string {
  if (redeliveries.count === 0) return 'no redeliveries';
  const causes = [...redeliveries.causes].map(([cause, n]) => `${n}× ${cause}`).join(', ');
  return `${redeliveries.count} redeliveries (NotCommitted: ${causes})`;
}
