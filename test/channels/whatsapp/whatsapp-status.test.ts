/**
 * What /healthz says about WhatsApp, from the states a linked device goes
 * through: pairing until the phone accepts it, connected, reconnecting after
 * a drop (since the drop), stopped when another client takes the session.
 */
import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../support/test-database.ts';
import { eventually, startWhatsAppDesk, type WhatsAppDesk } from './whatsapp-desk.ts';

describe.each(PROVIDERS)('WhatsApp channel status on %s', (provider) => {
  let desk: WhatsAppDesk;
  beforeAll(async () => {
    desk = await startWhatsAppDesk({ provider });
  });
  afterAll(async () => {
    await desk.close();
  });

  const state = () => desk.whatsapp.status?.().state;
  const since = () => desk.whatsapp.status?.().since.getTime() ?? 0;

  it('goes pairing → connected → reconnecting → connected → stopped, each with its own since', async () => {
    await eventually(() => expect(state()).toBe('pairing'));
    // The phone accepted the device (a pairing code was entered).
    const creds = desk.sockets.last.config.auth?.creds;
    if (!creds) throw new Error('no auth state');
    creds.registered = true;
    desk.sockets.last.open();
    expect(state()).toBe('connected');
    const connectedSince = since();

    await new Promise((resolve) => setTimeout(resolve, 5));
    desk.sockets.last.drop(DisconnectReason.connectionLost);
    expect(state()).toBe('reconnecting');
    expect(since()).toBeGreaterThan(connectedSince);
    await eventually(() => expect(desk.sockets.sockets).toHaveLength(2));
    desk.sockets.last.open();
    expect(state()).toBe('connected');

    desk.sockets.last.drop(DisconnectReason.connectionReplaced);
    expect(state()).toBe('stopped');
    expect(JSON.stringify(desk.whatsapp.status?.())).not.toMatch(/@|\d{8,}/);
  });
});
