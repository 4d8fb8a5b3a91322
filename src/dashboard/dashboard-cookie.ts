/**
 * The dashboard session cookie: HttpOnly (no script reads it), SameSite=Strict
 * (no other site's page sends it), scoped to /dasbor, Secure when the desk is
 * reached over https.
 */
import type { IncomingMessage } from 'node:http';
import { SESSION_TTL_MS } from './dashboard-access.ts';

export const SESSION_COOKIE = 'slrt_dasbor';

export function sessionCookie(token: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/dasbor',
    `Max-Age=${SESSION_TTL_MS / 1000}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The session token the browser sent, or '' when there is none. */
export function sessionTokenOf(req: IncomingMessage): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value) return value;
  }
  return '';
}
