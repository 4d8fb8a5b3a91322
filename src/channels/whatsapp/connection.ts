/**
 * One WhatsApp connection over Baileys: opens the socket with the database
 * auth state, shows the QR code (or asks for a pairing code), keeps the
 * credentials saved and reconnects after a drop. It hands received messages
 * on and knows nothing about the desk.
 *
 * After a logout (the device was unlinked on the phone) the stored session is
 * deleted and the connection stays down until the desk restarts, which starts
 * a fresh pairing. Reconnecting by itself would print new QR codes forever to
 * a log nobody may be watching, and could relink a number the operator
 * deliberately unlinked. The same holds when another client takes the session
 * over (440): fighting for it would flap both clients every second.
 *
 * @example
 * const connection = new WhatsAppConnection({ auth, makeSocket: makeWASocket, logger, onMessages });
 * connection.connect();
 * connection.openSocket?.sendMessage(jid, { text: 'Halo' });
 */
import {
  type AuthenticationState,
  Browsers,
  type ConnectionState,
  DEFAULT_CONNECTION_CONFIG,
  makeCacheableSignalKeyStore,
  type UserFacingSocketConfig,
  type WAMessage,
  type WASocket,
  type WAVersion,
} from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { Logger } from '../../log.ts';
import type { DatabaseAuthState } from './database-auth-state.ts';
import { errorReason } from './error-reason.ts';
import { type OutageTolerantKeys, outageTolerantKeys } from './outage-tolerant-keys.ts';
import { isUnfinishedPairing } from './pairing-state.ts';
import {
  afterClose,
  type BackoffSettings,
  closeStatus,
  DEFAULT_BACKOFF,
  reconnectDelayMs,
} from './reconnect-policy.ts';
import type { GetMessage } from './sent-message-lookup.ts';

/** The part of Baileys' socket the desk uses; makeWASocket's result fits it. */
export type WhatsAppSocket = Pick<
  WASocket,
  'ev' | 'sendMessage' | 'end' | 'requestPairingCode' | 'updateMediaMessage'
> & {
  authState: { creds: Pick<AuthenticationState['creds'], 'registered'> };
  signalRepository: { lidMapping: { getLIDForPN(pn: string): Promise<string | null> } };
};

export type MakeSocket = (config: UserFacingSocketConfig) => WhatsAppSocket;

export type ConnectionStatus = 'connecting' | 'open' | 'loggedOut' | 'replaced' | 'closed';

/** `offline`: sent while the desk was not connected, delivered now (Baileys' upsert type 'append'). */
export type Delivery = 'live' | 'offline';

export interface ConnectionOptions {
  auth: DatabaseAuthState;
  makeSocket: MakeSocket;
  logger: Logger;
  /** digits with country code: link by pairing code instead of a QR code */
  pairingPhone?: string | undefined;
  backoff?: BackoffSettings;
  /** where the QR code is drawn (stdout) */
  terminal?: { write(text: string): unknown };
  /** the WhatsApp Web version to announce; Baileys' bundled one when absent */
  version?: WAVersion | undefined;
  /** a sent message's content, for a phone that could not decrypt it (retry receipts) */
  getMessage?: GetMessage;
  /** messages WhatsApp pushed: new ones, and those that arrived while the desk was offline */
  onMessages(socket: WhatsAppSocket, messages: WAMessage[], delivery: Delivery): void;
  /** each change of `status`, for /healthz */
  onStatus?(status: ConnectionStatus): void;
}

export class WhatsAppConnection {
  #socket: WhatsAppSocket | null = null;
  #status: ConnectionStatus = 'closed';
  #failures = 0;
  #retry: NodeJS.Timeout | null = null;
  #saving: Promise<void> = Promise.resolve();
  #keys: AuthenticationState['keys'];
  #tolerantKeys: OutageTolerantKeys;
  readonly #baileysLogger: Logger;

  constructor(private readonly options: ConnectionOptions) {
    // Baileys logs whole stanzas, JIDs and message keys: nothing of it may reach the desk's logs.
    this.#baileysLogger = options.logger.child({ module: 'baileys' }, { level: 'silent' });
    this.#tolerantKeys = outageTolerantKeys(options.auth.state.keys, { logger: options.logger });
    this.#keys = this.#cachedKeys();
  }

  /** Baileys reads the same sessions and pre-keys again and again; decrypting a row each time is waste. */
  #cachedKeys(): AuthenticationState['keys'] {
    return makeCacheableSignalKeyStore(this.#tolerantKeys, this.#baileysLogger);
  }

  /** The WhatsApp Web version announced, for log lines about rejected clients. */
  get version(): string {
    return (this.options.version ?? DEFAULT_CONNECTION_CONFIG.version).join('.');
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Whether the phone ever accepted this device (by QR code or pairing code). */
  get linked(): boolean {
    const creds = this.options.auth.state.creds;
    return Boolean(creds.account || creds.registered);
  }

  #setStatus(status: ConnectionStatus): void {
    this.#status = status;
    this.options.onStatus?.(status);
  }

  /** The socket, while WhatsApp is connected and messages can be sent. */
  get openSocket(): WhatsAppSocket | null {
    return this.#status === 'open' ? this.#socket : null;
  }

