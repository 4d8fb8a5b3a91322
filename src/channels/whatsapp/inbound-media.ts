/**
 * Fetches the photo or document of a mapped message and keeps it in the
 * desk's attachment store, so the flow only ever sees an attachment id. The
 * declared type and size are checked before anything is downloaded (poor
 * connections pay for every byte) and the size again while downloading,
 * because the declared size is only what the sender's phone claimed.
 *
 * Fetching and storing are two steps: when the database cannot take the file,
 * the message is held with the bytes already downloaded, and storing is tried
 * again without fetching from WhatsApp a second time.
 *
 * @example
 * const fetched = await fetchMedia(message, mapped, { socket, gateway, logger, baileysLogger });
 * await gateway.receive(await storeFetched(gateway, fetched));
 */
import { downloadMediaMessage, type WAMessage } from '@whiskeysockets/baileys';
import type { RefusedFile } from '../../attachments/attachment-store.ts';
import type { Logger } from '../../log.ts';
import type { InboundMessageInput } from '../../runtime/messages.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import type { WhatsAppSocket } from './connection.ts';
import { errorReason } from './error-reason.ts';
import type { MediaToFetch } from './inbound-mapping.ts';

export interface MediaDeps {
  socket: Pick<WhatsAppSocket, 'updateMediaMessage'>;
  gateway: Pick<InboundGateway, 'refusal'>;
  logger: Logger;
  /** handed to Baileys for its own diagnostics; keep it silent (it logs message keys) */
  baileysLogger: Logger;
}

const UNSUPPORTED: Record<RefusedFile, 'fileTooLarge' | 'fileType'> = {
  tooLarge: 'fileTooLarge',
  unsupportedType: 'fileType',
};

/** A message with the file it carries downloaded but not stored yet (none when refused). */
export interface FetchedMessage {
  input: InboundMessageInput;
  file?: { bytes: Uint8Array; mimeType: string } | undefined;
}

/** Downloads the file of a message, or marks the message unsupported with the reason. */
export async function fetchMedia(
  message: WAMessage,
  mapped: { input: InboundMessageInput; media: MediaToFetch },
  deps: MediaDeps,
): Promise<FetchedMessage> {
  const { input, media } = mapped;
  const mimeType = media.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const refused = deps.gateway.refusal(mimeType, media.sizeBytes);
  if (refused) return { input: { ...input, unsupported: UNSUPPORTED[refused] } };
  let bytes: Buffer | 'tooLarge';
  try {
    bytes = await download(message, mimeType, deps);
  } catch (error) {
    // Left as unsupported media: the resident is asked to try again another way.
    deps.logger.warn(
      { messageId: input.messageId, reason: errorReason(error) },
      'WhatsApp file could not be downloaded',
    );
    return { input };
  }
  if (bytes === 'tooLarge') return { input: { ...input, unsupported: 'fileTooLarge' } };
  return { input, file: { bytes, mimeType } };
}

/**
 * The message with its downloaded file stored and attached, or marked
 * unsupported. Throws NotCommitted when the database could not take the file.
 */
export async function storeFetched(
  gateway: Pick<InboundGateway, 'storeFile'>,
  fetched: FetchedMessage,
): Promise<InboundMessageInput> {
  const { input, file } = fetched;
  if (!file) return input;
  const stored = await gateway.storeFile('whatsapp', input.sender.id, file);
  if (!stored.ok) return { ...input, unsupported: UNSUPPORTED[stored.reason] };
  return {
    ...input,
    kind: stored.kind,
    unsupported: undefined,
    attachments: [{ attachmentId: stored.attachmentId, kind: stored.kind }],
  };
}

async function download(
  message: WAMessage,
  mimeType: string,
  deps: MediaDeps,
): Promise<Buffer | 'tooLarge'> {
  const stream = await downloadMediaMessage(
    message,
    'stream',
    {},
    // An old message's media may have expired on WhatsApp's servers; the phone re-uploads it on request.
    { reuploadRequest: deps.socket.updateMediaMessage, logger: deps.baileysLogger },
  );
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (deps.gateway.refusal(mimeType, size) === 'tooLarge') {
      stream.destroy();
      return 'tooLarge';
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
