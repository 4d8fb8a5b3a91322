/**
 * Bounded request bodies for the desk's HTTP routes (the simulator, the
 * Telegram webhook): nobody gets to make the desk buffer an arbitrary upload.
 */
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

/**
 * Reads the whole body, refusing more than `limit` bytes. Past the limit the
 * rest is read and dropped (up to four times the limit, then the connection is
 * cut) so the client sees the 413 instead of a reset connection.
 *
 * @example
 * const raw = await readBody(req, 1024 * 1024); // throws BodyTooLargeError past 1 MiB
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > limit * 4) req.destroy(new BodyTooLargeError(limit));
    });
    req.on('end', () =>
      tooLarge ? reject(new BodyTooLargeError(limit)) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}
