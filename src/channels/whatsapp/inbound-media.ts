/**
 * Fetches the photo or document of a mapped message and keeps it in the
 * desk's attachment store, so the flow only ever sees an attachment id. The
 * declared type and size are checked before anything is downloaded (poor
 * connections pay for every byte) and the size again while downloading,
 * because the declared size is only what the sender's phone claimed.
 *
 * @example
 * const input = await attachMedia(message, mapped, { socket, gateway, logger });
 * await gateway.receive(input);
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
  gateway: Pick<InboundGateway, 'refusal' | 'storeFile'>;
  logger: Logger;
  /** handed to Baileys for its own diagnostics; keep it silent (it logs message keys) */
  baileysLogger: Logger;
}

const UNSUPPORTED: Record<RefusedFile, 'fileTooLarge' | 'fileType'> = {
  tooLarge: 'fileTooLarge',
  unsupportedType: 'fileType',
};

/** The message with its file stored and attached, or marked unsupported with the reason. */
export async function attachMedia(
  message: WAMessage,
  mapped: { input: InboundMessageInput; media: MediaToFetch },
  deps: MediaDeps,
): Promise<InboundMessageInput> {
  const { input, media } = mapped;
  const mimeType = media.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const refused = deps.gateway.refusal(mimeType, media.sizeBytes);
  if (refused) return { ...input, unsupported: UNSUPPORTED[refused] };
  let bytes: Buffer | 'tooLarge';
  try {
    bytes = await download(message, mimeType, deps);
  } catch (error) {
    // Left as unsupported media: the resident is asked to try again another way.
    deps.logger.warn(
      { messageId: input.messageId, reason: errorReason(error) },
      'WhatsApp file could not be downloaded',
    );
    return input;
  }
  if (bytes === 'tooLarge') return { ...input, unsupported: 'fileTooLarge' };
  const stored = await deps.gateway.storeFile('whatsapp', input.sender.id, { bytes, mimeType });
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
