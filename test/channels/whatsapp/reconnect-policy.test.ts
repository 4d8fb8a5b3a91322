import { Boom } from '@hapi/boom';
import { DisconnectReason } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import {
  afterClose,
  closeStatus,
  DEFAULT_BACKOFF,
  reconnectDelayMs,
  VERSION_REJECTED,
} from '../../../src/channels/whatsapp/reconnect-policy.ts';

describe('afterClose', () => {
  it('gives up the session on a logout and reconnects at once when WhatsApp asks for a restart', () => {
    expect(afterClose(DisconnectReason.loggedOut)).toEqual({ action: 'loggedOut' });
    expect(afterClose(DisconnectReason.restartRequired)).toEqual({ action: 'reconnectNow' });
  });

  it('stops for good when another client took the session over, instead of taking it back every second', () => {
    expect(afterClose(DisconnectReason.connectionReplaced)).toEqual({ action: 'replaced' });
  });

  it('flags a banned number (403) and an outdated WhatsApp Web version (405) as rejected', () => {
    expect(afterClose(DisconnectReason.forbidden)).toEqual({ action: 'rejected' });
    expect(afterClose(VERSION_REJECTED)).toEqual({ action: 'rejected' });
  });

  it.each([
    DisconnectReason.connectionClosed,
    DisconnectReason.connectionLost,
    DisconnectReason.badSession,
    DisconnectReason.unavailableService,
    undefined,
  ])('waits before reconnecting after status %s', (status) => {
    expect(afterClose(status)).toEqual({ action: 'reconnectLater' });
  });

  it('reads the status from the Boom Baileys closes with', () => {
    expect(closeStatus(new Boom('Connection Failure', { statusCode: 401 }))).toBe(401);
    expect(closeStatus(new Error('socket hang up'))).toBeUndefined();
    expect(closeStatus(undefined)).toBeUndefined();
  });
});

describe('reconnectDelayMs', () => {
  it('starts around a second and doubles up to a minute', () => {
    const highest = (n: number) => reconnectDelayMs(n, DEFAULT_BACKOFF, () => 1);
    const lowest = (n: number) => reconnectDelayMs(n, DEFAULT_BACKOFF, () => 0);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(highest)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect([0, 1, 6].map(lowest)).toEqual([500, 1000, 30_000]);
  });
});
