/**
 * Channel-neutral messages. Every adapter (Telegram, WhatsApp, simulator,
 * tests) turns a platform update into an InboundMessage and renders an
 * OutboundMessage; nothing past the adapter knows which platform it was.
 */
import { z } from 'zod';
import { cleanText } from '../core/clean-text.ts';

export const CHANNELS = ['telegram', 'whatsapp', 'simulator', 'test'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Longest text the desk reads; anything longer is cut before it reaches a flow. */
export const MAX_INBOUND_TEXT = 4096;

/**
 * A string from a platform, with control and bidi characters removed
 * (core/clean-text.ts) before its length is checked. Every string a message
 * carries passes here, so nothing past the boundary (a flow, a staff
 * command's arguments, the database) ever sees them.
 */
const platformString = (limits: { min?: number; max: number }) =>
  z
    .string()
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(limits.min ?? 0)
        .max(limits.max),
    );

const platformId = platformString({ min: 1, max: 200 });

export const attachmentRefSchema = z.object({
  attachmentId: z.string().min(1),
  kind: z.enum(['photo', 'document']),
});

export const inboundMessageSchema = z.object({
  channel: z.enum(CHANNELS),
  /** the chat: a Telegram chat id, a WhatsApp JID, a simulator phone id */
  conversationKey: platformId,
  /** the platform's id of this message, for de-duplication */
  messageId: platformId,
  sender: z.object({
    /** stable identity: Telegram user id, WhatsApp LID */
    id: platformId,
    /** e.g. the phone-number JID next to a WhatsApp LID */
    altId: platformString({ max: 200 }).optional(),
    /** the name the platform shows (kept only for staff, as their display name); none if blank */
    name: z
      .string()
      .transform((name) => cleanText(name).trim() || undefined)
      .pipe(z.string().max(100).optional())
      .optional(),
  }),
  receivedAt: z.coerce.date(),
  kind: z.enum(['text', 'option', 'photo', 'document', 'location', 'contact', 'unsupported']),
  text: z
    .string()
    .default('')
    // Cut first: a cut through an emoji leaves half of it, which cleaning removes.
    .transform((text) => cleanText(text.slice(0, MAX_INBOUND_TEXT))),
  /** the id of an option chosen with a button (a modified client can send any) */
  optionId: platformString({ max: 100 }).optional(),
  attachments: z.array(attachmentRefSchema).max(20).default([]),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  contact: z.object({ phone: platformString({ max: 40 }) }).optional(),
  /** why a message of kind 'unsupported' could not be read, so the reply can say what to do */
  unsupported: z.enum(['media', 'fileTooLarge', 'fileType']).optional(),
  /**
   * Group chats reach the desk only for staff rooms; resident conversations
   * happen in private chats.
   */
  chatType: z.enum(['private', 'group']).default('private'),
  /**
   * The channel cannot keep this chat's screen to its member: the browser
   * simulator's page shows both phones to whoever opens it. Personal data is
   * then masked in answers, as in a group, and documents are not sent.
   */
  sharedScreen: z.boolean().default(false),
});

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type InboundMessageInput = z.input<typeof inboundMessageSchema>;

export const outboundOptionSchema = z.object({ id: z.string(), label: z.string() });

export const outboundMessageSchema = z.object({
  text: z.string().min(1),
  /** choices: inline keyboard on Telegram, a list on WhatsApp; labelled "1. …" by `numberOptions` */
  options: z.array(outboundOptionSchema).default([]),
  /** a stored photo or document to send with the text as its caption */
  attachment: z.object({ attachmentId: z.string().min(1) }).optional(),
  /**
   * This chat's command menu changes to these (a staff member just joined).
   * Telegram shows it next to the message box; other channels ignore it.
   */
  commandMenu: z
    .array(z.object({ command: z.string().regex(/^[a-z0-9_]{1,32}$/), description: z.string() }))
    .optional(),
});

export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type OutboundOption = z.infer<typeof outboundOptionSchema>;

/**
 * Labels every option with its number ("1. Ya, kirim"): prompts say "pilih
 * nomor" and typing the number selects the option on every channel. Done once,
 * where the runtime renders a step's prompt (runtime/run-turn.ts), so
 * Telegram's buttons, WhatsApp's list and the simulator's buttons show the
 * same labels and cannot drift; renderers show labels as they come. Staff
 * announcements' options (commands, typed as such) stay as they are.
 *
 * @example
 * numberOptions({ text: 'Kirim?', options: [{ id: 'send', label: 'Ya, kirim' }] });
 * // { text: 'Kirim?', options: [{ id: 'send', label: '1. Ya, kirim' }] }
 */
export function numberOptions(message: OutboundMessage): OutboundMessage {
  if (message.options.length === 0) return message;
  return {
    ...message,
    options: message.options.map((option, index) => ({
      id: option.id,
      label: `${index + 1}. ${option.label}`,
    })),
  };
}
