/**
 * Forgets the ids of handled messages once no platform can deliver those
 * messages again. The ids are what makes a redelivered message run once;
 * kept for good they only slow every later turn down (store/forget-processed.ts).
 *
 * How long a platform can come back with a message:
 * - Telegram keeps an update it could not hand over for 24 hours at most;
 * - WhatsApp hands over what arrived while the desk was offline when it
 *   reconnects, and the desk answers none older than
 *   WHATSAPP_OFFLINE_MAX_AGE_DAYS (whatsapp/offline-cutoff.ts); a message
 *   is handled after it was sent, so its id is older than the message is.
 * A day more covers a phone's or server's clock being off.
 *
 * @example
 * const purger = new ProcessedIdPurger({ db, logger, retentionDays: processedIdRetentionDays(3) });
 * purger.start(); // forgets now, then once an hour
 * await purger.stop();
 */
import type { Logger } from '../log.ts';
import { PeriodicPass } from '../periodic-pass.ts';
import type { Database } from '../store/database.ts';

const DAY_MS = 24 * 60 * 60_000;
const TELEGRAM_KEEPS_UPDATES_DAYS = 1;
const CLOCK_MARGIN_DAYS = 1;

/** Days a handled message's id is kept, given how old an offline WhatsApp message may be and still be answered. */
export function processedIdRetentionDays(whatsappOfflineMaxAgeDays: number): number {
  return Math.max(TELEGRAM_KEEPS_UPDATES_DAYS, whatsappOfflineMaxAgeDays) + CLOCK_MARGIN_DAYS;
}

export interface ProcessedIdPurgerOptions {
  db: Pick<Database, 'forgetProcessedBefore'>;
  logger: Logger;
  retentionDays: number;
  clock?: () => Date;
  /** the pause after each pass before the next (default an hour) */
  everyMs?: number;
  /**
   * false while another process holds the SQLite file: the pass is skipped.
   * Its chunk would wait out the busy timeout for the lock, then be logged
   * as an error, every pass for as long as the file is held.
   */
  writable?: () => boolean;
}

export class ProcessedIdPurger {
  readonly #pass: PeriodicPass;

  constructor(private readonly options: ProcessedIdPurgerOptions) {
    this.#pass = new PeriodicPass(
      async () => {
        if (options.writable?.() === false) return;
        try {
          await this.runOnce();
        } catch (error) {
          options.logger.error(
            { err: error },
            'forgetting handled message ids failed; will try again',
          );
        }
      },
      options.everyMs ?? 60 * 60_000,
    );
  }

  start(): void {
    this.#pass.start();
  }

  stop(): Promise<void> {
    return this.#pass.stop();
  }

  /** One pass; returns how many ids were forgotten. */
  async runOnce(): Promise<number> {
    const now = (this.options.clock ?? (() => new Date()))();
    const cutoff = new Date(now.getTime() - this.options.retentionDays * DAY_MS);
    const forgotten = await this.options.db.forgetProcessedBefore(cutoff);
    if (forgotten > 0) {
      this.options.logger.info(
        { forgotten, retentionDays: this.options.retentionDays },
        'forgot the ids of messages no platform can deliver again',
      );
    }
    return forgotten;
  }
}
