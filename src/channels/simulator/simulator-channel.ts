/**
 * The browser simulator: a resident's phone and a staff phone in one web page,
 * talking to the same runtime, database and outbox as Telegram and WhatsApp.
 * Served on the desk's own port at `/`; on by default when no real channel is
 * configured, so a trainer or a new developer can try the desk in a minute.
 *
 * @example
 * const simulator = createSimulatorChannel({ gateway, logger });
 * const server = createHttpServer({ logger, routes: { ...simulator.routes } });
 * new OutboxDispatcher({ prisma, adapters: [simulator], logger }).start();
 */
import type { RouteHandler } from '../../http/server.ts';
import type { Logger } from '../../log.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { NotCommitted } from '../../runtime/not-committed.ts';
import type { TurnOutcome } from '../../runtime/run-turn.ts';
import { type ChannelAdapter, type Delivered, DeliveryError } from '../channel-adapter.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import { EventStreams } from './event-stream.ts';
import type { HistoryLoader } from './history.ts';
import { BodyTooLargeError, readBody, sendJson } from './http-io.ts';
import { MissingFileDataError, simulatorPostSchema, toInbound } from './inbound-request.ts';
import { pageRoutes } from './page-routes.ts';
import { CHAT_KEYS, PHONES, phoneOfChatKey, Transcript } from './transcript.ts';

/** For the page (which shows its own catalogued line) and for anyone posting by hand. */
const NOT_SAVED =
  'The desk could not save the message: its database is unavailable. Send it again in a moment.';
/** Room for a 10 MB file (the desk's default attachment limit) as base64, plus the JSON around it. */
export const MAX_BODY_BYTES = 15 * 1024 * 1024;
/** The largest file whose base64 still fits in one request. */
export const MAX_FILE_BYTES = Math.floor(((MAX_BODY_BYTES - 64 * 1024) * 3) / 4);

export interface SimulatorDeps {
  gateway: InboundGateway;
  logger: Logger;
  clock?: () => Date;
  /** for tests: how often idle event streams get a keep-alive comment */
  heartbeatMs?: number;
  /**
   * Issues a one-time petugas invite for the staff phone, so a trainer can show
   * the staff commands through the same /masuk path real staff use.
   */
  staffInvite?: () => Promise<{ code: string; unitName: string }>;
  /**
   * The desk's earlier replies to a phone (outboxHistory()), read at start so
   * a restart does not leave a resident mid-request with an empty phone.
   */
  history?: HistoryLoader;
}

export function createSimulatorChannel(deps: SimulatorDeps): ChannelAdapter {
  const clock = deps.clock ?? (() => new Date());
  const transcript = new Transcript(clock);
  const streams = new EventStreams(transcript, deps.heartbeatMs);

  const deliver = async (chatKey: string, message: OutboundMessage): Promise<Delivered> => {
    const phone = phoneOfChatKey(chatKey);
    if (!phone) {
      throw new DeliveryError('the simulator has no phone with this chat key', { permanent: true });
    }
    const entry = transcript.add({
      phone,
      from: 'desk',
      text: message.text,
      options: message.options,
    });
    return { platformMessageId: entry.id };
  };

  const postMessage: RouteHandler = async (req, res) => {
    // A JSON content type keeps plain cross-site form posts (no preflight) from typing into the desk.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { error: 'Send the message as JSON (content-type: application/json).' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      sendJson(res, 413, {
        error: `The message is too large: at most ${MAX_BODY_BYTES} bytes, files up to ${MAX_FILE_BYTES} bytes.`,
      });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      sendJson(res, 400, {
        error:
          'The body is not valid JSON. Expected e.g. {"messageId":"<uuid>","phone":"resident","text":"halo"}.',
      });
      return;
    }
    const parsed = simulatorPostSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      sendJson(res, 400, { error: `The message is not valid: ${issues.join('; ')}.` });
      return;
    }
    const post = parsed.data;
    let mapped: Awaited<ReturnType<typeof toInbound>>;
    let outcome: TurnOutcome;
    try {
      mapped = await toInbound(post, deps.gateway, clock(), { maxFileBytes: MAX_FILE_BYTES });
      outcome = await deps.gateway.receive(mapped.input);
    } catch (error) {
      if (error instanceof MissingFileDataError) {
        sendJson(res, 400, { error: `The message is not valid: ${error.message}.` });
        return;
      }
      if (!(error instanceof NotCommitted)) throw error;
      deps.logger.warn(
        { phone: post.phone },
        'simulator message not saved: the database is unavailable; the page asks to send it again',
      );
      sendJson(res, 503, { error: NOT_SAVED }, { 'retry-after': '5' });
      return;
    }
    // Shown once the desk has it (its replies leave through the outbox only after this), so
    // the phone never shows a message the desk did not take; a retried POST is shown once.
    if (!transcript.has(post.phone, post.messageId)) transcript.add(mapped.entry);
    // Only the phone and kind: the text may hold a NIK or a name.
    deps.logger.debug(
      { phone: post.phone, kind: mapped.input.kind, status: outcome.status },
      'simulator message handled',
    );
    sendJson(res, 200, { status: outcome.status });
  };

  const postStaffInvite: RouteHandler = async (req, res) => {
    if (!deps.staffInvite) {
      sendJson(res, 404, { error: 'This desk gives no example invites.' });
      return;
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { error: 'Ask for the invite as JSON (content-type: application/json).' });
      return;
    }
    sendJson(res, 200, await deps.staffInvite());
  };

  const routes: Record<string, RouteHandler> = {
    ...pageRoutes({ maxFileBytes: MAX_FILE_BYTES }),
    'POST /simulator/messages': postMessage,
    'POST /simulator/staff-invite': postStaffInvite,
    'GET /simulator/events': streams.route,
  };

  const since = clock();
  return {
    channel: 'simulator',
    routes,
    // While the desk runs, its page is served: there is no connection to lose.
    status: () => ({ state: 'on', since }),
    // Nothing to connect: the routes are live as soon as the desk's HTTP server is. The
    // app starts the outbox dispatcher after this, so restored replies come before new ones.
    start: async () => {
      const { history } = deps;
      if (!history) return;
      try {
        for (const phone of PHONES) transcript.restore(phone, await history(CHAT_KEYS[phone]));
      } catch (error) {
        // Empty phones are a small loss; a desk that will not start over them is a big one.
        deps.logger.warn({ err: error }, 'simulator: the earlier replies could not be read back');
      }
    },
    stop: async () => streams.closeAll(),
    deliver,
  };
}
