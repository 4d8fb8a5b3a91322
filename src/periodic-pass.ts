/**
 * A background pass run now, then again `everyMs` after each one ends: never
 * two at once, and never one straight after another. On a fixed period, a
 * pass slower than the period (a sweep whose write waited out a locked SQLite
 * file's busy timeout) queued the next one behind it, and they ran back to
 * back for as long as the slowness lasted.
 *
 * `pass` must handle its own errors: the next one runs after the pause anyway.
 *
 * @example
 * const sweeps = new PeriodicPass(() => sweepGuarded(), 60_000);
 * sweeps.start(); // a pass now, then one a minute after each ends
 * await sweeps.stop(); // waits for the pass in progress
 */
export class PeriodicPass {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #started = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#run();
  }

  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #run(): void {
    this.#timer = null;
    this.#running = this.pass().finally(() => {
      this.#running = null;
      if (!this.#started) return;
      this.#timer = setTimeout(() => this.#run(), this.everyMs);
      this.#timer.unref();
    });
  }
}
