/**
 * Keeps WhatsApp messages the desk could not commit (the database was
 * unreachable or locked) and tries them again until they are written.
 * WhatsApp never delivers a message twice: Baileys has acknowledged it before
 * the desk sees it, so this memory is the only copy left. A held chat's later
 * messages wait behind the held one, so a resident's answers are never taken
 * out of order; other chats go on. What is still held when the channel stops
 * (or the process dies) is lost, which is why the count is logged.
 *
 * @example
 * const held = new HeldMessages({ attempt: (m) => gateway.receive(m), onFailed, logger });
 * await held.submit(chatJid, message); // tried at once unless the chat has messages held
 * const dropped = await held.stop();
 */
import type { Logger } from '../../log.ts';
import { NotCommitted } from '../../runtime/not-committed.ts';

export interface HoldBackoff {
  /** the first pause after a failed try; it doubles after each further failure */
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_HOLD_BACKOFF: HoldBackoff = { initialMs: 250, maxMs: 15_000 };
/** Enough for a busy desk's messages during a long outage, bounded so memory stays bounded. */
export const DEFAULT_MAX_HELD = 3000;

export interface HeldMessagesOptions<T> {
  /** Hands one message to the desk. NotCommitted means: hold it and try again later. */
  attempt(message: T): Promise<void>;
  /** A message that failed for any other reason; it is not tried again. */
  onFailed(message: T, error: unknown): void;
  logger: Logger;
  maxHeld?: number;
  backoff?: HoldBackoff;
}

interface HeldChat<T> {
  messages: T[];
  pauseMs: number;
  timer: NodeJS.Timeout | null;
  /** the try in progress, awaited by stop() */
  trying: Promise<void> | null;
}

export class HeldMessages<T> {
  readonly #chats = new Map<string, HeldChat<T>>();
  readonly #maxHeld: number;
  readonly #backoff: HoldBackoff;
  #size = 0;
  #overflowed = 0;
  #stopped = false;

  constructor(private readonly options: HeldMessagesOptions<T>) {
    this.#maxHeld = options.maxHeld ?? DEFAULT_MAX_HELD;
    this.#backoff = options.backoff ?? DEFAULT_HOLD_BACKOFF;
  }

  /** How many messages are held now, across all chats. */
  get size(): number {
    return this.#size;
  }

  /**
   * Tries `message` now, or queues it behind its chat's held messages.
   * Call it for one chat's messages one at a time, in the order they came.
   * Resolves once the message is handed over, held, or given up.
   */
  async submit(chat: string, message: T): Promise<void> {
    const held = this.#chats.get(chat);
    if (held) {
      this.#hold(held, message);
      return;
    }
    try {
      await this.options.attempt(message);
    } catch (error) {
      if (!(error instanceof NotCommitted) || this.#stopped) {
        this.options.onFailed(message, error);
        return;
      }
      const chatHeld: HeldChat<T> = {
        messages: [],
        pauseMs: this.#backoff.initialMs,
        timer: null,
        trying: null,
      };
      if (this.#hold(chatHeld, message)) {
        this.#chats.set(chat, chatHeld);
        this.#schedule(chat, chatHeld);
        this.options.logger.warn(
          { held: this.#size, chats: this.#chats.size },
          'WhatsApp message held: the database is unavailable; it is tried again until it is written',
        );
      }
    }
  }

  /** Stops trying; returns how many held messages are dropped. */
  async stop(): Promise<number> {
    this.#stopped = true;
    const chats = [...this.#chats.values()];
    for (const chat of chats) if (chat.timer) clearTimeout(chat.timer);
    await Promise.allSettled(chats.map((chat) => chat.trying));
    const dropped = chats.reduce((sum, chat) => sum + chat.messages.length, 0);
    this.#chats.clear();
    this.#size = 0;
    return dropped;
  }

  #hold(held: HeldChat<T>, message: T): boolean {
    if (this.#stopped) return false;
    if (this.#size >= this.#maxHeld) {
      this.#overflowed += 1;
      // Only counts: a held message is a resident's words.
      this.options.logger.error(
        { held: this.#size, dropped: this.#overflowed },
        'WhatsApp message lost: too many messages are held while the database is unavailable',
      );
      return false;
    }
    held.messages.push(message);
    this.#size += 1;
    return true;
  }

  #schedule(chat: string, held: HeldChat<T>): void {
    held.timer = setTimeout(() => {
      held.timer = null;
      held.trying = this.#retry(chat, held);
    }, held.pauseMs);
  }

  async #retry(chat: string, held: HeldChat<T>): Promise<void> {
    while (!this.#stopped) {
      const message = held.messages[0];
      if (message === undefined) {
        this.#chats.delete(chat);
        this.options.logger.info(
          { held: this.#size, chats: this.#chats.size },
          'WhatsApp messages held for a chat are handed over',
        );
        return;
      }
      try {
        await this.options.attempt(message);
        held.pauseMs = this.#backoff.initialMs;
      } catch (error) {
        if (error instanceof NotCommitted) {
          if (this.#stopped) return;
          held.pauseMs = Math.min(held.pauseMs * 2, this.#backoff.maxMs);
          this.#schedule(chat, held);
          return;
        }
        this.options.onFailed(message, error);
      }
      // Counted out before stop() counts what it drops: this one was handed over.
      held.messages.shift();
      this.#size -= 1;
    }
  }
}
