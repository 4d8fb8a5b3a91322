/**
 * A small, real Telegram Bot API server for tests: node:http on 127.0.0.1,
 * speaking the Bot API over HTTP the way api.telegram.org does, so the desk's
 * grammY bot runs unmodified against it (`client: { apiRoot: emulator.apiRoot }`).
 *
 * It keeps Telegram's rules that matter to the desk: getUpdates long polling
 * with offset confirmation (and 409 while a webhook is set or another poll
 * takes over), webhook delivery with the secret header, 4096-character and
 * 64-byte callback_data limits, unknown chats, blocked bots, callback queries
 * that must be answered, files served from /file/bot<token>/<path>.
 *
 * Tests play the Telegram side: pushUpdate() is a user doing something, `sent`
 * and `calls` are what the bot did (with arrival times), failNext() makes
 * Telegram refuse the next calls of a method (e.g. a 429 with retry_after).
 *
 * It is one file on purpose, longer than most: it is one fake server, and its
 * parts (routing, long polling, webhook posts, limits) only make sense together.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { BotCommand, InlineKeyboardMarkup, Update } from 'grammy/types';

export type Payload = Record<string, unknown>;
export type ApiFailure = {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
};
type ApiResult = { ok: true; result: unknown } | ApiFailure;

export interface ApiCall {
  method: string;
  payload: Payload;
  /** performance.now() when the request arrived */
  at: number;
}

export interface SentMessage {
  chatId: string;
  messageId: number;
  /** the text, or a photo's or document's caption */
  text: string;
  keyboard: InlineKeyboardMarkup | undefined;
  at: number;
  /** an uploaded photo or document (sendPhoto, sendDocument) */
  file?: { kind: 'photo' | 'document'; filename: string; bytes: Uint8Array };
}

export type NewUpdate = Omit<Update, 'update_id'> & { update_id?: number };

