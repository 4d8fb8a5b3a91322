/**
 * How `npm start` ends: on SIGINT (Ctrl+C) or SIGTERM (a service manager) the
 * desk stops its channels, timers, HTTP server and database, and only then says
 * "stopped", so a log that ends in that line means nothing was cut off.
 */
import type { EventEmitter } from 'node:events';
import type { Logger } from './log.ts';

export interface Stoppable {
  stop(): Promise<void>;
}

/** `signals` and `exit` are the process's own, or stand-ins for them in a test. */
export function stopOnSignals(
  desk: Stoppable,
  logger: Logger,
  signals: EventEmitter = process,
  exit: (code: number) => void = (code) => process.exit(code),
): (signal: NodeJS.Signals) => Promise<void> {
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: NodeJS.Signals): Promise<void> => {
    // A second Ctrl+C while stopping waits for the same stop.
    stopping ??= (async () => {
      logger.info({ signal }, 'stopping');
      try {
        await desk.stop();
      } catch (error) {
        logger.error({ err: error }, 'unclean stop');
        exit(1);
        return;
      }
      logger.info('stopped');
      exit(0);
    })();
    return stopping;
  };
  signals.on('SIGINT', shutdown);
  signals.on('SIGTERM', shutdown);
  return shutdown;
}
