/**
 * Starts the desk: foundation, conversation runtime, the configured channels
 * with the outbox dispatcher that feeds them, and the HTTP surface. Returns a
 * handle whose stop() releases everything, used by main.ts and tests.
 */
import type { AddressInfo } from 'node:net';
import { AttachmentStore } from './attachments/attachment-store.ts';
import { prepareFoundation } from './bootstrap.ts';
import type { ChannelAdapter } from './channels/channel-adapter.ts';
import { readOutboxBacklog } from './channels/outbox-backlog.ts';
import { OutboxDispatcher } from './channels/outbox-dispatcher.ts';
import { OutboxPurger } from './channels/outbox-purger.ts';
import { ProcessedIdPurger, processedIdRetentionDays } from './channels/processed-id-purger.ts';
import { outboxHistory } from './channels/simulator/history.ts';
import { createSimulatorChannel } from './channels/simulator/simulator-channel.ts';
import { createTelegramChannel } from './channels/telegram/telegram-channel.ts';
import { createWhatsAppChannel } from './channels/whatsapp/whatsapp-channel.ts';
import type { Config } from './config/env.ts';
import { dashboardBaseUrl } from './dashboard/dashboard-base-url.ts';
import { dashboardRoutes } from './dashboard/dashboard-routes.ts';
import { yearsWithoutCutiBersama } from './holidays/missing-decree.ts';
import { exposureNotice } from './http/exposure-notice.ts';
import { healthRoute } from './http/health-route.ts';
import { metricsRoute } from './http/metrics-route.ts';
import { createHttpServer, listen, type RouteHandler } from './http/server.ts';
import type { Logger } from './log.ts';
import { DeskMetrics } from './metrics/desk-metrics.ts';
import { ReferenceData } from './runtime/reference-data.ts';
import type { FieldCipher } from './security/field-cipher.ts';
import { SlaSweeper } from './sla/sla-sweeper.ts';
import { createInvite } from './staff/create-invite.ts';
import type { Database } from './store/database.ts';
import { wireDesk } from './wire-desk.ts';

export interface RunningDesk {
  port: number;
  stop(): Promise<void>;
}

