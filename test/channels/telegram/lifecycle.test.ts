/**
 * How the Telegram channel connects, and stops: the token is checked before
 * anything else, the "/" command menu is published in three languages, the
 * start-up log says how the bot is connected, polling stops cleanly, logs
 * carry ids, never what residents wrote or the token. In webhook mode the
 * channel registers its URL and secret and serves POST /telegram/webhook on
 * the desk's HTTP server; only Telegram, which knows the secret, gets in.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundGateway } from '../../../src/channels/inbound-gateway.ts';
import { createTelegramChannel } from '../../../src/channels/telegram/telegram-channel.ts';
import { MAX_UPDATE_BYTES } from '../../../src/channels/telegram/webhook.ts';
import { createHttpServer, listen, type RouteHandler } from '../../../src/http/server.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { tooManyRequests } from '../../support/bot-api-emulator.ts';
import { captureLogs } from './log-capture.ts';
import { NAME, person, say, texts } from './residents.ts';
import { deskMessageId, startTelegramDesk, type TelegramDesk } from './telegram-desk.ts';
import { TelegramUser } from './telegram-user.ts';

const PRIVATE_CHATS = { type: 'all_private_chats' };

describe('telegram › lifecycle', () => {
  let desk: TelegramDesk;
  const logs = captureLogs('debug');
  beforeAll(async () => {
    desk = await startTelegramDesk({ logger: logs.logger });
  });
  afterAll(() => desk.close());

  it('publishes the resident commands for private chats in Indonesian, Sundanese and English', () => {
    const names = ['start', 'menu', 'kembali', 'batal', 'bantuan'];
    for (const [locale, code] of [
      ['id', ''],
      ['su', 'su'],
      ['en', 'en'],
    ] as const) {
      const published = desk.emulator.commandsFor(PRIVATE_CHATS, code);
      expect(published).toEqual(
        names.map((command) => ({
          command,
          description: t(locale, `channel.command.${command}` as 'channel.command.start'),
        })),
      );
    }
    expect(desk.emulator.callsOf('setMyCommands')).toHaveLength(3);
  });

  it('says in the log which bot is connected and how', () => {
    const line = logs.lines().find((l) => l.msg.startsWith('Telegram connected'));
    expect(line?.msg).toBe('Telegram connected as @slrt_desk_test_bot (long polling)');
  });

  it('refuses to start with a token Telegram does not accept, saying what to fix', async () => {
    const gateway = new InboundGateway({
      runtime: desk.h.runtime,
      prisma: desk.h.db.prisma,
      attachments: desk.h.attachments,
      logger: createLogger('silent'),
    });
    const wrong = createTelegramChannel({
      gateway,
      logger: createLogger('silent'),
      token: '999:revoked-token-0000000000000000',
      apiRoot: desk.emulator.apiRoot,
    });
    await expect(wrong.start()).rejects.toThrow(
      'TELEGRAM_BOT_TOKEN was refused by Telegram: check the token from @BotFather',
    );
    await wrong.stop();
  });

  it('logs ids and reasons, never what residents wrote, their phone, or the token', async () => {
    const user = new TelegramUser(desk, 87_000_001);
    const who = person();
    await user.say('halo');
    desk.emulator.failNext('sendMessage', 1, tooManyRequests(1));
    for (const answer of ['1', '1', '1', 'kesehatan', 'Butuh biaya berobat ibu', NAME, who.nik]) {
      await user.say(answer);
    }
    await user.send(
      user.message({ contact: { phone_number: '+6281299990000', first_name: NAME } }),
    );
    const raw = logs.raw();
    expect(raw).toContain('Too Many Requests'); // the 429 was logged…
    for (const secret of [who.nik, NAME, 'Butuh biaya', '6281299990000', desk.emulator.token]) {
      expect(raw).not.toContain(secret); // …without anything personal
    }
  });
});

describe('telegram › long polling', () => {
  it('removes a leftover webhook, stops cleanly, and a restarted channel gets what arrived meanwhile', async () => {
    const desk = await startTelegramDeskWithWebhookLeftover();
    try {
      const user = new TelegramUser(desk, 87_000_002);
      expect(desk.emulator.webhook).toBeNull();
      expect(texts(await user.say('halo'))).toEqual([say('entry.askLanguage')]);

      await desk.telegram.stop();
      const polls = desk.emulator.callsOf('getUpdates').length;
      const waiting = desk.emulator.pushUpdate(user.text('1'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(desk.emulator.callsOf('getUpdates')).toHaveLength(polls);
      expect(desk.gateway.outcomesOf(deskMessageId(waiting))).toEqual([]);

      const again = createTelegramChannel({
        gateway: desk.gateway,
        logger: createLogger('silent'),
        token: desk.emulator.token,
        apiRoot: desk.emulator.apiRoot,
      });
      await again.start();
      try {
        expect(await desk.handled(deskMessageId(waiting))).toEqual(['handled']);
      } finally {
        await again.stop();
      }
    } finally {
      await desk.close();
    }
  });
});

const SECRET = 'webhook-secret-0123456789abcdef';

describe('telegram › webhook', () => {
  let desk: TelegramDesk;
  let server: Server;
  let url: string;
  const logs = captureLogs('info');

  beforeAll(async () => {
    // The desk's own HTTP server; routes are looked up per request, so the
    // channel's route can join once the channel exists.
    const routes: Record<string, RouteHandler> = {};
    server = createHttpServer({ routes, logger: createLogger('silent') });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
    desk = await startTelegramDesk({ webhook: { url, secret: SECRET }, logger: logs.logger });
    Object.assign(routes, desk.telegram.routes);
  });
  afterAll(async () => {
    await desk.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('registers the webhook with its secret and does not poll', async () => {
    expect(desk.emulator.webhook).toEqual({ url, secretToken: SECRET });
    const registration = desk.emulator.callsOf('setWebhook').at(-1)?.payload;
    expect(registration?.allowed_updates).toEqual(['message', 'callback_query']);
    expect(desk.emulator.callsOf('getUpdates')).toEqual([]);
    expect(logs.lines().map((line) => line.msg)).toContain(
      `Telegram connected as @slrt_desk_test_bot (webhook ${url})`,
    );
  });

  it('refuses a post without the right secret with 403, and nothing happens', async () => {
    const user = new TelegramUser(desk, 86_000_001);
    const update = { ...user.text('halo'), update_id: 1 };
    const wrongSecrets: Record<string, string>[] = [
      { 'x-telegram-bot-api-secret-token': 'guessed' },
      {},
    ];
    for (const headers of wrongSecrets) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
      expect(response.status).toBe(403);
    }
    expect(desk.gateway.inputs).toEqual([]);
    expect(desk.emulator.sentTo(user.id)).toEqual([]);
  });

  it('handles an update Telegram posts with the secret, and answers 200', async () => {
    const user = new TelegramUser(desk, 86_000_002);
    expect(texts(await user.say('halo'))).toEqual([say('entry.askLanguage')]);
    expect(texts(await user.press('1. Bahasa Indonesia'))).toEqual([say('entry.askConsent')]);
    await desk.emulator.webhookIdle();
    expect(desk.emulator.webhookPosts.map((post) => post.status)).toEqual([200, 200]);
  });

  it('answers an update Telegram posts again (after a lost 200) only once', async () => {
    const user = new TelegramUser(desk, 86_000_003);
    const update = { ...user.text('halo'), update_id: 700_001 };
    desk.emulator.pushUpdates([update, update]);
    expect(await desk.handled(deskMessageId(update), 2)).toEqual(['handled', 'duplicate']);
    await desk.drained(user.id);
    expect(texts(desk.emulator.sentTo(user.id))).toEqual([say('entry.askLanguage')]);
  });

  it('refuses a body over 1 MiB with 413 and one that is not an update with 400, handling nothing', async () => {
    const post = (body: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
    const user = new TelegramUser(desk, 86_000_005);
    const handedOver = desk.gateway.inputs.length;
    const huge = { ...user.text('a'.repeat(MAX_UPDATE_BYTES)), update_id: 800_001 };
    expect((await post(JSON.stringify(huge))).status).toBe(413);
    for (const notAnUpdate of ['{"update_id": 800002, "message": {', '[]', '{"message":{}}', '']) {
      expect((await post(notAnUpdate)).status).toBe(400);
    }
    expect(desk.gateway.inputs).toHaveLength(handedOver);
    // The route still takes real updates afterwards.
    expect(texts(await user.say('halo'))).toEqual([say('entry.askLanguage')]);
  });

  it('answers 503 once stopped, so Telegram keeps the update and tries again later', async () => {
    await desk.telegram.stop();
    const user = new TelegramUser(desk, 86_000_004);
    desk.emulator.pushUpdate(user.text('halo'));
    await desk.emulator.webhookIdle();
    expect(desk.emulator.webhookPosts.at(-1)?.status).toBe(503);
  });
});

/** A desk whose bot still has a webhook from an earlier deployment when polling starts. */
function startTelegramDeskWithWebhookLeftover(): Promise<TelegramDesk> {
  return startTelegramDesk({
    prepare: (emulator) => {
      emulator.webhook = { url: 'https://old.example.org/telegram/webhook', secretToken: 'x' };
    },
  });
}
