/**
 * Desk processes for the kill test: each slot runs test/support/kill-desk-entry.ts
 * (the real desk) and can be killed with SIGKILL and started again. Slot `n`
 * talks to the Bot API through `apiRoot(n)`, so the test can tell whose call
 * it sees.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { childEnv, startNode } from './run-process.ts';

export interface DeskSlot {
  readonly slot: number;
  child: ChildProcess | null;
  /** the desk's HTTP port while it runs */
  port: number | null;
  /** the last lines the desk logged (warnings and errors), for a failing test */
  log: string[];
}

export interface FleetOptions {
  size: number;
  env: Record<string, string>;
  /** the Bot API root slot `n` uses */
  apiRoot(slot: number): string;
}

export class DeskFleet {
  readonly slots: DeskSlot[];

  constructor(private readonly options: FleetOptions) {
    this.slots = Array.from({ length: options.size }, (_, slot) => ({
      slot,
      child: null,
      port: null,
      log: [],
    }));
  }

  /** Ports of the desks taking updates now. */
  live(): DeskSlot[] {
    return this.slots.filter((s) => s.child && s.port !== null);
  }

  /** Starts the slot's desk and resolves once it takes updates (performance.now() then). */
  async start(slot: number): Promise<number> {
    const desk = this.slots[slot] as DeskSlot;
    const child = startNode(
      'test/support/kill-desk-entry.ts',
      [],
      childEnv({ ...this.options.env, TELEGRAM_API_ROOT: this.options.apiRoot(slot) }),
    );
    desk.child = child;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      desk.log.push(...chunk.split('\n').filter(Boolean));
      desk.log.splice(0, Math.max(0, desk.log.length - 40));
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`desk ${slot} exited (${code ?? signal}) before it was ready`)),
      ),
    );
    exited.catch(() => undefined);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const ready = new Promise<number>((resolve) => {
      lines.on('line', (line) => {
        const port = /^ready (\d+)$/.exec(line)?.[1];
        if (port) resolve(Number(port));
      });
    });
    desk.port = await Promise.race([ready, exited]);
    return performance.now();
  }

  /** SIGKILL, as the kernel's OOM killer or a pulled plug would; resolves once it is gone. */
  async kill(slot: number): Promise<void> {
    const desk = this.slots[slot] as DeskSlot;
    const child = desk.child;
    desk.port = null;
    desk.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.slots.map((s) => this.kill(s.slot)));
  }
}
