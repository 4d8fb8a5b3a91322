/**
 * Makes sure a resident is known by their LID when WhatsApp addressed the
 * message by phone number only. Baileys keeps the LID <-> phone mappings it
 * has seen (and can ask WhatsApp for a phone number's LID), so a resident who
 * writes once as `…@s.whatsapp.net` and later as `…@lid` stays one chat.
 *
 * @example
 * const input = await withKnownLid(socket, mapped.input);
 */
import { isLidUser, isPnUser, jidNormalizedUser } from '@whiskeysockets/baileys';
import type { InboundMessageInput } from '../../runtime/messages.ts';
import type { WhatsAppSocket } from './connection.ts';

export async function withKnownLid(
  socket: Pick<WhatsAppSocket, 'signalRepository'>,
  input: InboundMessageInput,
): Promise<InboundMessageInput> {
  const pn = input.sender.id;
  if (!isPnUser(pn)) return input;
  const found = await socket.signalRepository.lidMapping.getLIDForPN(pn).catch(() => null);
  const lid = found ? jidNormalizedUser(found) : null;
  if (!lid || !isLidUser(lid)) return input;
  return { ...input, conversationKey: lid, sender: { id: lid, altId: pn } };
}
