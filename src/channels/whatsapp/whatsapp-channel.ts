/**
 * The WhatsApp channel: a linked device (Baileys) that hands residents'
 * messages to the desk and sends the desk's replies back.
 *
 * Only one desk process may use the WhatsApp session, so the channel first
 * takes the 'whatsapp' lease; a process without it stays idle and keeps
 * trying, ready to take over when the holder stops or dies. The session
 * (credentials and Signal keys) lives encrypted in the database, so whichever
 * process takes over finds it there.
 *
 * @example
 * const whatsapp = createWhatsAppChannel({ gateway, prisma, cipher, logger });
 * await whatsapp.start(); // prints a QR code on first start
 * await whatsapp.deliver('1234567890@lid', { text: 'Halo', options: [] });
 */
import {
  isLidUser,
  isPnUser,
  makeWASocket,
  type WAMessage,
  type WAVersion,
} from '@whiskeysockets/baileys';
import { outboundFileName } from '../../attachments/attachment-store.ts';
import { isLocale, type Locale, t } from '../../i18n/translate.ts';
import type { Logger } from '../../log.ts';
import { KeyedQueue } from '../../runtime/keyed-queue.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import type { Db } from '../../store/database.ts';
import { type ChannelAdapter, type Delivered, DeliveryError } from '../channel-adapter.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import { StatusClock } from '../status-clock.ts';
import {
  type ConnectionStatus,
  type Delivery,
  type MakeSocket,
  WhatsAppConnection,
  type WhatsAppSocket,
} from './connection.ts';
import { loadDatabaseAuthState } from './database-auth-state.ts';
import { errorReason } from './error-reason.ts';
import { handOverInbound } from './hand-over.ts';
import type { HoldBackoff } from './held-messages.ts';
import {
  type MappedMessage,
  mapInboundMessage,
  type SkipReason,
  sentAt,
} from './inbound-mapping.ts';
import { type FetchedMessage, fetchMedia } from './inbound-media.ts';
import { LeaseKeeper } from './lease-keeper.ts';
import { withKnownLid } from './lid-resolution.ts';
import { DEFAULT_OFFLINE_MAX_AGE_DAYS, isTooOldToAnswer } from './offline-cutoff.ts';
import type { BackoffSettings } from './reconnect-policy.ts';
import { renderOutbound } from './render-outbound.ts';
import { DEFAULT_SPACING, SendQueue, type SendSpacing } from './send-queue.ts';
import { sentMessageLookup } from './sent-message-lookup.ts';
import { SessionLease } from './session-lease.ts';

export interface WhatsAppDeps {
  gateway: InboundGateway;
  prisma: Db;
  cipher: FieldCipher;
  logger: Logger;
  /** digits with country code: link by pairing code instead of a QR code */
  pairingPhone?: string | undefined;
  /** Baileys' makeWASocket; tests pass a socket they drive */
  makeSocket?: MakeSocket;
  clock?: () => Date;
  /** how long the session lease lasts without renewal (a dead holder is replaced after this) */
  leaseMs?: number;
  /** waits between reconnection attempts */
  backoff?: BackoffSettings;
  /** spacing between sent messages */
  spacing?: SendSpacing;
  /** where the QR code is drawn (stdout) */
  terminal?: { write(text: string): unknown };
  /** the WhatsApp Web version to announce (WHATSAPP_WEB_VERSION); Baileys' bundled one when absent */
  version?: WAVersion | undefined;
  /** messages sent while the desk was offline and older than this many days get no answer */
  offlineMaxAgeDays?: number | undefined;
  /** pauses between tries of a message held during a database outage */
  holdBackoff?: HoldBackoff;
  /** how many messages may be held during a database outage */
  maxHeld?: number;
}

/** A message someone expects an answer to, with the file it carries still to fetch. */
type ForTheDesk = Exclude<MappedMessage, { skip: SkipReason }>;

