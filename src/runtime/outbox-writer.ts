/**
 * Writes outgoing messages as outbox rows inside the turn's transaction. The
 * dedupe key is derived from the event that caused them, so a turn that is
 * retried can never queue the same reply twice (a taken key fails the whole
 * transaction). Payloads are sealed with the field cipher: replies quote
 * names, NIK and KK.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import type { OutboxWrite, TurnStatements } from '../store/turn-statements.ts';
import type { OutboundMessage } from './messages.ts';
import { sealOutboxPayload } from './outbox-payload.ts';

export async function writeOutbox(
  sql: TurnStatements,
  cipher: FieldCipher,
  target: { channel: string; chatKey: string },
  causeKey: string,
  messages: OutboundMessage[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  await sql.insertOutbox(outboxRows(cipher, target, causeKey, messages, now));
}

/** The rows writeOutbox writes, for a caller that writes them with its own statement. */
export function outboxRows(
  cipher: FieldCipher,
  target: { channel: string; chatKey: string },
  causeKey: string,
  messages: OutboundMessage[],
  now: Date,
): OutboxWrite[] {
  return messages.map((message, index) => ({
    channel: target.channel,
    chatKey: target.chatKey,
    dedupeKey: `${causeKey}#${index}`,
    payload: sealOutboxPayload(cipher, message),
    now,
  }));
}
