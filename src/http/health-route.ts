/** GET /healthz: 200 when the database answers within two seconds, 503 otherwise. */
import type { RouteHandler } from './server.ts';

export function healthRoute(ping: () => Promise<boolean>): RouteHandler {
  return async (_req, res) => {
    const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref());
    const database = await Promise.race([ping(), timeout]);
    res
      .writeHead(database ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      })
      .end(
        JSON.stringify({
          status: database ? 'ok' : 'unavailable',
          database: database ? 'ok' : 'unreachable',
        }),
      );
  };
}
