/**
 * What to do when the WhatsApp connection closes, decided from Baileys'
 * DisconnectReason. Pure, so the policy is tested without a socket.
 *
 * @example
 * afterClose(DisconnectReason.restartRequired); // { action: 'reconnectNow' }
 * afterClose(DisconnectReason.connectionReplaced); // { action: 'replaced' }
 * reconnectDelayMs(3, { initialMs: 1000, maxMs: 60_000 }); // between 4 s and 8 s
 */
import type { Boom } from '@hapi/boom';
import { DisconnectReason } from '@whiskeysockets/baileys';

export type CloseAction =
  /** the phone unlinked this device: the stored session is worthless */
  | { action: 'loggedOut' }
  /** WhatsApp asks for a fresh socket, e.g. right after pairing */
  | { action: 'reconnectNow' }
  /**
   * another client opened this session (a second desk started with a copy of
   * the database, WhatsApp Web with the same keys): reconnecting would only
   * take it back, be taken again, and flap every second
   */
  | { action: 'replaced' }
  /**
   * WhatsApp refused this client: its WhatsApp Web version is outdated (405)
   * or the number is banned or restricted (403). Retried with the backoff,
   * since WhatsApp also sends these for a while during outages, but an
   * operator has to look.
   */
  | { action: 'rejected' }
  /** network trouble, server restarts, timeouts: try again a little later */
  | { action: 'reconnectLater' };

export interface BackoffSettings {
  /** the first wait */
  initialMs: number;
  /** the longest wait, however often it failed */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 1000, maxMs: 60_000 };

/** What WhatsApp answers a client whose WhatsApp Web version it no longer accepts (no DisconnectReason names it). */
export const VERSION_REJECTED = 405;

/**
 * The close reason Baileys attached to `lastDisconnect.error`: a Boom's status
 * code. Read by shape, as Baileys' own examples do, so a second copy of
 * @hapi/boom in node_modules cannot break an instanceof check.
 */
export function closeStatus(error: Error | undefined): number | undefined {
  return (error as Partial<Boom> | undefined)?.output?.statusCode;
}

export function afterClose(status: number | undefined): CloseAction {
  if (status === DisconnectReason.loggedOut) return { action: 'loggedOut' };
  if (status === DisconnectReason.restartRequired) return { action: 'reconnectNow' };
  if (status === DisconnectReason.connectionReplaced) return { action: 'replaced' };
  if (status === DisconnectReason.forbidden || status === VERSION_REJECTED) {
    return { action: 'rejected' };
  }
  return { action: 'reconnectLater' };
}

/**
 * Exponential backoff with jitter for the n-th consecutive failure (0-based):
 * the ceiling doubles each time up to `maxMs`, and the wait is drawn from its
 * upper half, so many desks cut off together do not all return at once.
 */
export function reconnectDelayMs(
  failures: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxMs, settings.initialMs * 2 ** Math.min(failures, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
