/**
 * The network between the kill test's desks and the Bot API emulator, with
 * the places a test may pull the plug:
 *
 * - WebhookBalancer stands where Telegram's webhook and a load balancer are:
 *   it posts each update to a live desk, and like Telegram posts it again
 *   (to whichever desk is up) until one answers 200. `onForward` runs while a
 *   desk is handling the update, so a kill there lands mid-turn.
 * - BotApiTap stands between the desks and the Bot API: `intercept` runs
 *   before a sendMessage reaches Telegram and after Telegram answered it but
 *   before the desk hears so, the two moments a kill lands mid-dispatch.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeskFleet } from './desk-fleet.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export class WebhookBalancer {
  /** called with the desk's slot once an update is on its way to it */
  onForward: ((slot: number) => void) | null = null;
  #next = 0;
  #port = 0;
  readonly #server: Server;

  private constructor(private readonly fleet: DeskFleet) {
    this.#server = createServer((req, res) => void this.#post(req, res));
  }

  static async start(fleet: DeskFleet): Promise<WebhookBalancer> {
    const balancer = new WebhookBalancer(fleet);
    balancer.#port = await listen(balancer.#server);
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/telegram/webhook`;
  }

  close(): Promise<void> {
    return close(this.#server);
  }

  async #post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const update = await body(req);
    const secret = String(req.headers[SECRET_HEADER] ?? '');
    const giveUpAt = Date.now() + 60_000;
    while (Date.now() < giveUpAt) {
      const live = this.fleet.live();
      const desk = live[this.#next++ % Math.max(1, live.length)];
      if (!desk) {
        await sleep(25);
        continue;
      }
      const posting = fetch(`http://127.0.0.1:${desk.port}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
        body: update,
      });
      this.onForward?.(desk.slot);
      const answer = await posting.catch(() => null);
      await answer?.arrayBuffer().catch(() => undefined);
      if (answer?.status === 200) {
        res.writeHead(200).end();
        return;
      }
      await sleep(25);
    }
    res.writeHead(502).end();
  }
}

export type TapPhase = 'before-send' | 'after-send';

export class BotApiTap {
  /** 'drop' loses the call as a dead desk would: the desk never hears back */
  intercept: ((slot: number, phase: TapPhase, chatId: string) => Promise<'pass' | 'drop'>) | null =
    null;
  #port = 0;
  readonly #server: Server;

  private constructor(private readonly target: string) {
    this.#server = createServer((req, res) => void this.#call(req, res));
  }

  static async start(target: string): Promise<BotApiTap> {
    const tap = new BotApiTap(target);
    tap.#port = await listen(tap.#server);
    return tap;
  }

  /** The TELEGRAM_API_ROOT of the desk in `slot`. */
  apiRoot(slot: number): string {
    return `http://127.0.0.1:${this.#port}/d${slot}`;
  }

  close(): Promise<void> {
    return close(this.#server);
  }

  async #call(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/d(\d+)(\/.*)$/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const slot = Number(match[1]);
    const path = match[2] as string;
    const sending = path.endsWith('/sendMessage');
    const payload = await body(req);
    const chatId = sending ? String(JSON.parse(payload.toString('utf8')).chat_id) : '';
    if (sending && (await this.intercept?.(slot, 'before-send', chatId)) === 'drop') {
      res.destroy();
      return;
    }
    const answer = await fetch(`${this.target}${path}`, {
      method: req.method ?? 'POST',
      headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') },
      body: req.method === 'GET' ? undefined : payload,
    });
    const bytes = Buffer.from(await answer.arrayBuffer());
    if (sending && (await this.intercept?.(slot, 'after-send', chatId)) === 'drop') {
      res.destroy();
      return;
    }
    res
      .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' })
      .end(bytes);
  }
}