/** The lease WhatsApp's single session is guarded by. */
export const WHATSAPP_LEASE = 'whatsapp';
const DEFAULT_LEASE_MS = 30_000;
/** Retry soon while (re)connecting; a logged-out session waits for a restart. */
const RETRY_CONNECTING_MS = 5000;
const RETRY_LOGGED_OUT_MS = 60_000;

/**
 * WhatsApp as /healthz tells it: standby without the session lease (another
 * desk process holds it, or it was just freed), pairing until the phone links
 * the device, reconnecting after a drop, stopped after a logout, a takeover by
 * another client or the desk's own stop.
 */
export type WhatsAppState = 'standby' | 'pairing' | 'connected' | 'reconnecting' | 'stopped';

function stateOf(status: ConnectionStatus, linked: boolean): WhatsAppState {
  if (status === 'open') return 'connected';
  if (status === 'connecting') return linked ? 'reconnecting' : 'pairing';
  if (status === 'closed') return 'standby';
  return 'stopped';
}

export function createWhatsAppChannel(deps: WhatsAppDeps): ChannelAdapter {
  const logger = deps.logger.child({ channel: 'whatsapp' });
  // Baileys logs stanzas and message keys (JIDs, phone numbers): silenced for good.
  const baileysLogger = logger.child({ module: 'baileys' }, { level: 'silent' });
  const clock = deps.clock ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const perChat = new KeyedQueue();
  const receiving = new Set<Promise<void>>();
  let sending = new SendQueue(deps.spacing ?? DEFAULT_SPACING);
  let connection: WhatsAppConnection | null = null;
  const state = new StatusClock<WhatsAppState>('standby', clock);
  const handOver = () =>
    handOverInbound({
      gateway: deps.gateway,
      logger,
      backoff: deps.holdBackoff,
      maxHeld: deps.maxHeld,
    });
  let held = handOver();

  const offlineMaxAgeDays = deps.offlineMaxAgeDays ?? DEFAULT_OFFLINE_MAX_AGE_DAYS;

  async function receive(
    socket: WhatsAppSocket,
    message: WAMessage,
    mapped: ForTheDesk,
  ): Promise<void> {
    const messageId = message.key.id;
    let fetched: FetchedMessage;
    try {
      const input = await withKnownLid(socket, mapped.input);
      const media = { socket, gateway: deps.gateway, logger, baileysLogger };
      fetched = mapped.media
        ? await fetchMedia(message, { input, media: mapped.media }, media)
        : { input };
    } catch (error) {
      logger.error({ messageId, reason: errorReason(error) }, 'WhatsApp message was not handled');
      return;
    }
    await held.submit(message.key.remoteJid ?? '', fetched);
  }

  /** The message for the desk, or null (logged) when nobody expects an answer to it. */
  function readMessage(message: WAMessage): ForTheDesk | null {
    const messageId = message.key.id;
    try {
      const mapped = mapInboundMessage(message, clock);
      if ('skip' in mapped) {
        logger.debug({ messageId, skip: mapped.skip }, 'WhatsApp message is not for the desk');
        return null;
      }
      return mapped;
    } catch (error) {
      logger.error({ messageId, reason: errorReason(error) }, 'WhatsApp message was not handled');
      return null;
    }
  }

  function onMessages(socket: WhatsAppSocket, messages: WAMessage[], delivery: Delivery): void {
    let tooOld = 0;
    for (const message of messages) {
      const mapped = readMessage(message);
      if (!mapped) continue;
      const sent = sentAt(message);
      if (delivery === 'offline' && sent && isTooOldToAnswer(sent, clock(), offlineMaxAgeDays)) {
        tooOld += 1;
        continue;
      }
      // One chat's messages in the order they came, even when a photo takes a while to download.
      const task = perChat.run(message.key.remoteJid ?? '', () => receive(socket, message, mapped));
      receiving.add(task);
      void task.finally(() => receiving.delete(task));
    }
    if (tooOld > 0) {
      logger.warn(
        { skipped: tooOld, offlineMaxAgeDays },
        'WhatsApp messages sent while the desk was offline are too old to answer; skipped',
      );
    }
  }

  const getMessage = sentMessageLookup({
    prisma: deps.prisma,
    cipher: deps.cipher,
    logger,
    locale: chatLocale,
  });

  const keeper = new LeaseKeeper(
    new SessionLease(deps.prisma, { name: WHATSAPP_LEASE, ttlMs: leaseMs, clock }),
    {
      ttlMs: leaseMs,
      logger,
      clock,
      async onGained() {
        // Loaded only now: the previous holder may have changed the session until a moment ago.
        const auth = await loadDatabaseAuthState(deps.prisma, deps.cipher);
        const next: WhatsAppConnection = new WhatsAppConnection({
          auth,
          makeSocket: deps.makeSocket ?? makeWASocket,
          logger,
          pairingPhone: deps.pairingPhone,
          backoff: deps.backoff,
          terminal: deps.terminal,
          version: deps.version,
          getMessage,
          onMessages,
          onStatus: (status) => {
            // A connection being replaced still reports its close; only the current one counts.
            if (next === connection) state.set(stateOf(status, next.linked));
          },
        });
        connection = next;
        connection.connect();
      },
      async onLost() {
        const current = connection;
        connection = null;
        state.set('standby');
        await current?.close();
      },
    },
  );

  function notConnected(): DeliveryError {
    // Both wait for an operator: pairing again, or stopping the other client.
    const stopped = connection?.status === 'loggedOut' || connection?.status === 'replaced';
    return new DeliveryError('WhatsApp is not connected', {
      retryAfterMs: stopped ? RETRY_LOGGED_OUT_MS : RETRY_CONNECTING_MS,
    });
  }

  async function chatLocale(chatKey: string): Promise<Locale> {
    const row = await deps.prisma.conversation.findUnique({
      where: { channel_chatKey: { channel: 'whatsapp', chatKey } },
      select: { locale: true },
    });
    return row && isLocale(row.locale) ? row.locale : 'id';
  }

  return {
    channel: 'whatsapp',

    async start() {
      sending = new SendQueue(deps.spacing ?? DEFAULT_SPACING);
      held = handOver();
      await keeper.start();
    },

    status: () => state.read(),

    async stop() {
      sending.close(
        new DeliveryError('WhatsApp channel stopped', { retryAfterMs: RETRY_CONNECTING_MS }),
      );
      await keeper.stop();
      state.set('stopped');
      await Promise.allSettled([...receiving]);
      const dropped = await held.stop();
      if (dropped > 0) {
        logger.error(
          { dropped },
          'WhatsApp channel stopped while the database was unavailable; the messages it held are lost',
        );
      }
    },

    ready() {
      return Boolean(connection?.openSocket);
    },

    async deliver(chatKey: string, message: OutboundMessage): Promise<Delivered> {
      if (!isLidUser(chatKey) && !isPnUser(chatKey)) {
        throw new DeliveryError('not a WhatsApp private chat', { permanent: true });
      }
      if (!connection?.openSocket) throw notConnected();
      const file = message.attachment
        ? await deps.gateway.openAttachment(message.attachment.attachmentId)
        : null;
      if (file) {
        const content =
          file.kind === 'photo'
            ? { image: file.bytes, caption: message.text }
            : {
                document: file.bytes,
                mimetype: file.mimeType,
                fileName: outboundFileName(file.mimeType),
                caption: message.text,
              };
        const sent = await sending.run(async () => {
          const socket = connection?.openSocket;
          if (!socket) throw notConnected();
          return socket.sendMessage(chatKey, content);
        });
        return { platformMessageId: sent?.key.id ?? undefined };
      }
      const texts = renderOutbound(message, t(await chatLocale(chatKey), 'channel.optionsHint'));
      let platformMessageId: string | undefined;
      for (const text of texts) {
        const sent = await sending.run(async () => {
          // Checked again at its turn: the connection may have dropped while it waited.
          const socket = connection?.openSocket;
          if (!socket) throw notConnected();
          return socket.sendMessage(chatKey, { text });
        });
        platformMessageId = sent?.key.id ?? platformMessageId;
      }
      return { platformMessageId };
    },
  };
}
