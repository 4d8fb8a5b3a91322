/**
 * GET /simulator/events: a Server-Sent Events stream that starts with both
 * phones' transcripts and then carries every new entry, so any number of tabs
 * show the same two phones. A comment line every 15 s keeps proxies and idle
 * timeouts from closing a quiet demo.
 */
import type { ServerResponse } from 'node:http';
import type { RouteHandler } from '../../http/server.ts';
import { SECURITY_HEADERS } from './http-io.ts';
import type { Transcript } from './transcript.ts';

export const HEARTBEAT_MS = 15_000;

export class EventStreams {
  readonly #open = new Set<ServerResponse>();
  #stopped = false;

  constructor(
    private readonly transcript: Transcript,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  readonly route: RouteHandler = (_req, res) => {
    if (this.#stopped) {
      // A browser reconnecting while the desk shuts down must not hold the server
      // open. Dropping the connection (not a 503) keeps the browser retrying, so
      // the page comes back by itself when the desk does.
      res.socket?.destroy();
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      // nginx and friends would otherwise hold events back in a buffer
      'x-accel-buffering': 'no',
    });
    // The browser reconnects on its own after a desk restart; 2 s keeps a demo lively.
    res.write('retry: 2000\n\n');
    res.write(frame('transcript', this.transcript.snapshot()));
    const unsubscribe = this.transcript.subscribe((entry) => res.write(frame('entry', entry)));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();
    this.#open.add(res);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.#open.delete(res);
    };
    // The response closes when the browser goes away (the request's 'close' may come earlier).
    res.once('close', close);
  };

  /**
   * Ends every open stream and takes no new ones, so the HTTP server can close
   * without waiting for browsers. The sockets go too: a kept-alive one would
   * otherwise carry the browser's reconnect straight back in.
   */
  closeAll(): void {
    this.#stopped = true;
    for (const res of this.#open) {
      res.end();
      res.socket?.destroy();
    }
    this.#open.clear();
  }
}

function frame(event: string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so one data line is always enough.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
