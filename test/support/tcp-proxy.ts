/**
 * A TCP proxy on 127.0.0.1 for outage tests: the desk connects to the proxy
 * instead of PostgreSQL, and the test pulls the plug. cut() drops every open
 * connection and stops listening, so new connections are refused
 * (ECONNREFUSED) as when the database host is down; restore() listens again on
 * the same port and traffic flows as before.
 */

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  readonly #sockets = new Set<Socket>();
  #server: Server;
  #port = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.#server = this.#newServer();
  }

  /** Starts a proxy to `host:port` on a free local port. */
  static async start(host: string, port: number): Promise<TcpProxy> {
    const proxy = new TcpProxy({ host, port });
    await proxy.#listen(0);
    proxy.#port = (proxy.#server.address() as AddressInfo).port;
    return proxy;
  }

  get port(): number {
    return this.#port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const rewritten = new URL(url);
    rewritten.hostname = '127.0.0.1';
    rewritten.port = String(this.#port);
    return rewritten.toString();
  }

  /** The database goes away: open connections are dropped, new ones refused. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    await closed;
  }

  /** The database is back on the same address. */
  async restore(): Promise<void> {
    if (this.#server.listening) return;
    this.#server = this.#newServer();
    await this.#listen(this.#port);
  }

  async close(): Promise<void> {
    if (this.#server.listening) await this.cut();
  }

  #newServer(): Server {
    return createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        // One side gone (or failed: what this proxy is for) takes the other with it.
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.#sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }

  #listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
  }
}
