/**
 * The contract between the desk and a chat platform. An adapter only
 * translates: platform updates become InboundMessages handed to the
 * InboundGateway, and OutboundMessages the dispatcher takes from the outbox
 * become platform calls. Nothing past this file knows grammY or Baileys.
 */
import type { RouteHandler } from '../http/server.ts';
import type { Channel, OutboundMessage } from '../runtime/messages.ts';

export interface ChannelAdapter {
  readonly channel: Channel;
  /** Connects (polling, webhook, socket). Resolves once inbound messages can flow. */
  start(): Promise<void>;
  /** Stops taking updates and releases platform resources; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Sends one message to one chat. Throws DeliveryError when it could not;
   * any other error counts as a temporary failure.
   */
  deliver(chatKey: string, message: OutboundMessage): Promise<Delivered>;
  /**
   * Whether sends can happen now (connected, holding the session). A channel
   * that is not ready is skipped by the dispatcher without using up attempts,
   * so a WhatsApp outage or an idle second desk process loses nothing.
   */
  ready?(): boolean;
  /** HTTP routes the channel serves on the desk's port (webhook, simulator page) */
  readonly routes?: Record<string, RouteHandler>;
  /** The connection's state for /healthz (the three real channels report one). */
  status?(): ChannelStatus;
}

/**
 * What /healthz says about a channel: a state word and since when. Telegram:
 * connecting | up | down; WhatsApp: standby | pairing | connected |
 * reconnecting | stopped; the simulator: on. Never a chat key, a phone number
 * or a token.
 */
export interface ChannelStatus {
  state: string;
  since: Date;
}

export interface Delivered {
  /** the platform's id of the sent message, kept for support and edits */
  platformMessageId?: string | undefined;
}

/** A failed send, with what the platform told us about trying again. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly options: {
      /** the platform asked us to wait this long (Telegram retry_after) */
      retryAfterMs?: number | undefined;
      /** trying again cannot help: the chat is gone, the bot was blocked */
      permanent?: boolean | undefined;
      /** the platform could not be reached at all (network), which /healthz reports as down */
      unreachable?: boolean | undefined;
    } = {},
  ) {
    super(message);
  }
}
