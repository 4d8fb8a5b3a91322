/**
 * The desk's HTTP surface: health checks for the load balancer and process
 * supervisors (later also the simulator and Telegram webhooks).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServerOptions {
  routes: Record<string, RouteHandler>;
  logger: Logger;
}

export function createHttpServer({ routes, logger }: HttpServerOptions): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://desk').pathname;
    const route = routes[`${req.method} ${path}`];
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      logger.error({ err: error, path }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal error"}');
    });
  });
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
