/**
 * Long polling with @grammyjs/runner's source, concurrent sink and runner:
 * getUpdates in the background, updates handled concurrently across chats
 * (the bot's sequentialize keeps each chat in order). The default mode: it
 * needs no public URL.
 *
 * The runner's own fetcher confirms each batch as soon as it has fetched it,
 * so an update whose turn then failed would be gone. Here the offset only
 * moves past an update once it is handled (OffsetLedger): while the database
 * is down, Telegram keeps returning what was not committed, and it is handed
 * to the bot again with a growing pause until it goes through.
 */
import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
  type UpdateSupplier,
} from '@grammyjs/runner';
import { type Bot, GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../log.ts';
import { ALLOWED_UPDATES } from './inbound-handlers.ts';
import { leftForRedelivery } from './left-for-redelivery.ts';
import { OffsetLedger } from './offset-ledger.ts';

/** The runner's AbortSignal type (from the abort-controller shim grammY also uses). */
type Signal = Parameters<UpdateSupplier<Update>['supply']>[1];

/** Seconds Telegram holds a getUpdates call open while nothing is new. */
const POLL_SECONDS = 30;
/** Pause before handing uncommitted updates to the bot again: doubles up to the cap. */
export const RETRY_PAUSE_MS = { first: 250, max: 15_000 } as const;
/** Longest wait before asking Telegram again while only updates in hand came back. */
const RECHECK_MS = 1000;

/**
 * Starts polling. A webhook left over from an earlier webhook deployment would
 * make every getUpdates fail with 409, so it is removed first (pending updates
 * are kept and arrive by polling instead).
 *
 * @example
 * const runner = await startLongPolling(bot, logger);
 * await stopLongPolling(runner);
 */
export async function startLongPolling(
  bot: Bot,
  logger: Logger,
  /** told whether each getUpdates call reached Telegram, and when polling ended for good */
  onReach: (reached: boolean) => void = () => undefined,
): Promise<RunnerHandle> {
  const webhook = await bot.api.getWebhookInfo();
  if (webhook.url) {
    logger.warn('Telegram had a webhook set for this bot; removed it to use long polling');
    await bot.api.deleteWebhook({ drop_pending_updates: false });
  }
  const poller = new Poller(bot, logger, onReach);
  const sink = createConcurrentSink<Update>(
    { consume: (update) => poller.handle(update) },
    async () => undefined,
  );
  const runner = createRunner(createSource(poller), sink);
  runner.start();
  runner.task()?.catch((error: unknown) => {
    onReach(false);
    // Only unrecoverable errors end the runner: a revoked token (401) or a
    // second process polling the same bot (409).
    logger.error(
      { reason: (error as Error).message },
      'Telegram long polling stopped: is another desk process polling this bot, or was the token revoked?',
    );
  });
  return runner;
}

/** Stops fetching updates; resolves when the runner's loop has ended. */
export async function stopLongPolling(runner: RunnerHandle): Promise<void> {
  if (runner.isRunning()) await runner.stop();
}

/** The runner's update supplier, confirming only what has been handled. */
class Poller {
  readonly #ledger = new OffsetLedger();
  #retryAt = 0;
  #pause: number = RETRY_PAUSE_MS.first;
  /** counts settled updates, so a wait notices one that ended while getUpdates was out */
  #settledCount = 0;
  #settled: () => void = () => undefined;

  constructor(
    private readonly bot: Bot,
    private readonly logger: Logger,
    private readonly onReach: (reached: boolean) => void,
  ) {}

  /** Hands one update to the bot and records whether Telegram may forget it. */
  async handle(update: Update): Promise<void> {
    let committed = true;
    try {
      await this.bot.handleUpdate(update);
    } catch (error) {
      // Anything else was logged by the bot's error boundary and counts as answered.
      committed = !leftForRedelivery(error);
    }
    if (committed) {
      this.#pause = RETRY_PAUSE_MS.first;
    } else {
      // The first failure of a round sets the next retry; the round's others share it.
      if (Date.now() >= this.#retryAt) {
        this.#retryAt = Date.now() + this.#pause;
        this.#pause = Math.min(this.#pause * 2, RETRY_PAUSE_MS.max);
      }
      this.logger.warn(
        { updateId: update.update_id, retryInMs: Math.max(0, this.#retryAt - Date.now()) },
        'update not committed (database unavailable); Telegram keeps it and it is tried again',
      );
    }
    this.#ledger.settle(update.update_id, committed);
    this.#settledCount += 1;
    this.#settled();
  }

  async supply(batchSize: number, signal: Signal): Promise<Update[]> {
    await this.bot.init();
    for (;;) {
      const retryDue = Date.now() >= this.#retryAt;
      const settledBefore = this.#settledCount;
      const updates = await this.#fetch(batchSize, signal);
      const toHandle = this.#ledger.take(updates, retryDue);
      if (toHandle.length > 0) return toHandle;
      // Telegram answered only with updates in hand or waiting for their retry:
      // wait for one to end (or the retry to fall due) instead of asking again at once.
      if (updates.length > 0 && this.#settledCount === settledBefore) {
        await this.#nextChange(signal);
      }
    }
  }

  async #fetch(batchSize: number, signal: Signal): Promise<Update[]> {
    let backoffMs = 100;
    for (;;) {
      try {
        const updates = await this.bot.api.getUpdates(
          {
            offset: this.#ledger.confirm(),
            limit: Math.max(1, Math.min(batchSize, 100)),
            timeout: POLL_SECONDS,
            allowed_updates: [...ALLOWED_UPDATES],
          },
          signal,
        );
        this.onReach(true);
        return updates;
      } catch (error) {
        // Failed attempts are logged by the bot's API transformer, through pino.
        if (signal.aborted) throw error;
        this.onReach(false);
        if (error instanceof GrammyError && [401, 409].includes(error.error_code)) throw error;
        await sleep(backoffMs, signal);
        backoffMs = Math.min(backoffMs * 2, 60_000);
      }
    }
  }

  #nextChange(signal: Signal): Promise<void> {
    const untilRetry = this.#ledger.waiting ? this.#retryAt - Date.now() : RECHECK_MS;
    const settled = new Promise<void>((resolve) => {
      this.#settled = resolve;
    });
    return Promise.race([settled, sleep(Math.max(0, Math.min(untilRetry, RECHECK_MS)), signal)]);
  }
}

function sleep(ms: number, signal: Signal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
