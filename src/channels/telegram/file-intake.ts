/**
 * Takes in a photo or document a resident sent: asks the attachment store
 * whether it would keep it before spending their data plan and ours on the
 * download, fetches it from Telegram's file server, and stores it. The flow
 * only ever sees the attachment id.
 */
import { type Api, GrammyError } from 'grammy';
import type { RefusedFile } from '../../attachments/attachment-store.ts';
import type { InboundMessageInput } from '../../runtime/messages.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import { apiSignal } from './api-signal.ts';
import type { TelegramFile } from './read-message.ts';

/** The Bot API serves files up to 20 MB to bots; larger ones cannot be fetched at all. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const DOWNLOAD_DEADLINE_MS = 60_000;

export type FileOutcome = Pick<InboundMessageInput, 'kind' | 'attachments' | 'unsupported'>;

/** The file could not be fetched from Telegram; the resident is asked to send it again. */
export class FileNotReceived extends Error {
  override name = 'FileNotReceived';
}

export interface FileIntakeDeps {
  api: Api;
  gateway: InboundGateway;
  token: string;
  apiRoot: string;
}

/**
 * @example
 * await takeFile(deps, '4242', { fileId: 'AgAD…', mimeType: 'image/jpeg', sizeBytes: 81_000 });
 * // { kind: 'photo', attachments: [{ attachmentId: 'clx…', kind: 'photo' }] }
 */
export async function takeFile(
  deps: FileIntakeDeps,
  senderId: string,
  file: TelegramFile,
): Promise<FileOutcome> {
  const tooLargeForBots = file.sizeBytes !== undefined && file.sizeBytes > BOT_API_DOWNLOAD_LIMIT;
  const refused =
    deps.gateway.refusal(file.mimeType, file.sizeBytes) ?? (tooLargeForBots ? 'tooLarge' : null);
  if (refused) return refusal(refused);
  const bytes = await download(deps, file.fileId);
  if (bytes === 'tooLarge') return refusal('tooLarge');
  const stored = await deps.gateway.storeFile('telegram', senderId, {
    bytes,
    mimeType: file.mimeType,
  });
  if (!stored.ok) return refusal(stored.reason);
  return {
    kind: stored.kind,
    attachments: [{ attachmentId: stored.attachmentId, kind: stored.kind }],
  };
}

function refusal(reason: RefusedFile): FileOutcome {
  return { kind: 'unsupported', unsupported: reason === 'tooLarge' ? 'fileTooLarge' : 'fileType' };
}

async function download(deps: FileIntakeDeps, fileId: string): Promise<Uint8Array | 'tooLarge'> {
  const signal = AbortSignal.timeout(DOWNLOAD_DEADLINE_MS);
  let path: string | undefined;
  try {
    path = (await deps.api.getFile(fileId, apiSignal(signal))).file_path;
  } catch (error) {
    if (error instanceof GrammyError && /file is too big/i.test(error.description))
      return 'tooLarge';
    throw new FileNotReceived(`getFile failed: ${(error as Error).message}`, { cause: error });
  }
  if (!path) throw new FileNotReceived('getFile returned no file_path');
  // The URL holds the bot token: it goes into no error message and no log line,
  // and the fetch error is not kept as a cause for the same reason.
  try {
    const response = await fetch(`${deps.apiRoot}/file/bot${deps.token}/${path}`, { signal });
    if (!response.ok) throw new FileNotReceived(`file download answered HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof FileNotReceived) throw error;
    throw new FileNotReceived(`file download failed (${(error as Error).name})`);
  }
}
