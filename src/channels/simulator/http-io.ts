/**
 * Small HTTP helpers for the simulator routes: bounded request bodies and the
 * headers every simulator response carries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Every page, script and stream comes from the desk itself: no CDN, no inline
 * script, no framing by another site.
 */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Demo pages change with the code; a stale cached script would confuse a trainer.
  'cache-control': 'no-store',
} as const;

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

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}