  connect(): void {
    this.#setStatus('connecting');
    const socket = this.options.makeSocket({
      auth: { creds: this.options.auth.state.creds, keys: this.#keys },
      logger: this.#baileysLogger,
      // WhatsApp only accepts pairing codes from companions that look like a known browser.
      browser: this.options.pairingPhone ? Browsers.ubuntu('Chrome') : Browsers.ubuntu('SLRT Desk'),
      // Staying "offline" lets the desk's own phone keep getting notifications for the number.
      markOnlineOnConnect: false,
      // The desk answers new messages only; old chats are of no use to it.
      syncFullHistory: false,
      ...(this.options.version ? { version: this.options.version } : {}),
      ...(this.options.getMessage ? { getMessage: this.options.getMessage } : {}),
    });
    this.#socket = socket;
    let pairingRequested = false;
    socket.ev.on('creds.update', () => this.#saveCreds());
    socket.ev.on('messages.upsert', ({ messages, type }) => {
      if (socket !== this.#socket) return;
      // 'append' is what residents sent while the desk was offline (Baileys' offline stanzas),
      // besides echoes of our own sends and notifications, which the mapping skips.
      this.options.onMessages(socket, messages, type === 'append' ? 'offline' : 'live');
    });
    socket.ev.on('connection.update', (update) => {
      if (socket !== this.#socket) return;
      if (update.qr && !pairingRequested) {
        pairingRequested = this.options.pairingPhone !== undefined;
        this.#showPairing(socket, update.qr);
      }
      if (update.connection === 'open') this.#onOpen();
      if (update.connection === 'close') void this.#onClose(update);
    });
  }

  /** Closes the socket without logging out, so the session stays linked for the next start. */
  async close(): Promise<void> {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    const socket = this.#socket;
    this.#socket = null;
    this.#setStatus('closed');
    await socket?.end(undefined);
    await this.#saving;
    await this.#tolerantKeys.close();
  }

  #onOpen(): void {
    this.#setStatus('open');
    this.#failures = 0;
    this.options.logger.info('WhatsApp connected');
  }

  async #onClose(update: Partial<ConnectionState>): Promise<void> {
    this.#socket = null;
    const status = closeStatus(update.lastDisconnect?.error);
    const { action } = afterClose(status);
    if (action === 'loggedOut') {
      this.#setStatus('loggedOut');
      await this.#saving;
      await this.options.auth.clearSession().catch((error: unknown) => {
        this.options.logger.error({ reason: errorReason(error) }, 'could not remove the session');
      });
      this.options.logger.error(
        'WhatsApp logged out: the session was removed; restart the desk to pair again (QR code, or a pairing code with WHATSAPP_PAIRING_PHONE)',
      );
      return;
    }
    if (action === 'replaced') {
      this.#setStatus('replaced');
      this.options.logger.error(
        { status },
        'WhatsApp session replaced by another client; the desk stopped WhatsApp, pair again / stop the other client',
      );
      return;
    }
    if (action === 'rejected') {
      this.options.logger.error(
        { status, waWebVersion: this.version },
        'WhatsApp rejected this client version or the number is banned; set WHATSAPP_WEB_VERSION to the current WhatsApp Web version or check the number on the phone',
      );
    }
    if (isUnfinishedPairing(this.options.auth.state.creds)) {
      await this.#forgetUnfinishedPairing();
      // The desk may have stopped the channel meanwhile.
      if (this.#status === 'closed') return;
    }
    this.#setStatus('connecting');
    if (action === 'reconnectNow') {
      this.options.logger.info({ status }, 'WhatsApp asked for a new connection; reconnecting');
      this.connect();
      return;
    }
    const waitMs = reconnectDelayMs(this.#failures, this.options.backoff ?? DEFAULT_BACKOFF);
    this.#failures += 1;
    this.options.logger.warn(
      { status, retryInMs: waitMs },
      'WhatsApp connection closed; reconnecting',
    );
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (this.#status === 'connecting') this.connect();
    }, waitMs);
  }

  /**
   * A pairing code that was never entered leaves `me` saved; the next socket
   * would log in with it instead of registering and never be offered a new
   * code. Fresh credentials make it register, and a new code is requested.
   */
  async #forgetUnfinishedPairing(): Promise<void> {
    await this.#saving;
    // Written before the reset deletes them, so none is written back after it.
    await this.#tolerantKeys.close();
    this.#tolerantKeys = outageTolerantKeys(this.options.auth.state.keys, {
      logger: this.options.logger,
    });
    try {
      await this.options.auth.resetCreds();
      this.#keys = this.#cachedKeys();
      this.options.logger.info('WhatsApp pairing did not finish; a new pairing code is requested');
    } catch (error) {
      this.options.logger.error(
        { reason: errorReason(error) },
        'WhatsApp pairing could not be reset; restart the desk to get a new pairing code',
      );
    }
  }

  #showPairing(socket: WhatsAppSocket, qr: string): void {
    const phone = this.options.pairingPhone;
    if (phone === undefined) {
      this.options.logger.info(
        'WhatsApp: scan this QR code in WhatsApp > Linked devices > Link a device',
      );
      const terminal = this.options.terminal ?? process.stdout;
      qrcode.generate(qr, { small: true }, (art) => terminal.write(`${art}\n`));
      return;
    }
    if (socket.authState.creds.registered) return;
    socket
      .requestPairingCode(phone)
      .then((code) => {
        const shown = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
        this.options.logger.info(
          `WhatsApp pairing code: ${shown} — open WhatsApp > Linked devices > Link with phone number`,
        );
      })
      .catch((error: unknown) => {
        this.options.logger.error(
          { reason: errorReason(error) },
          'WhatsApp pairing code could not be requested; the desk tries again on the next connection',
        );
      });
  }

  /** Saves in order: a slower earlier save must never overwrite a newer one. */
  #saveCreds(): void {
    this.#saving = this.#saving
      .then(() => this.options.auth.saveCreds())
      .catch((error: unknown) => {
        this.options.logger.error(
          { reason: errorReason(error) },
          'WhatsApp credentials could not be saved',
        );
      });
  }
}
