/**
 * The desk's Prometheus metrics, in a registry of its own (not prom-client's
 * global one), so several desks in one process, as in tests, never mix their
 * counts. Labels take only bounded words: channel, turn kind, result,
 * deadline, outbox status. No metric carries personal data.
 *
 * @example
 * const metrics = new DeskMetrics({ backlog: () => readOutboxBacklog(prisma, new Date()) });
 * metrics.turnDone('resident', 'telegram', 'handled', 0.042);
 * const { contentType, body } = await metrics.render();
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { OutboxBacklog } from '../channels/outbox-backlog.ts';
import type { Channel } from '../runtime/messages.ts';
import type { SlaDeadline, SlaMeter, TurnKind, TurnMeter, TurnResult } from './meters.ts';

/** A turn is one transaction: mostly tens of milliseconds, seconds when the database struggles. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Scrapes closer together than this reuse the last backlog count instead of querying again. */
export const BACKLOG_CACHE_MS = 5000;

export interface DeskMetricsOptions {
  backlog(): Promise<OutboxBacklog>;
  clock?: () => number;
}

export class DeskMetrics implements TurnMeter, SlaMeter {
  readonly registry = new Registry();
  readonly #turns: Counter<'kind' | 'channel' | 'result'>;
  readonly #latency: Histogram<'kind' | 'channel'>;
  readonly #breaches: Counter<'deadline'>;
  readonly #clock: () => number;
  #backlog: { at: number; value: OutboxBacklog } | null = null;
  /** one backlog query at a time, shared by both gauges of a scrape */
  #pending: Promise<OutboxBacklog | null> | null = null;

  constructor(private readonly options: DeskMetricsOptions) {
    this.#clock = options.clock ?? Date.now;
    const registers = [this.registry];
    this.#turns = new Counter({
      name: 'slrt_turns_total',
      help: 'Inbound messages handled: resident turns and staff commands, by channel and result',
      labelNames: ['kind', 'channel', 'result'],
      registers,
    });
    this.#latency = new Histogram({
      name: 'slrt_turn_duration_seconds',
      help: 'Time to handle one inbound message, its transaction included',
      labelNames: ['kind', 'channel'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.#breaches = new Counter({
      name: 'slrt_sla_breaches_total',
      help: 'SLA deadlines missed and acted on by the sweeper (escalation or alert), by deadline',
      labelNames: ['deadline'],
      registers,
    });
    const backlog = () => this.#readBacklog();
    new Gauge({
      name: 'slrt_outbox_rows',
      help: 'Outbox rows waiting to be sent (pending) or given up on (failed)',
      labelNames: ['status'],
      registers,
      async collect() {
        const value = await backlog();
        if (!value) return;
        this.set({ status: 'pending' }, value.pending);
        this.set({ status: 'failed' }, value.failed);
      },
    });
    new Gauge({
      name: 'slrt_outbox_oldest_pending_seconds',
      help: 'Age of the oldest pending outbox row (0 when none)',
      registers,
      async collect() {
        const value = await backlog();
        if (value) this.set(value.oldestPendingSeconds);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  turnDone(kind: TurnKind, channel: Channel, result: TurnResult, seconds: number): void {
    this.#turns.inc({ kind, channel, result });
    this.#latency.observe({ kind, channel }, seconds);
  }

  slaBreach(deadline: SlaDeadline): void {
    this.#breaches.inc({ deadline });
  }

  /** The exposition text for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** The cached backlog; null (gauges keep their last value) when the database did not answer. */
  async #readBacklog(): Promise<OutboxBacklog | null> {
    const now = this.#clock();
    if (this.#backlog && now - this.#backlog.at < BACKLOG_CACHE_MS) return this.#backlog.value;
    this.#pending ??= this.options
      .backlog()
      .then((value) => {
        this.#backlog = { at: this.#clock(), value };
        return value;
      })
      .catch(() => null)
      .finally(() => {
        this.#pending = null;
      });
    return this.#pending;
  }
}
