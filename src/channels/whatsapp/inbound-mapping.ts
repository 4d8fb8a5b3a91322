/**
 * Reads one Baileys WAMessage as a channel-neutral InboundMessage, or says why
 * the desk should not answer it. Pure: files are only described here
 * (`media`), fetched by inbound-media.ts, so every rule below is tested with
 * plain WAMessage fixtures.
 *
 * Identity follows Baileys 7: a chat is addressed by a LID (`…@lid`, stable
 * and not a phone number) or a phone-number JID (`…@s.whatsapp.net`), with
 * the other form in `key.remoteJidAlt` when WhatsApp sent it. The LID is the
 * resident's id and the chat's key whenever known, so one resident is one
 * chat whichever form a message arrives in; the phone JID is kept as altId.
 *
 * @example
 * const mapped = mapInboundMessage(message, () => new Date());
 * if ('skip' in mapped) return;
 * await gateway.receive(mapped.input);
 */
import {
  getContentType,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isLidUser,
  isPnUser,
  jidNormalizedUser,
  normalizeMessageContent,
  type proto,
  type WAMessage,
  type WAMessageKey,
} from '@whiskeysockets/baileys';
import type { InboundMessageInput } from '../../runtime/messages.ts';
import { phoneFromVcard } from './vcard.ts';

/** Why a message gets no answer; logged as a count, never with the message. */
export type SkipReason =
  | 'fromMe'
  | 'group'
  | 'broadcast'
  | 'newsletter'
  | 'notPersonal'
  | 'noContent'
  | 'housekeeping';

/**
 * A photo or document to fetch before the message can be handed on. Until it
 * is stored, the message reads as unsupported media with its caption: what
 * the desk hears if the file cannot be fetched at all.
 */
export interface MediaToFetch {
  mimeType: string;
  /** the size the sender's phone declared; checked again on the bytes */
  sizeBytes: number | undefined;
}

export type MappedMessage =
  | { skip: SkipReason }
  | { input: InboundMessageInput; media?: MediaToFetch };

/** Both addresses of a private chat, as far as the message tells them. */
export interface ChatAddress {
  lid?: string | undefined;
  pn?: string | undefined;
}

/**
 * Content that is about other messages (edits, deletions, reactions, poll
 * votes, pins, key exchanges): Baileys delivers it as a message, but nobody
 * asked the desk anything.
 */
const HOUSEKEEPING = new Set<string>([
  'protocolMessage',
  'reactionMessage',
  'encReactionMessage',
  'pollUpdateMessage',
  'keepInChatMessage',
  'pinInChatMessage',
]);

/**
 * The InboundMessage for a WAMessage (with a file still to fetch, for photos
 * and documents), or why it gets no answer. `now` dates a message that came
 * without a timestamp.
 */
export function mapInboundMessage(message: WAMessage, now: () => Date): MappedMessage {
  const key = message.key;
  if (key.fromMe) return { skip: 'fromMe' };
  const chat = key.remoteJid ?? '';
  if (isJidGroup(chat)) return { skip: 'group' };
  // status@broadcast included: status updates of contacts are not questions to the desk.
  if (isJidBroadcast(chat)) return { skip: 'broadcast' };
  if (isJidNewsletter(chat)) return { skip: 'newsletter' };
  const address = chatAddress(key);
  const id = address.lid ?? address.pn;
  if (!id || !key.id) return { skip: 'notPersonal' };
  const content = normalizeMessageContent(message.message);
  const type = getContentType(content);
  if (!content || !type) return { skip: 'noContent' };
  if (HOUSEKEEPING.has(type)) return { skip: 'housekeeping' };
  const base = {
    channel: 'whatsapp' as const,
    conversationKey: id,
    messageId: key.id,
    sender: { id, altId: address.lid ? address.pn : undefined },
    receivedAt: sentAt(message) ?? now(),
  };
  const read = readContent(content, type);
  const input: InboundMessageInput = { ...base, ...read.input };
  return read.media ? { input, media: read.media } : { input };
}

/** The LID and phone-number JIDs of a private chat, device suffixes removed. */
export function chatAddress(key: WAMessageKey): ChatAddress {
  const jids = [key.remoteJid, key.remoteJidAlt]
    .filter((jid): jid is string => typeof jid === 'string' && jid !== '')
    .map(jidNormalizedUser);
  return { lid: jids.find((jid) => isLidUser(jid)), pn: jids.find((jid) => isPnUser(jid)) };
}

type Content = Omit<
  InboundMessageInput,
  'channel' | 'conversationKey' | 'messageId' | 'sender' | 'receivedAt'
>;

function readContent(
  content: proto.IMessage,
  type: keyof proto.IMessage,
): { input: Content; media?: MediaToFetch | undefined } {
  switch (type) {
    case 'conversation':
      return text(content.conversation);
    case 'extendedTextMessage':
      return text(content.extendedTextMessage?.text);
    case 'imageMessage':
    case 'documentMessage': {
      const file = content[type] as proto.Message.IImageMessage | proto.Message.IDocumentMessage;
      return {
        input: { ...unsupported().input, text: file.caption ?? '' },
        media: { mimeType: file.mimetype ?? '', sizeBytes: toNumber(file.fileLength) },
      };
    }
    case 'locationMessage':
    case 'liveLocationMessage': {
      const pin = content[type] as proto.Message.ILocationMessage;
      if (typeof pin.degreesLatitude !== 'number' || typeof pin.degreesLongitude !== 'number')
        return unsupported();
      return {
        input: {
          kind: 'location',
          location: { latitude: pin.degreesLatitude, longitude: pin.degreesLongitude },
        },
      };
    }
    case 'contactMessage':
    case 'contactsArrayMessage': {
      const card = content.contactMessage ?? content.contactsArrayMessage?.contacts?.[0];
      const phone = phoneFromVcard(card?.vcard ?? '');
      return phone ? { input: { kind: 'contact', contact: { phone } } } : unsupported();
    }
    case 'buttonsResponseMessage': {
      const reply = content.buttonsResponseMessage;
      return option(reply?.selectedButtonId, reply?.selectedDisplayText);
    }
    case 'listResponseMessage': {
      const reply = content.listResponseMessage;
      return option(reply?.singleSelectReply?.selectedRowId, reply?.title);
    }
    case 'templateButtonReplyMessage': {
      const reply = content.templateButtonReplyMessage;
      return option(reply?.selectedId, reply?.selectedDisplayText);
    }
    default:
      // Voice notes, videos, stickers, polls…: the reply tells the resident to type or send a photo.
      return unsupported();
  }
}

function text(value: string | null | undefined) {
  return { input: { kind: 'text' as const, text: value ?? '' } };
}

function option(id: string | null | undefined, label: string | null | undefined) {
  if (!id) return text(label);
  return { input: { kind: 'option' as const, optionId: id.slice(0, 100), text: label ?? '' } };
}

function unsupported() {
  return { input: { kind: 'unsupported' as const, unsupported: 'media' as const } };
}

/** When the resident's phone sent it (seconds since the epoch, a number or a protobuf Long). */
/** When the sender's phone sent it, as WhatsApp stamped it. */
export function sentAt(message: WAMessage): Date | undefined {
  const seconds = toNumber(message.messageTimestamp);
  return seconds ? new Date(seconds * 1000) : undefined;
}

function toNumber(value: number | { toString(): string } | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value.toString());
  return Number.isFinite(n) ? n : undefined;
}
