/**
 * How an outgoing message is kept in the outbox: sealed with the field cipher,
 * because replies quote names, NIK and KK (a `/tiket` answer in a staff
 * member's private chat, a summary before filing) and the outbox is a table
 * anyone with a database dump could read.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import { type OutboundMessage, outboundMessageSchema } from './messages.ts';

export function sealOutboxPayload(cipher: FieldCipher, message: OutboundMessage): string {
  return cipher.encrypt(JSON.stringify(message));
}

/** Throws when the payload was sealed with another key or is not a message. */
export function openOutboxPayload(cipher: FieldCipher, payload: string): OutboundMessage {
  return outboundMessageSchema.parse(JSON.parse(cipher.decrypt(payload)));
}
