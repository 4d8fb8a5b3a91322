/**
 * The simulator's page shows both phones to whoever opens it, so its staff
 * phone must never show a resident's NIK, KK, name or phone number in full,
 * while a staff member's own Telegram chat on the same desk still does.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundGateway } from '../../../src/channels/inbound-gateway.ts';
import { OutboxDispatcher } from '../../../src/channels/outbox-dispatcher.ts';
import { createSimulatorChannel } from '../../../src/channels/simulator/simulator-channel.ts';
import type { TranscriptEntry } from '../../../src/channels/simulator/transcript.ts';
import { createTelegramChannel } from '../../../src/channels/telegram/telegram-channel.ts';
import { maskName } from '../../../src/core/mask-personal-data.ts';
import { maskNik } from '../../../src/core/nik.ts';
import { createHttpServer, listen } from '../../../src/http/server.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { createInvite } from '../../../src/staff/create-invite.ts';
import { StaffDesk } from '../../../src/staff-desk/staff-desk.ts';
import { BotApiEmulator, waitFor } from '../../support/bot-api-emulator.ts';
import { type DeskHarness, startDeskHarness } from '../../support/desk-harness.ts';
import { fileHelpRequest, NAME, newResident } from '../../support/resident-scripts.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { PROVIDERS } from '../../support/test-database.ts';
import { type EventStreamClient, openEventStream } from './event-stream-client.ts';

const logger = createLogger('silent');
const PHONE = '0812-3456-7890';
const NEED = `Ibu saya sakit paru-paru, butuh biaya berobat. Hubungi saya di ${PHONE}.`;
const TELEGRAM_STAFF = 5_550_001;

describe.each(PROVIDERS)('the simulator staff phone on %s', (provider) => {
  let h: DeskHarness;
  let emulator: BotApiEmulator;
  let server: Server;
  let events: EventStreamClient;
  let stop: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    emulator = await BotApiEmulator.start();
    let dispatcher: OutboxDispatcher | undefined;
    const clock = () => h.clock.now;
    const gateway = new InboundGateway({
      runtime: h.runtime,
      prisma: h.db.prisma,
      attachments: h.attachments,
      logger,
      staffDesk: new StaffDesk({
        db: h.db,
        cipher: testCipher(),
        ref: h.ref,
        runtime: h.runtime,
        logger,
        clock,
      }),
      onReplies: () => dispatcher?.wake(),
    });
    // One desk with both channels, as SIMULATOR_ENABLED=true next to Telegram runs it.
    const simulator = createSimulatorChannel({ gateway, logger, clock });
    const telegram = createTelegramChannel({
      gateway,
      logger,
      token: emulator.token,
      apiRoot: emulator.apiRoot,
    });
    dispatcher = new OutboxDispatcher({
      prisma: h.db.prisma,
      cipher: testCipher(),
      adapters: [simulator, telegram],
      logger,
      pollMs: 50,
      clock,
    });
    server = createHttpServer({ logger, routes: { ...simulator.routes } });
    await listen(server, 0, '127.0.0.1');
    await telegram.start();
    dispatcher.start();
    const running = dispatcher;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    events = await openEventStream(`${base}/simulator/events`);
    stop = async () => {
      events.close();
      await Promise.all([simulator.stop(), telegram.stop()]);
      await running.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
      await h.close();
    };
    // A petugas of Cileunyi Kulon on each: the simulator's staff phone and a Telegram private chat.
    const joined = (text: string) => text.includes('Puskesos Desa Cileunyi Kulon');
    await simulatorStaffSays(`/masuk ${await invite()}`, joined);
    await telegramStaffSays(`/masuk ${await invite()}`, joined);
  });
  afterAll(() => stop?.());

  const invite = async () =>
    (
      await createInvite(h.db.prisma, testCipher(), {
        role: 'petugas',
        unitCode: '32.04.05.2001',
        ttlHours: 1,
        now: h.clock.now,
      })
    ).code;

  /** The first message on the simulator's staff phone that matches, waiting for it if need be. */
  async function simulatorStaffText(match: (text: string) => boolean) {
    const event = await events.next((e) => {
      if (e.event !== 'entry') return false;
      const entry = JSON.parse(e.data) as TranscriptEntry;
      return entry.phone === 'staff' && entry.from === 'desk' && match(entry.text);
    });
    return (JSON.parse(event.data) as TranscriptEntry).text;
  }

  /** The first message in the Telegram staff chat (from message `after` on) that matches. */
  async function telegramStaffText(match: (text: string) => boolean, after = 0) {
    const sent = await waitFor(
      () =>
        emulator
          .sentTo(TELEGRAM_STAFF)
          .slice(after)
          .find((m) => match(m.text)),
      'a matching message in the Telegram staff chat',
    );
    return sent.text;
  }

  /** Types on the simulator's staff phone and waits for the desk's answer that matches. */
  async function simulatorStaffSays(text: string, answer: (text: string) => boolean) {
    const response = await fetch(`${base}/simulator/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: randomUUID(), phone: 'staff', text }),
    });
    expect(await response.json()).toEqual({ status: 'handled' });
    return simulatorStaffText(answer);
  }

  /** Types in a staff member's private Telegram chat and waits for the matching answer. */
  async function telegramStaffSays(text: string, answer: (text: string) => boolean) {
    const before = emulator.sentTo(TELEGRAM_STAFF).length;
    const command = /^\/\S+/.exec(text)?.[0] ?? '';
    emulator.pushUpdate({
      message: {
        message_id: emulator.nextMessageId(TELEGRAM_STAFF),
        date: Math.floor(Date.now() / 1000),
        chat: { id: TELEGRAM_STAFF, type: 'private', first_name: 'Petugas' },
        from: { id: TELEGRAM_STAFF, is_bot: false, first_name: 'Petugas', language_code: 'id' },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: command.length }],
      },
    });
    return telegramStaffText(answer, before);
  }

  it('shows /tiket with NIK, KK, name and phone number masked; a Telegram private chat in full', async () => {
    const who = newResident();
    const code = await fileHelpRequest(h.channel.chat(`privacy-${provider}`), who, NEED);
    const detail = (text: string) => text.startsWith(`${code} ·`);

    const onSimulator = await simulatorStaffSays(`/tiket ${code}`, detail);
    const onTelegram = await telegramStaffSays(`/tiket ${code}`, detail);

    expect(onSimulator).toContain(`NIK: ${maskNik(who.nik)} · KK: ${maskNik(who.kk)}`);
    expect(onSimulator).toContain(maskName(NAME));
    expect(onSimulator).toContain('Hubungi saya di 0812****7890.');
    for (const secret of [who.nik, who.kk, NAME, PHONE]) expect(onSimulator).not.toContain(secret);

    expect(onTelegram).toContain(`NIK: ${who.nik} · KK: ${who.kk}`);
    expect(onTelegram).toContain(NAME);
    expect(onTelegram).toContain(NEED);
  });

  it("masks a NIK the resident types into 'Hubungi petugas', however it is spaced", async () => {
    const resident = h.channel.chat(`privacy-thread-${provider}`);
    const who = newResident();
    const code = await fileHelpRequest(resident, who);
    const spaced = who.nik.replace(/(\d{4})(?=\d)/g, '$1 ');

    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send(`Ini NIK saya ${spaced}, mohon dicek.`);

    const forwarded = t('id', 'staff.announce.residentMessage', {
      code,
      text: `Ini NIK saya ${maskNik(who.nik)}, mohon dicek.`,
    });
    const isForwarded = (text: string) => text === forwarded;
    await expect(simulatorStaffText(isForwarded)).resolves.toBe(forwarded);
    await expect(telegramStaffText(isForwarded)).resolves.toBe(forwarded);
  });
});
