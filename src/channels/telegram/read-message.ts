/**
 * Reads a Telegram message as a channel-neutral InboundMessage (pure: no
 * network, no database). Files are returned as a reference to fetch, because
 * whether to fetch them is the file intake's decision.
 */
import type { Chat, Message } from 'grammy/types';
import type { InboundMessageInput } from '../../runtime/messages.ts';

/** A file a message carries, as Telegram describes it before anyone downloads it. */
export interface TelegramFile {
  fileId: string;
  mimeType: string;
  sizeBytes: number | undefined;
}

type Content = Pick<InboundMessageInput, 'kind' | 'text' | 'location' | 'contact' | 'unsupported'>;

export type MessageReading =
  | { type: 'content'; content: Content }
  | { type: 'file'; file: TelegramFile; caption: string }
  | { type: 'ignore' };

/**
 * Chat events that are not something a person said (a pin, a group rename):
 * answering them with "please type or choose" would be noise.
 */
const SERVICE_FIELDS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
  'message_auto_delete_timer_changed',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'pinned_message',
  'users_shared',
  'chat_shared',
  'write_access_allowed',
  'proximity_alert_triggered',
  'chat_background_set',
  'connected_website',
  'boost_added',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
] as const;

/**
 * Who sent it, where, when, and under which id. The id joins chat and message
 * ids (message ids are only unique within a chat), so the same update
 * delivered twice is the same message and the runtime handles it once.
 */
export function messageEnvelope(message: Message, senderId: number) {
  return {
    channel: 'telegram' as const,
    conversationKey: String(message.chat.id),
    messageId: `${message.chat.id}:${message.message_id}`,
    sender: { id: String(senderId), ...senderName(message) },
    receivedAt: new Date(message.date * 1000),
    chatType: chatTypeOf(message.chat),
  };
}

/** Kept only for staff, as the name colleagues see in /antrian and the history. */
function senderName(message: Message): { name?: string } {
  const from = message.from;
  const name = [from?.first_name, from?.last_name].filter(Boolean).join(' ').trim().slice(0, 100);
  return name ? { name } : {};
}

export function chatTypeOf(chat: Pick<Chat, 'type'>): 'private' | 'group' {
  return chat.type === 'private' ? 'private' : 'group';
}

/**
 * @example
 * readMessage({ ...message, text: '/start@slrt_bot promo' });
 * // { type: 'content', content: { kind: 'text', text: '/start' } }
 */
export function readMessage(message: Message): MessageReading {
  if (message.text !== undefined) {
    return {
      type: 'content',
      content: { kind: 'text', text: commandAware(message.text, message) },
    };
  }
  const caption = message.caption ?? '';
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo.reduce((a, b) => (area(b) > area(a) ? b : a));
    const file = { fileId: largest.file_id, mimeType: 'image/jpeg', sizeBytes: largest.file_size };
    return { type: 'file', file, caption };
  }
  // A GIF arrives as an animation with a document copy; it is not a document to keep.
  if (message.document && !message.animation) {
    const { file_id, mime_type, file_size } = message.document;
    const file = {
      fileId: file_id,
      mimeType: mime_type ?? 'application/octet-stream',
      sizeBytes: file_size,
    };
    return { type: 'file', file, caption };
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    return { type: 'content', content: { kind: 'location', location: { latitude, longitude } } };
  }
  if (message.contact) {
    const phone = message.contact.phone_number.slice(0, 40);
    return { type: 'content', content: { kind: 'contact', contact: { phone } } };
  }
  if (SERVICE_FIELDS.some((field) => field in message)) return { type: 'ignore' };
  // Stickers, voice notes, video, audio, GIFs, polls, dice and whatever Telegram adds next.
  return { type: 'content', content: { kind: 'unsupported', unsupported: 'media', text: caption } };
}

/** Telegram sends each photo in several resolutions; the largest is the one worth reading. */
function area(size: { width: number; height: number }): number {
  return size.width * size.height;
}

/**
 * Telegram writes "/batal@slrt_bot" when a command is picked in a group and
 * "/start PAYLOAD" for a deep link; the runtime knows the bare commands.
 */
function commandAware(text: string, message: Message): string {
  const first = message.entities?.[0];
  if (first?.type !== 'bot_command' || first.offset !== 0) return text;
  const command = text.slice(0, first.length).replace(/@\w+$/, '');
  if (command.toLowerCase() === '/start') return command;
  return command + text.slice(first.length);
}
