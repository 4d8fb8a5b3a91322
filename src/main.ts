/** Composition root: `npm start`. */
import { startDesk } from './app.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { createProcessLogger } from './log.ts';
import { stopOnSignals } from './stop-on-signals.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`slrt-desk: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Readable in a terminal, JSON lines in CI and pipes.
  const logger = createProcessLogger(config.LOG_LEVEL);
  const desk = await startDesk(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, 'SLRT Desk could not start');
    process.exit(1);
  });

  stopOnSignals(desk, logger);
}

await main();
