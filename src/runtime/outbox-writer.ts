/**
 * Writes outgoing messages as outbox rows inside the turn's transaction. The
 * dedupe key is derived from the event that caused them, so a turn that is
 * retried can never queue the same reply twice. Payloads are sealed with the
 * field cipher: replies quote names, NIK and KK.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import type { OutboundMessage } from './messages.ts';
import { sealOutboxPayload } from './outbox-payload.ts';

export async function writeOutbox(
  tx: Tx,
  cipher: FieldCipher,
  target: { channel: string; chatKey: string },
  causeKey: string,
  messages: OutboundMessage[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  // One raw statement per reply: cheaper than a model query on every turn, and
  // a taken dedupe key still fails the whole transaction as before.
  for (const [index, message] of messages.entries()) {
    await tx.$executeRaw`INSERT INTO "Outbox"
        ("channel", "chatKey", "dedupeKey", "payload", "createdAt", "nextAttemptAt")
      VALUES (${target.channel}, ${target.chatKey}, ${`${causeKey}#${index}`},
        ${sealOutboxPayload(cipher, message)}, ${now}, ${now})`;
  }
}
