/**
 * Stores the photos and documents residents send: bytes in a local folder
 * (named by a random key, never by anything the resident chose), metadata in
 * the Attachment table. Only images and PDFs within the size limit are kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Db, Tx } from '../store/database.ts';

export const ACCEPTED_TYPES: Record<string, 'photo' | 'document'> = {
  'image/jpeg': 'photo',
  'image/png': 'photo',
  'image/webp': 'photo',
  'application/pdf': 'document',
};

export type StoreResult =
  | { ok: true; attachmentId: string; kind: 'photo' | 'document' }
  | { ok: false; reason: 'tooLarge' | 'unsupportedType' };

export class AttachmentStore {
  readonly #dir: string;

  constructor(
    dir: string,
    private readonly maxBytes: number,
  ) {
    this.#dir = resolve(dir);
  }

  async save(
    prisma: Db | Tx,
    file: { bytes: Uint8Array; mimeType: string; identityId: string | null; label?: string },
  ): Promise<StoreResult> {
    const kind = ACCEPTED_TYPES[file.mimeType.toLowerCase()];
    if (!kind) return { ok: false, reason: 'unsupportedType' };
    if (file.bytes.byteLength > this.maxBytes) return { ok: false, reason: 'tooLarge' };
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomBytes(16).toString('hex')}`;
    await mkdir(join(this.#dir, storageKey, '..'), { recursive: true });
    await writeFile(join(this.#dir, storageKey), file.bytes, { mode: 0o600 });
    const row = await prisma.attachment.create({
      data: {
        kind,
        mimeType: file.mimeType.toLowerCase(),
        sizeBytes: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        identityId: file.identityId,
        documentLabel: file.label ?? null,
      },
      select: { id: true },
    });
    return { ok: true, attachmentId: row.id, kind };
  }

  read(storageKey: string): Promise<Buffer> {
    return readFile(join(this.#dir, storageKey));
  }
}