export async function startDesk(config: Config, logger: Logger): Promise<RunningDesk> {
  const { db, cipher } = await prepareFoundation(config, logger);
  const ref = await ReferenceData.load(db.prisma, logger);
  const noDecree = await yearsWithoutCutiBersama(db.prisma, new Date());
  if (noDecree.length > 0) {
    logger.warn(
      { years: noDecree },
      'no cuti bersama entered for these years: SLA clocks count them as working days until an admin adds the joint decree (npm run slrt -- holidays add)',
    );
  }
  const backlog = () => readOutboxBacklog(db.prisma, new Date());
  const metrics = config.METRICS_ENABLED ? new DeskMetrics({ backlog }) : undefined;
  const metered = metrics ? { metrics } : {};
  const attachments = new AttachmentStore(
    config.ATTACHMENTS_DIR,
    config.ATTACHMENT_MAX_MB * 1024 * 1024,
  );
  let dispatcher: OutboxDispatcher | undefined;
  // PORT=0 gets its real port only when the server listens; /dasbor links are made after that.
  let listeningPort = config.PORT;
  const { gateway } = wireDesk({
    db,
    cipher,
    ref,
    logger,
    attachments,
    ...metered,
    inviteTtlHours: config.INVITE_TTL_HOURS,
    publicUrl: () => dashboardBaseUrl(config, listeningPort),
    onReplies: () => dispatcher?.wake(),
  });

  const channels: ChannelAdapter[] = [];
  if (config.simulator) {
    channels.push(
      createSimulatorChannel({
        gateway,
        logger,
        // Example invites make anyone at the page a petugas: only on a demo desk,
        // never next to real channels and real residents' data.
        staffInvite: demoDesk(config) ? () => exampleStaffInvite(db.prisma, cipher) : undefined,
        history: outboxHistory(db.prisma, cipher),
      }),
    );
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    channels.push(
      createTelegramChannel({
        gateway,
        logger,
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhook:
          config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
            ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
            : undefined,
      }),
    );
  }
  if (config.WHATSAPP_ENABLED) {
    channels.push(
      createWhatsAppChannel({
        gateway,
        prisma: db.prisma,
        cipher,
        logger,
        pairingPhone: config.WHATSAPP_PAIRING_PHONE,
        version: config.WHATSAPP_WEB_VERSION,
        offlineMaxAgeDays: config.WHATSAPP_OFFLINE_MAX_AGE_DAYS,
      }),
    );
  }
  // Background work never waits on a SQLite file another process holds: that wait stops the desk.
  const writable = () => db.writeLockFree();
  dispatcher = new OutboxDispatcher({
    prisma: db.prisma,
    cipher,
    adapters: channels,
    logger,
    writable,
  });
  const purger = new OutboxPurger({
    prisma: db.prisma,
    cipher,
    logger,
    retentionDays: config.OUTBOX_RETENTION_DAYS,
    writable,
  });
  const processedIds = new ProcessedIdPurger({
    db,
    logger,
    retentionDays: processedIdRetentionDays(config.WHATSAPP_OFFLINE_MAX_AGE_DAYS),
    writable,
  });

  const sweeper = new SlaSweeper({
    prisma: db.prisma,
    cipher,
    ref,
    logger,
    everyMs: config.SLA_SWEEP_SECONDS * 1000,
    writable,
    ...metered,
  });

  const routes: Record<string, RouteHandler> = {
    'GET /healthz': healthRoute({ ping: () => db.ping(), channels, backlog }),
    ...(metrics ? { 'GET /metrics': metricsRoute(metrics) } : {}),
    ...dashboardRoutes({
      prisma: db.prisma,
      cipher,
      ref,
      secureCookies: dashboardBaseUrl(config, config.PORT).startsWith('https:'),
    }),
  };
  for (const channel of channels) Object.assign(routes, channel.routes);
  const server = createHttpServer({ logger, routes });
  const started: ChannelAdapter[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.map((channel) => channel.stop()));
    await sweeper.stop();
    await dispatcher.stop();
    await purger.stop();
    await processedIds.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A browser's event stream or a slow upload must not hold the stop forever.
    server.closeAllConnections();
    await closed;
    await db.close();
  };
  let port: number;
  try {
    await listen(server, config.PORT, config.HOST);
    port = (server.address() as AddressInfo).port;
    listeningPort = port;
    for (const channel of channels) {
      await channel.start();
      started.push(channel);
    }
    // Rows an older desk left in clear are sealed before the dispatcher reads them.
    await purger.start();
    dispatcher.start();
    sweeper.start();
    processedIds.start();
  } catch (error) {
    await stopAll();
    throw error;
  }
  logger.info(
    { url: `http://localhost:${port}/`, channels: channels.map((c) => c.channel) },
    'SLRT Desk is running',
  );
  if (config.simulator) {
    logger.info(
      `Open http://localhost:${port}/ to try the desk in the browser simulator (a resident's phone and a staff phone)`,
    );
  }
  const exposure = exposureNotice(config, port);
  if (exposure) logger[exposure.level](exposure.message);
  announceMissingChannels(config, logger);
  return { port, stop: stopAll };
}

function demoDesk(config: Config): boolean {
  return config.SEED_EXAMPLES && !config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED;
}

/** A one-hour petugas invite for the region's first desa, for the simulator's staff phone. */
async function exampleStaffInvite(prisma: Database['prisma'], cipher: FieldCipher) {
  const desa = await prisma.unit.findFirstOrThrow({
    where: { level: { in: ['desa', 'kelurahan'] }, active: true },
    orderBy: { code: 'asc' },
    select: { code: true },
  });
  const invite = await createInvite(prisma, cipher, {
    role: 'petugas',
    unitCode: desa.code,
    ttlHours: 1,
  });
  return { code: invite.code, unitName: invite.unitName };
}

function announceMissingChannels(config: Config, logger: Logger): void {
  if (!config.TELEGRAM_BOT_TOKEN) {
    logger.info(
      'Telegram is off: create a bot with @BotFather and set TELEGRAM_BOT_TOKEN to connect it (see README, "Connecting Telegram")',
    );
  }
  if (!config.WHATSAPP_ENABLED) {
    logger.info(
      'WhatsApp is off: set WHATSAPP_ENABLED=true to pair a number (see README, "Connecting WhatsApp")',
    );
  }
}
