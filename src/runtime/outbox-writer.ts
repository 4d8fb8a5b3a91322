/**
 * Writes outgoing messages as outbox rows inside the turn's transaction. The
 * dedupe key is derived from the event that caused them, so a turn that is
 * retried can never queue the same reply twice.
 */
import type { Tx } from '../store/database.ts';
import type { OutboundMessage } from './messages.ts';

export async function writeOutbox(
  tx: Tx,
  target: { channel: string; chatKey: string },
  causeKey: string,
  messages: OutboundMessage[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  await tx.outbox.createMany({
    data: messages.map((message, index) => ({
      channel: target.channel,
      chatKey: target.chatKey,
      dedupeKey: `${causeKey}#${index}`,
      payload: JSON.stringify(message),
      createdAt: now,
      nextAttemptAt: now,
    })),
  });
}
