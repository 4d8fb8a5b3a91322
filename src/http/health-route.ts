/**
 * GET /healthz, for load balancers, process supervisors and whoever is on
 * call: the database, each channel's state and the outbox backlog.
 *
 * 200 whenever the database answers within two seconds, even with a channel
 * down: the desk still takes the other channels' messages and keeps every
 * reply in the outbox, so taking it out of rotation would help no one; the
 * body says what is wrong. 503 only when the database does not answer, since
 * then no message can be taken at all. No chat key, phone number or token is
 * ever in the answer.
 *
 * @example
 * // 200 {"status":"ok","database":"ok",
 * //      "channels":{"telegram":{"state":"down","since":"2026-11-27T02:00:00.000Z"},
 * //                  "whatsapp":{"state":"off"},"simulator":{"state":"off"}},
 * //      "outbox":{"pending":3,"oldestPendingSeconds":41,"failed":0}}
 */
import type { ChannelAdapter } from '../channels/channel-adapter.ts';
import type { OutboxBacklog } from '../channels/outbox-backlog.ts';
import type { RouteHandler } from './server.ts';

/** The channels /healthz always lists, configured or not. */
const KNOWN_CHANNELS = ['telegram', 'whatsapp', 'simulator'] as const;

const DATABASE_TIMEOUT_MS = 2000;

export interface HealthDeps {
  /** true when the database answers a trivial query */
  ping(): Promise<boolean>;
  /** the channels this desk runs; the others are reported as off */
  channels: readonly Pick<ChannelAdapter, 'channel' | 'status'>[];
  backlog(): Promise<OutboxBacklog>;
}

export function healthRoute(deps: HealthDeps): RouteHandler {
  return async (_req, res) => {
    const [database, outbox] = await Promise.all([
      withinTimeout(
        deps.ping().catch(() => false),
        false,
      ),
      withinTimeout(
        deps.backlog().catch(() => null),
        null,
      ),
    ]);
    const ok = database === true;
    res
      .writeHead(ok ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      })
      .end(
        JSON.stringify({
          status: ok ? 'ok' : 'unavailable',
          database: ok ? 'ok' : 'unreachable',
          channels: channelStates(deps.channels),
          outbox: ok ? outbox : null,
        }),
      );
  };
}

function channelStates(channels: HealthDeps['channels']) {
  const states: Record<string, { state: string; since?: string }> = {};
  for (const name of KNOWN_CHANNELS) states[name] = { state: 'off' };
  for (const adapter of channels) {
    const status = adapter.status?.();
    states[adapter.channel] = status
      ? { state: status.state, since: status.since.toISOString() }
      : { state: 'on' };
  }
  return states;
}

function withinTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  const timeout = new Promise<T>((resolve) =>
    setTimeout(resolve, DATABASE_TIMEOUT_MS, fallback).unref(),
  );
  return Promise.race([work, timeout]);
}
