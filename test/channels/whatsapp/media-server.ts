/**
 * WhatsApp's media CDN in miniature: files encrypted exactly as WhatsApp
 * stores them (Baileys' encryptedStream), served over local HTTP, so the
 * channel's downloads run Baileys' real downloadMediaMessage and decryption.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encryptedStream, type MediaType } from '@whiskeysockets/baileys';

export interface MediaServer {
  /** fields for an imageMessage/documentMessage pointing at the encrypted file */
  upload(
    bytes: Buffer,
    type: MediaType,
  ): Promise<{
    url: string;
    mediaKey: Uint8Array;
    fileSha256: Uint8Array;
    fileEncSha256: Uint8Array;
    fileLength: number;
  }>;
  /** how many downloads were made */
  readonly hits: number;
  close(): Promise<void>;
}

export async function startMediaServer(): Promise<MediaServer> {
  const files = new Map<string, Buffer>();
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    const body = files.get(request.url ?? '');
    response.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async upload(bytes, type) {
      const encrypted = await encryptedStream(bytes, type);
      const body = await readFile(encrypted.encFilePath);
      await rm(encrypted.encFilePath, { force: true });
      const path = `/v/t62.7118-24/${randomUUID()}.enc`;
      files.set(path, body);
      return {
        url: `${base}${path}`,
        mediaKey: encrypted.mediaKey,
        fileSha256: encrypted.fileSha256,
        fileEncSha256: encrypted.fileEncSha256,
        fileLength: encrypted.fileLength,
      };
    },
    get hits() {
      return hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
