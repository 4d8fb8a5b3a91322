/**
 * Stores the photos and documents residents send: bytes in a local folder
 * (named by a random key, never by anything the resident chose), metadata in
 * the Attachment table. Only images and PDFs within the size limit are kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../security/private-files.ts';
import type { Db, Tx } from '../store/database.ts';

export const ACCEPTED_TYPES: Record<string, 'photo' | 'document'> = {
  'image/jpeg': 'photo',
  'image/png': 'photo',
  'image/webp': 'photo',
  'application/pdf': 'document',
};

export type RefusedFile = 'tooLarge' | 'unsupportedType';

export type StoreResult =
  | { ok: true; attachmentId: string; kind: 'photo' | 'document' }
  | { ok: false; reason: RefusedFile };

export class AttachmentStore {
  readonly #dir: string;

  constructor(
    dir: string,
    private readonly limit: number,
  ) {
    this.#dir = resolve(dir);
  }

  get maxBytes(): number {
    return this.limit;
  }

  /** Why a file would be refused, before anyone spends a poor connection downloading it. */
  refusal(mimeType: string, sizeBytes: number | undefined): RefusedFile | null {
    if (!ACCEPTED_TYPES[mimeType.toLowerCase()]) return 'unsupportedType';
    if (sizeBytes !== undefined && sizeBytes > this.limit) return 'tooLarge';
    return null;
  }

  async save(
    prisma: Db | Tx,
    file: { bytes: Uint8Array; mimeType: string; identityId: string | null; label?: string },
  ): Promise<StoreResult> {
    const refused = this.refusal(file.mimeType, file.bytes.byteLength);
    if (refused) return { ok: false, reason: refused };
    const kind = ACCEPTED_TYPES[file.mimeType.toLowerCase()] as 'photo' | 'document';
    const attachmentId = await this.#write(prisma, { ...file, kind });
    return { ok: true, attachmentId, kind };
  }

  /**
   * A file the desk made itself (a report's chart or CSV) to send out: any
   * type, no size check, no ticket and no identity. Returns its attachment id.
   */
  saveGenerated(
    prisma: Db | Tx,
    file: { bytes: Uint8Array; mimeType: string; kind: 'photo' | 'document' },
  ): Promise<string> {
    return this.#write(prisma, { ...file, identityId: null });
  }

  async #write(
    prisma: Db | Tx,
    file: {
      bytes: Uint8Array;
      mimeType: string;
      kind: 'photo' | 'document';
      identityId: string | null;
      label?: string;
    },
  ): Promise<string> {
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomBytes(16).toString('hex')}`;
    // Photos of a KTP or KK: the desk's user only, whatever the umask.
    await ensurePrivateDir(join(this.#dir, storageKey, '..'));
    const path = join(this.#dir, storageKey);
    await writeFile(path, file.bytes, { mode: PRIVATE_FILE_MODE });
    await chmod(path, PRIVATE_FILE_MODE);
    try {
      const row = await prisma.attachment.create({
        data: {
          kind: file.kind,
          mimeType: file.mimeType.toLowerCase(),
          sizeBytes: file.bytes.byteLength,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          storageKey,
          identityId: file.identityId,
          documentLabel: file.label ?? null,
        },
        select: { id: true },
      });
      return row.id;
    } catch (error) {
      // No row points at the file: when the message is tried again it is stored anew, so this copy would lie orphaned.
      await rm(path, { force: true });
      throw error;
    }
  }

  /**
   * Deletes stored files for good (a resident's "Hapus data saya"). A file
   * already gone is not an error: the point is that it does not exist.
   */
  async erase(storageKeys: readonly string[]): Promise<void> {
    for (const storageKey of storageKeys) {
      await rm(join(this.#dir, storageKey), { force: true });
    }
  }

  read(storageKey: string): Promise<Buffer> {
    return readFile(join(this.#dir, storageKey));
  }

  /** A stored file with what a channel needs to send it, or null when it is gone. */
  async open(
    prisma: Db | Tx,
    attachmentId: string,
  ): Promise<{ bytes: Buffer; mimeType: string; kind: 'photo' | 'document' } | null> {
    const row = await prisma.attachment.findUnique({
      where: { id: attachmentId },
      select: { storageKey: true, mimeType: true, kind: true },
    });
    if (!row) return null;
    const bytes = await this.read(row.storageKey).catch(() => null);
    return bytes ? { bytes, mimeType: row.mimeType, kind: row.kind as 'photo' | 'document' } : null;
  }
}

/** The name a channel gives a file it sends, so the recipient's phone opens it with the right app. */
export function outboundFileName(mimeType: string): string {
  switch (mimeType.toLowerCase()) {
    case 'application/pdf':
      return 'dokumen.pdf';
    case 'text/csv':
      return 'laporan.csv';
    case 'image/png':
      return 'gambar.png';
    default:
      return 'dokumen';
  }
}
