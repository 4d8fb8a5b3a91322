/**
 * Sends one OutboundMessage to one Telegram chat: the rendered parts in order,
 * the keyboard under the last, all within one deadline. The outbox renews its
 * claim on the row while we send, so auto-retry may wait out rate limits for
 * as long as it likes without another process sending the row too; the
 * deadline is what keeps a stuck call from holding the chat's later messages.
 */
import { type Api, InputFile } from 'grammy';
import { outboundFileName } from '../../attachments/attachment-store.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { Delivered } from '../channel-adapter.ts';
import { type ApiSignal, apiSignal } from './api-signal.ts';
import { toDeliveryError } from './delivery-error.ts';
import { renderMessage } from './render-message.ts';

/** Time one delivery may take, retries included (auto-retry waits at most ~3 × 10 s). */
export const DELIVERY_DEADLINE_MS = 45_000;

/**
 * Returns the id of the last Telegram message sent. If a long text fails half
 * way, the outbox retries the whole message, so the resident may see its first
 * part twice: rare (the desk's texts are short) and better than losing the rest.
 *
 * @example
 * await sendOutbound(bot.api, '12345', { text: 'Halo', options: [] }); // { platformMessageId: '77' }
 */
export async function sendOutbound(
  api: Api,
  chatKey: string,
  message: OutboundMessage,
  deadlineMs = DELIVERY_DEADLINE_MS,
  file?: OutboundFile | null,
): Promise<Delivered> {
  const signal = apiSignal(AbortSignal.timeout(deadlineMs));
  let lastId: number | undefined;
  try {
    if (file) {
      const sent = await sendFile(api, chatKey, file, message.text, signal);
      return { platformMessageId: String(sent.message_id) };
    }
    for (const part of renderMessage(message)) {
      const other = part.keyboard ? { reply_markup: part.keyboard } : {};
      const sent = await api.sendMessage(chatKey, part.text, other, signal);
      lastId = sent.message_id;
    }
  } catch (error) {
    throw toDeliveryError(error);
  }
  return { platformMessageId: lastId === undefined ? undefined : String(lastId) };
}

export interface OutboundFile {
  bytes: Uint8Array;
  mimeType: string;
  kind: 'photo' | 'document';
}

/** Telegram's limit for a caption. */
const MAX_CAPTION = 1024;

function sendFile(
  api: Api,
  chatKey: string,
  file: OutboundFile,
  caption: string,
  signal: ApiSignal,
) {
  const other = { caption: caption.slice(0, MAX_CAPTION) };
  if (file.kind === 'photo') {
    return api.sendPhoto(chatKey, new InputFile(file.bytes, 'foto.jpg'), other, signal);
  }
  return api.sendDocument(
    chatKey,
    new InputFile(file.bytes, outboundFileName(file.mimeType)),
    other,
    signal,
  );
}
