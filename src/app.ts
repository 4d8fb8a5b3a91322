/**
 * Starts the desk: foundation, HTTP surface and (as they arrive) channels.
 * Returns a handle whose stop() releases everything, used by main.ts and tests.
 */
import type { AddressInfo } from 'node:net';
import { prepareFoundation } from './bootstrap.ts';
import type { Config } from './config/env.ts';
import { healthRoute } from './http/health-route.ts';
import { createHttpServer, listen } from './http/server.ts';
import type { Logger } from './log.ts';

export interface RunningDesk {
  port: number;
  stop(): Promise<void>;
}

export async function startDesk(config: Config, logger: Logger): Promise<RunningDesk> {
  const { db } = await prepareFoundation(config, logger);
  const server = createHttpServer({
    logger,
    routes: { 'GET /healthz': healthRoute(() => db.ping()) },
  });
  try {
    await listen(server, config.PORT, config.HOST);
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  logger.info({ url: `http://localhost:${port}/healthz` }, 'SLRT Desk is running');
  announceChannels(config, logger);

  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
    },
  };
}

function announceChannels(config: Config, logger: Logger): void {
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
