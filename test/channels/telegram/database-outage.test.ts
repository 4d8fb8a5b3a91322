/**
 * A database outage loses no Telegram update. While PostgreSQL is unreachable
 * (a TCP proxy in front of it cut) or the SQLite file is locked by another
 * writer, a resident's messages and a staff command are not acknowledged:
 * the webhook answers 503 and Telegram posts them again; long polling never
 * moves the offset past them and getUpdates returns them again. Once the
 * database is back each is handled exactly once, in the order it was sent,
 * and the resident and the staff member get their replies.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen, type RouteHandler } from '../../../src/http/server.ts';
import { createInvite } from '../../../src/staff/create-invite.ts';
import { waitFor } from '../../support/bot-api-emulator.ts';
import { type DatabaseOutage, databaseOutage } from '../../support/database-outage.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { PROVIDERS, type TestProvider } from '../../support/test-database.ts';
import { type CapturedLogs, captureLogs } from './log-capture.ts';
import { say, texts } from './residents.ts';
import { deskMessageId, startTelegramDesk, type TelegramDesk } from './telegram-desk.ts';
import { TelegramUser } from './telegram-user.ts';

const MODES = ['long polling', 'webhook'] as const;
type Mode = (typeof MODES)[number];
/** What the resident writes first: it must never reach a log line. */
const FIRST_WORDS = 'halo, saya Siti Aminah';
const SECRET = 'outage-webhook-secret-0123456789';

describe.each(PROVIDERS)('telegram › database outage on %s', (provider) => {
  describe.each(MODES)('%s', (mode) => {
    let desk: TelegramDesk;
    let outage: DatabaseOutage;
    let server: Server | undefined;
    const logs = captureLogs('debug');

    beforeAll(async () => {
      outage = databaseOutage(provider);
      ({ desk, server } = await startDesk(provider, mode, outage, logs));
    });
    afterAll(async () => {
      await outage.end();
      await desk.close();
      await outage.close();
      if (server) {
        const running = server;
        running.closeAllConnections();
        await new Promise((resolve) => running.close(resolve));
      }
    });

    it('acknowledges nothing while the database is down, then handles each update once, in order', async () => {
      const base = 89_000_000 + PROVIDERS.indexOf(provider) * 1000 + MODES.indexOf(mode) * 100;
      const staff = await joinAsPetugas(desk, base + 1);
      const help = texts(await staff.say('/bantuan'));
      const resident = new TelegramUser(desk, base + 2);
      const staffSeen = desk.emulator.sentTo(staff.id).length;

      await outage.begin(desk.h.url);
      const [first, second] = desk.emulator.pushUpdates([
        resident.text(FIRST_WORDS),
        resident.text('1'),
      ]) as [Update, Update];
      const command = desk.emulator.pushUpdate(staff.text('/bantuan'));
      const ids = [first, second, command].map((update) => update.update_id);

      // The desk has tried them and could not commit them (more than once for the first).
      await waitFor(
        () =>
          desk.gateway.outcomesOf(deskMessageId(first)).length >= 2 &&
          desk.gateway.outcomesOf(deskMessageId(command)).includes('notCommitted'),
        'the updates to be tried while the database is down',
        15_000,
      );
      for (const id of ['first', 'command'] as const) {
        const outcomes = desk.gateway.outcomesOf(deskMessageId(id === 'first' ? first : command));
        expect(new Set(outcomes)).toEqual(new Set(['notCommitted']));
      }
      if (mode === 'webhook') {
        await waitFor(
          () => refusedPosts(desk, first.update_id) >= 2 && refusedPosts(desk, command.update_id),
          'Telegram to be answered 503',
        );
        const answered = desk.emulator.webhookPosts.filter((post) => ids.includes(post.updateId));
        expect(new Set(answered.map((post) => post.status))).toEqual(new Set([503]));
      } else {
        // getUpdates kept asking from the first failed update: Telegram forgot none of them.
        expect(maxOffset(desk)).toBeLessThanOrEqual(first.update_id);
      }
      // Not even an apology could be written, so nothing went out.
      expect(desk.emulator.sentTo(resident.id)).toEqual([]);
      expect(desk.emulator.sentTo(staff.id)).toHaveLength(staffSeen);

      await outage.end();
      await waitFor(
        () =>
          [first, second, command].every((update) =>
            desk.gateway.outcomesOf(deskMessageId(update)).includes('handled'),
          ),
        'every update to be handled once the database is back',
        20_000,
      );
      await desk.drained(resident.id);
      await desk.drained(staff.id);

      for (const update of [first, second, command]) {
        const outcomes = desk.gateway.outcomesOf(deskMessageId(update));
        expect(outcomes.at(-1)).toBe('handled');
        expect(outcomes.filter((status) => status !== 'notCommitted')).toEqual(['handled']);
      }
      expect(
        await desk.h.db.prisma.processedMessage.count({
          where: { externalMessageId: { in: [first, second, command].map(deskMessageId) } },
        }),
      ).toBe(3);
      // The language question, then (the "1" typed after it) the consent question.
      expect(texts(desk.emulator.sentTo(resident.id))).toEqual([
        say('entry.askLanguage'),
        say('entry.askConsent'),
      ]);
      expect(texts(desk.emulator.sentTo(staff.id).slice(staffSeen))).toEqual(help);
      if (mode === 'webhook') {
        await desk.emulator.webhookIdle();
        for (const id of ids) expect(lastPost(desk, id)).toBe(200);
      } else {
        await waitFor(() => maxOffset(desk) > command.update_id, 'Telegram to be told');
      }
      expect(logs.raw()).not.toContain('Siti Aminah');
      expect(logs.raw()).not.toContain(resident.from.first_name);
    });
  });
});

async function startDesk(
  provider: TestProvider,
  mode: Mode,
  outage: DatabaseOutage,
  logs: CapturedLogs,
): Promise<{ desk: TelegramDesk; server?: Server }> {
  const common = {
    provider,
    database: outage.database,
    logger: logs.logger,
    prepare: (emulator: TelegramDesk['emulator']) => {
      emulator.redeliverWebhookAfterMs = 100;
    },
  };
  if (mode === 'long polling') return { desk: await startTelegramDesk(common) };
  const routes: Record<string, RouteHandler> = {};
  const server = createHttpServer({ routes, logger: logs.logger });
  await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
  const desk = await startTelegramDesk({ ...common, webhook: { url, secret: SECRET } });
  Object.assign(routes, desk.telegram.routes);
  return { desk, server };
}

async function joinAsPetugas(desk: TelegramDesk, id: number): Promise<TelegramUser> {
  const { code } = await createInvite(desk.h.db.prisma, testCipher(), {
    role: 'petugas',
    unitCode: '32.04.05.2001',
    ttlHours: 1,
    now: desk.h.clock.now,
  });
  const staff = new TelegramUser(desk, id);
  await staff.say(`/masuk ${code}`);
  return staff;
}

function refusedPosts(desk: TelegramDesk, updateId: number): number {
  return desk.emulator.webhookPosts.filter((p) => p.updateId === updateId && p.status === 503)
    .length;
}

function lastPost(desk: TelegramDesk, updateId: number): number | undefined {
  return desk.emulator.webhookPosts.filter((post) => post.updateId === updateId).at(-1)?.status;
}

function maxOffset(desk: TelegramDesk): number {
  return Math.max(0, ...desk.emulator.callsOf('getUpdates').map((c) => Number(c.payload.offset)));
}
