/**
 * Whether the stored credentials are a pairing that never finished. Baileys
 * saves `me` as soon as it asks for a pairing code; `account` (the signed
 * device identity) only arrives when the phone accepts the link, by QR code
 * or by code, and `registered` once a code was entered. A QR-linked session
 * never sets `registered`, so `account` is what tells a linked device apart.
 *
 * @example
 * isUnfinishedPairing(initAuthCreds()); // false: nothing was asked yet
 * isUnfinishedPairing({ ...initAuthCreds(), me: { id: '6281234567890@s.whatsapp.net' } }); // true
 */
import type { AuthenticationCreds } from '@whiskeysockets/baileys';

export function isUnfinishedPairing(
  creds: Pick<AuthenticationCreds, 'me' | 'account' | 'registered'>,
): boolean {
  return Boolean(creds.me) && !creds.account && !creds.registered;
}
