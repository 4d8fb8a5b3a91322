/**
 * Small HTTP helpers for the simulator routes: bounded request bodies (shared
 * with the Telegram webhook) and the headers every simulator response carries.
 */
import type { ServerResponse } from 'node:http';

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

export { BodyTooLargeError, readBody } from '../../http/read-body.ts';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, {
      ...SECURITY_HEADERS,
      ...headers,
      'content-type': 'application/json; charset=utf-8',
    })
    .end(JSON.stringify(body));
}
