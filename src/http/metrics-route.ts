/**
 * GET /metrics: Prometheus text exposition of the desk's counters, latency
 * histogram, outbox backlog and process metrics (see metrics/desk-metrics.ts).
 * It carries no personal data: labels are channel names, turn kinds, results
 * and deadline names only. Served on the desk's port like /healthz; keep that
 * port off the internet or put it behind the proxy that guards it.
 */
import type { DeskMetrics } from '../metrics/desk-metrics.ts';
import type { RouteHandler } from './server.ts';

export function metricsRoute(metrics: Pick<DeskMetrics, 'render'>): RouteHandler {
  return async (_req, res) => {
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  };
}
