/**
 * Every message the desk sends on WhatsApp leaves through this one queue, one
 * at a time and spaced like a person typing. WhatsApp bans numbers that send
 * fast bursts from an unofficial client; a desk that answers a few hundred
 * residents a day loses nothing by waiting a second or two between messages.
 *
 * The queue is also why the desk is safe to run on a personal-looking number:
 * it only ever answers. The outbox is fed by replies to a resident's message
 * and by status updates of that resident's own tickets, so every chat it
 * writes to is one that wrote first.
 *
 * @example
 * const queue = new SendQueue({ minGapMs: 1000, jitterMs: { min: 500, max: 1500 } });
 * const sent = await queue.run(() => socket.sendMessage(jid, { text }));
 */
export interface SendSpacing {
  /** the least time between the end of one send and the start of the next */
  minGapMs: number;
  /** a random extra wait on top of it, so the rhythm is not machine-regular */
  jitterMs: { min: number; max: number };
}

export const DEFAULT_SPACING: SendSpacing = { minGapMs: 1000, jitterMs: { min: 500, max: 1500 } };

export class SendQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #closed: Error | null = null;
  #wake: (() => void) | null = null;

  constructor(
    private readonly spacing: SendSpacing = DEFAULT_SPACING,
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs `send` after every send queued before it, and after the spacing since the last one. */
  run<T>(send: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(async () => {
      await this.#waitTurn();
      if (this.#closed) throw this.#closed;
      try {
        return await send();
      } finally {
        this.#lastSentAt = performance.now();
      }
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Fails what is still waiting with `reason` instead of sending it (the channel stops). */
  close(reason: Error): void {
    this.#closed = reason;
    this.#wake?.();
  }

  async #waitTurn(): Promise<void> {
    const { minGapMs, jitterMs } = this.spacing;
    const gap = minGapMs + jitterMs.min + this.random() * (jitterMs.max - jitterMs.min);
    const waitMs = this.#lastSentAt + gap - performance.now();
    if (waitMs <= 0 || this.#closed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
  }
}