export const BOT_USER = {
  id: 7_000_001,
  is_bot: true,
  first_name: 'SLRT Desk (test)',
  username: 'slrt_desk_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as const;

/** What Telegram answers when rate-limiting a call. */
export function tooManyRequests(retryAfterSeconds: number): ApiFailure {
  return {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfterSeconds}`,
    parameters: { retry_after: retryAfterSeconds },
  };
}

const fail = (error_code: number, description: string): ApiFailure => ({
  ok: false,
  error_code,
  description,
});

/** Polls `check` until it returns something other than undefined, null or false; throws after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Poll {
  limit: number;
  finish(result: ApiResult): void;
}

export class BotApiEmulator {
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  /** ids of callback queries the bot answered */
  readonly answeredCallbacks: string[] = [];
  /** setMyCommands by scope and language: key `${JSON.stringify(scope)}|${language_code}` */
  readonly commands = new Map<string, BotCommand[]>();
  /** what happened to each update posted to the webhook */
  readonly webhookPosts: { updateId: number; status: number }[] = [];
  webhook: { url: string; secretToken: string | undefined } | null = null;
  /**
   * Post an update again this long after the webhook answered anything but
   * 2xx, as Telegram does; null (the default) posts each update once.
   */
  redeliverWebhookAfterMs: number | null = null;

  #queue: Update[] = [];
  #nextUpdateId = 100;
  #allowedUpdates: string[] | null = null;
  #poll: Poll | null = null;
  #failures = new Map<string, ApiFailure[]>();
  #chats = new Set<string>();
  #blocked = new Set<string>();
  #messageIds = new Map<string, number>();
  #openQueries = new Set<string>();
  #files = new Map<string, { path: string; bytes: Uint8Array; size: number }>();
  #webhookChain: Promise<void> = Promise.resolve();
  /** Telegram posts one chat's updates one after another, other chats' alongside. */
  #webhookChats = new Map<string, Promise<void>>();
  #closed = false;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = '123456:emulated-token-for-tests_0000'): Promise<BotApiEmulator> {
    const server = createServer();
    const emulator = new BotApiEmulator(server, token);
    server.on('request', (req, res) => {
      emulator.#route(req, res).catch((error: unknown) => {
        if (!res.headersSent) reply(res, fail(500, `Internal Server Error: ${String(error)}`));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return emulator;
  }

  /** The apiRoot for grammY, e.g. http://127.0.0.1:41234 */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Makes Telegram answer the next `count` calls of `method` with `failure`. */
  failNext(method: string, count: number, failure: ApiFailure): void {
    this.#failures.set(method, [
      ...(this.#failures.get(method) ?? []),
      ...Array(count).fill(failure),
    ]);
  }

  /** The user of this private chat blocks the bot: sends get 403 from now on. */
  blockBot(chatId: number | string): void {
    this.#blocked.add(String(chatId));
  }

  /** Next message id in a chat: Telegram numbers both sides' messages in one sequence. */
  nextMessageId(chatId: number | string): number {
    const next = (this.#messageIds.get(String(chatId)) ?? 0) + 1;
    this.#messageIds.set(String(chatId), next);
    return next;
  }

  /** A file a user uploaded; `declaredSize` lets a test claim a size without the bytes. */
  addFile(bytes: Uint8Array, declaredSize = bytes.byteLength) {
    const n = this.#files.size + 1;
    const file = { file_id: `FILE-${n}`, file_unique_id: `U${n}`, file_size: declaredSize };
    this.#files.set(file.file_id, { path: `documents/file_${n}`, bytes, size: declaredSize });
    return file;
  }

  /**
   * A user did something: the update is queued for getUpdates, or posted to
   * the webhook when one is set. Pushing one update object twice delivers the
   * same update (same update_id) twice.
   */
  pushUpdate(update: NewUpdate): Update {
    return this.pushUpdates([update])[0] as Update;
  }

  /** Several updates at once, so one getUpdates answer carries them all. */
  pushUpdates(updates: NewUpdate[]): Update[] {
    const full = updates.map((update) => {
      const complete = { ...update, update_id: update.update_id ?? this.#nextUpdateId++ } as Update;
      // Telegram's update ids only grow: later ones number on from an id a test chose.
      this.#nextUpdateId = Math.max(this.#nextUpdateId, complete.update_id + 1);
      const chat = complete.message?.chat ?? complete.callback_query?.message?.chat;
      if (chat) this.#chats.add(String(chat.id));
      if (complete.callback_query) this.#openQueries.add(complete.callback_query.id);
      return complete;
    });
    if (this.webhook) {
      for (const update of full) this.#postToWebhook(update);
    } else {
      this.#queue.push(...full);
      this.#servePoll();
    }
    return full;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  sentTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((message) => message.chatId === String(chatId));
  }

  commandsFor(scope: object, languageCode = ''): BotCommand[] | undefined {
    return this.commands.get(`${JSON.stringify(scope)}|${languageCode}`);
  }

  /** Resolves once every update pushed so far has been posted to the webhook. */
  webhookIdle(): Promise<void> {
    return this.#webhookChain;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#poll?.finish({ ok: true, result: [] });
    await this.#webhookChain;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.#serveFile(res, file[1] as string, file[2] as string);
    const call = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!call) return reply(res, fail(404, 'Not Found'));
    if (call[1] !== this.token) return reply(res, fail(401, 'Unauthorized'));
    const method = call[2] as string;
    const payload = await readPayload(req, url);
    this.calls.push({ method, payload, at: performance.now() });
    const injected = this.#failures.get(method)?.shift();
    if (injected) return reply(res, injected);
    if (method === 'getUpdates') return reply(res, await this.#getUpdates(payload, res));
    const handler = this.#methods[method];
    reply(res, handler ? handler(payload) : fail(404, 'Not Found: method not found'));
  }

  readonly #methods: Record<string, (p: Payload) => ApiResult> = {
    getMe: () => ok(BOT_USER),
    sendMessage: (p) => this.#sendMessage(p),
    sendPhoto: (p) => this.#sendFile(p, 'photo'),
    sendDocument: (p) => this.#sendFile(p, 'document'),
    answerCallbackQuery: (p) => {
      const id = String(p.callback_query_id);
      if (!this.#openQueries.delete(id)) {
        return fail(
          400,
          'Bad Request: query is too old and response timeout expired or query ID is invalid',
        );
      }
      this.answeredCallbacks.push(id);
      return ok(true);
    },
    setMyCommands: (p) => {
      const commands = p.commands as BotCommand[];
      const invalid = commands.some(
        (c) => !/^[a-z0-9_]{1,32}$/.test(c.command) || !c.description || c.description.length > 256,
      );
      if (invalid) return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
      const scope = p.scope ?? { type: 'default' };
      this.commands.set(`${JSON.stringify(scope)}|${p.language_code ?? ''}`, commands);
      return ok(true);
    },
    getFile: (p) => {
      const file = this.#files.get(String(p.file_id));
      if (!file) return fail(400, 'Bad Request: invalid file_id');
      if (file.size > 20 * 1024 * 1024) return fail(400, 'Bad Request: file is too big');
      return ok({
        file_id: p.file_id,
        file_unique_id: 'U',
        file_size: file.size,
        file_path: file.path,
      });
    },
    setWebhook: (p) => {
      const secret = p.secret_token === undefined ? undefined : String(p.secret_token);
      this.webhook = p.url ? { url: String(p.url), secretToken: secret } : null;
      if (p.allowed_updates) this.#allowedUpdates = p.allowed_updates as string[];
      this.#poll?.finish(fail(409, 'Conflict: terminated by setWebhook request'));
      return ok(true);
    },
    deleteWebhook: () => {
      this.webhook = null;
      return ok(true);
    },
    getWebhookInfo: () =>
      ok({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 }),
  };

  #sendMessage(p: Payload): ApiResult {
    const chatId = String(p.chat_id);
    if (!this.#chats.has(chatId)) return fail(400, 'Bad Request: chat not found');
    if (this.#blocked.has(chatId)) return fail(403, 'Forbidden: bot was blocked by the user');
    const text = typeof p.text === 'string' ? p.text : '';
    if (text.trim() === '') return fail(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
    const keyboard = p.reply_markup as InlineKeyboardMarkup | undefined;
    const buttons = keyboard?.inline_keyboard.flat() ?? [];
    if (buttons.length > 100) return fail(400, 'Bad Request: REPLY_MARKUP_TOO_LONG');
    const badData = buttons.some((b) => {
      const data = 'callback_data' in b ? b.callback_data : undefined;
      return data !== undefined && (data === '' || Buffer.byteLength(data) > 64);
    });
    if (badData) return fail(400, 'Bad Request: BUTTON_DATA_INVALID');
    const messageId = this.nextMessageId(chatId);
    this.sent.push({ chatId, messageId, text, keyboard, at: performance.now() });
    const chat = { id: Number(chatId), type: 'private' };
    const date = Math.floor(Date.now() / 1000);
    return ok({ message_id: messageId, date, chat, from: BOT_USER, text, reply_markup: keyboard });
  }

  /** An upload is the multipart part named after the field, or "attach://<part>" naming it. */
  #sendFile(p: Payload, kind: 'photo' | 'document'): ApiResult {
    const chatId = String(p.chat_id);
    if (!this.#chats.has(chatId)) return fail(400, 'Bad Request: chat not found');
    const ref = p[kind];
    const part = typeof ref === 'string' && ref.startsWith('attach://') ? p[ref.slice(9)] : ref;
    const upload = part as { filename: string; bytes: Uint8Array } | null;
    if (!upload?.bytes?.length) return fail(400, `Bad Request: there is no ${kind} in the request`);
    const caption = typeof p.caption === 'string' ? p.caption : '';
    if (caption.length > 1024) return fail(400, 'Bad Request: message caption is too long');
    const messageId = this.nextMessageId(chatId);
    const file = { kind, filename: upload.filename, bytes: upload.bytes };
    this.sent.push({
      chatId,
      messageId,
      text: caption,
      keyboard: undefined,
      at: performance.now(),
      file,
    });
    const chat = { id: Number(chatId), type: 'private' };
    return ok({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat, caption });
  }

  /** Long polling: answer at once when updates wait, else hold the request up to `timeout` s. */
  #getUpdates(p: Payload, res: ServerResponse): Promise<ApiResult> {
    if (this.webhook) {
      return Promise.resolve(
        fail(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        ),
      );
    }
    const offset = Number(p.offset ?? 0);
    // A positive offset confirms every update below it: Telegram forgets them.
    if (offset > 0) this.#queue = this.#queue.filter((u) => u.update_id >= offset);
    if (p.allowed_updates) this.#allowedUpdates = p.allowed_updates as string[];
    this.#poll?.finish(
      fail(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      ),
    );
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => poll.finish({ ok: true, result: [] }),
        Number(p.timeout ?? 0) * 1000,
      );
      const poll: Poll = {
        limit: Math.min(100, Math.max(1, Number(p.limit ?? 100))),
        finish: (result) => {
          clearTimeout(timer);
          if (this.#poll === poll) this.#poll = null;
          resolve(result);
        },
      };
      this.#poll = poll;
      // The client gave up (the runner stopping): nobody is waiting any more.
      res.on('close', () => {
        if (!res.writableEnded) poll.finish({ ok: true, result: [] });
      });
      this.#servePoll();
    });
  }

  #servePoll(): void {
    const poll = this.#poll;
    if (!poll) return;
    const allowed = this.#allowedUpdates;
    if (allowed) this.#queue = this.#queue.filter((u) => allowed.includes(updateType(u)));
    if (this.#queue.length === 0) return;
    poll.finish({ ok: true, result: this.#queue.slice(0, poll.limit) });
  }

  #postToWebhook(update: Update): void {
    const webhook = this.webhook;
    if (!webhook) return;
    const chat = String(update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? '');
    const previous = this.#webhookChats.get(chat) ?? Promise.resolve();
    const delivery = previous.then(() => this.#deliver(webhook, update));
    this.#webhookChats.set(chat, delivery);
    this.#webhookChain = Promise.all([this.#webhookChain, delivery]).then(() => undefined);
  }

  async #deliver(webhook: { url: string; secretToken: string | undefined }, update: Update) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = webhook.secretToken;
    for (;;) {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
      }).catch(() => null);
      await response?.arrayBuffer();
      const status = response?.status ?? 0;
      this.webhookPosts.push({ updateId: update.update_id, status });
      const again = this.redeliverWebhookAfterMs;
      if ((status >= 200 && status < 300) || again === null || this.#closed) return;
      await new Promise((resolve) => setTimeout(resolve, again));
    }
  }

  #serveFile(res: ServerResponse, token: string, path: string): void {
    const file = [...this.#files.values()].find((f) => f.path === path);
    if (token !== this.token || !file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
  }
}

function ok(result: unknown): ApiResult {
  return { ok: true, result };
}

function reply(res: ServerResponse, result: ApiResult): void {
  if (res.writableEnded || res.destroyed) return;
  const status = result.ok ? 200 : result.error_code;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(result));
}

function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

/**
 * The Bot API takes parameters as a query string, JSON, urlencoded or
 * multipart form (grammY sends JSON, and multipart when uploading a file).
 * Form values holding objects (reply_markup, scope) are JSON-encoded.
 */
async function readPayload(req: IncomingMessage, url: URL): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const payload: Payload = {};
  for (const [key, value] of url.searchParams) payload[key] = decodeValue(value);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return payload;
  if (type.startsWith('application/json'))
    return { ...payload, ...JSON.parse(body.toString('utf8')) };
  if (type.startsWith('multipart/form-data')) {
    for (const part of multipartParts(body, type)) {
      payload[part.name] =
        part.filename === undefined
          ? decodeValue(part.bytes.toString('utf8'))
          : { filename: part.filename, bytes: new Uint8Array(part.bytes) };
    }
    return payload;
  }
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    payload[key] = decodeValue(value);
  }
  return payload;
}

/**
 * The parts of a multipart/form-data body. Written out because undici's
 * FormData parser refuses the unquoted filename grammY sends (Telegram takes it).
 */
function multipartParts(body: Buffer, contentType: string) {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) return [];
  const parts: { name: string; filename: string | undefined; bytes: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      // grammY writes filename=foto.jpg unquoted, which undici's parser refuses.
      const name = /(?:^|[;:\s])name="([^"]*)"/.exec(headers)?.[1];
      const filename = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
      // The part's content ends before the CRLF that precedes the next delimiter.
      const content = chunk.subarray(headerEnd + 4, chunk.length - 2);
      if (name !== undefined) parts.push({ name, filename, bytes: content });
    }
    start = next;
  }
  return parts;
}

function decodeValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
