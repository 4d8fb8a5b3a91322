/**
 * The simulator during a database outage (PostgreSQL behind a cut TCP proxy,
 * SQLite locked by another process): the desk answers 503, the page says the
 * message was not sent and keeps it in the box, and the phone shows nothing
 * the desk did not take. Sent again once the database is back, it is handled
 * once and answered. Headless Chromium on the real page and routes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundGateway } from '../../../src/channels/inbound-gateway.ts';
import { OutboxDispatcher } from '../../../src/channels/outbox-dispatcher.ts';
import { createSimulatorChannel } from '../../../src/channels/simulator/simulator-channel.ts';
import { createHttpServer, listen } from '../../../src/http/server.ts';
import { type Key, t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium.ts';
import { type DatabaseOutage, databaseOutage } from '../../support/database-outage.ts';
import { type DeskHarness, startDeskHarness } from '../../support/desk-harness.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { PROVIDERS } from '../../support/test-database.ts';

const say = (key: Key) => t('id', key);
const logger = createLogger('silent');

describe.each(PROVIDERS)('simulator during a database outage on %s', (provider) => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-simulator-outage-'));
  let outage: DatabaseOutage;
  let h: DeskHarness;
  let server: Server;
  let dispatcher: OutboxDispatcher;
  let context: BrowserContext;
  let base: string;

  beforeAll(async () => {
    outage = databaseOutage(provider);
    h = await startDeskHarness(provider, outage.database);
    const gateway = new InboundGateway({
      runtime: h.runtime,
      prisma: h.db.prisma,
      attachments: h.attachments,
      logger,
      onReplies: () => dispatcher?.wake(),
    });
    const clock = () => h.clock.now;
    const simulator = createSimulatorChannel({ gateway, logger, clock });
    dispatcher = new OutboxDispatcher({
      prisma: h.db.prisma,
      cipher: testCipher(),
      adapters: [simulator],
      logger,
      pollMs: 50,
      clock,
    });
    server = createHttpServer({ logger, routes: { ...simulator.routes } });
    await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dispatcher.start();
    context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
    });
  });
  afterAll(async () => {
    await context?.close();
    await outage?.end();
    await dispatcher?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await h?.close();
    await outage?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the message was not sent and keeps it in the box, then handles it once when sent again', async () => {
    const page = await context.newPage();
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/simulator/messages')) statuses.push(response.status());
    });
    await page.goto(base);
    await expect.poll(() => page.locator('.connection').getAttribute('data-state')).toBe('open');
    const resident = page.locator('[data-phone="resident"]');
    const box = resident.getByRole('textbox');
    const problem = resident.locator('.error');

    await outage.begin(h.url);
    await box.fill('halo');
    await box.press('Enter');
    await expect
      .poll(() => problem.textContent(), { timeout: 15_000 })
      .toBe(say('simulator.notSaved'));
    expect(await box.inputValue()).toBe('halo');
    // Nothing on the phone that the desk did not take.
    expect(await resident.locator('.bubble').count()).toBe(0);
    expect(statuses).toEqual([503]);

    await outage.end();
    await box.press('Enter');
    await expect
      .poll(() => resident.locator('.from-desk .text').last().textContent(), { timeout: 15_000 })
      .toBe(say('entry.askLanguage'));
    expect(await problem.textContent()).toBe('');
    expect(await box.inputValue()).toBe('');
    expect(await resident.locator('.from-user .text').allTextContents()).toEqual(['halo']);
    expect(statuses).toEqual([503, 200]);
    expect(await h.db.prisma.processedMessage.count({ where: { channel: 'simulator' } })).toBe(1);
  });
});
