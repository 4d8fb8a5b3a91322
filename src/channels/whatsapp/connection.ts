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
 * deliberately unlinked.
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
  makeCacheableSignalKeyStore,
  type UserFacingSocketConfig,
  type WAMessage,
  type WASocket,
} from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { Logger } from '../../log.ts';
import type { DatabaseAuthState } from './database-auth-state.ts';
import { errorReason } from './error-reason.ts';
import {
  afterClose,
  type BackoffSettings,
  closeStatus,
  DEFAULT_BACKOFF,
  reconnectDelayMs,
} from './reconnect-policy.ts';

/** The part of Baileys' socket the desk uses; makeWASocket's result fits it. */
export type WhatsAppSocket = Pick<
  WASocket,
  'ev' | 'sendMessage' | 'end' | 'requestPairingCode' | 'updateMediaMessage'
> & {
  authState: { creds: Pick<AuthenticationState['creds'], 'registered'> };
  signalRepository: { lidMapping: { getLIDForPN(pn: string): Promise<string | null> } };
};

export type MakeSocket = (config: UserFacingSocketConfig) => WhatsAppSocket;

export type ConnectionStatus = 'connecting' | 'open' | 'loggedOut' | 'closed';

export interface ConnectionOptions {
  auth: DatabaseAuthState;
  makeSocket: MakeSocket;
  logger: Logger;
  /** digits with country code: link by pairing code instead of a QR code */
  pairingPhone?: string | undefined;
  backoff?: BackoffSettings;
  /** where the QR code is drawn (stdout) */
  terminal?: { write(text: string): unknown };
  /** messages WhatsApp pushed as new (`messages.upsert` of type notify) */
  onMessages(socket: WhatsAppSocket, messages: WAMessage[]): void;
}

export class WhatsAppConnection {
  #socket: WhatsAppSocket | null = null;
  #status: ConnectionStatus = 'closed';
  #failures = 0;
  #retry: NodeJS.Timeout | null = null;
  #saving: Promise<void> = Promise.resolve();
  readonly #keys: AuthenticationState['keys'];
  readonly #baileysLogger: Logger;

  constructor(private readonly options: ConnectionOptions) {
    // Baileys logs whole stanzas, JIDs and message keys: nothing of it may reach the desk's logs.
    this.#baileysLogger = options.logger.child({ module: 'baileys' }, { level: 'silent' });
    // Baileys reads the same sessions and pre-keys again and again; decrypting a row each time is waste.
    this.#keys = makeCacheableSignalKeyStore(options.auth.state.keys, this.#baileysLogger);
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** The socket, while WhatsApp is connected and messages can be sent. */
  get openSocket(): WhatsAppSocket | null {
    return this.#status === 'open' ? this.#socket : null;
  }

  connect(): void {
    this.#status = 'connecting';
    const socket = this.options.makeSocket({
      auth: { creds: this.options.auth.state.creds, keys: this.#keys },
      logger: this.#baileysLogger,
      // WhatsApp only accepts pairing codes from companions that look like a known browser.
      browser: this.options.pairingPhone ? Browsers.ubuntu('Chrome') : Browsers.ubuntu('SLRT Desk'),
      // Staying "offline" lets the desk's own phone keep getting notifications for the number.
      markOnlineOnConnect: false,
      // The desk answers new messages only; old chats are of no use to it.
      syncFullHistory: false,
    });
    this.#socket = socket;
    let pairingRequested = false;
    socket.ev.on('creds.update', () => this.#saveCreds());
    socket.ev.on('messages.upsert', ({ messages, type }) => {
      // 'append' is history and our own sends echoed back: nobody is waiting for an answer.
      if (type === 'notify' && socket === this.#socket) this.options.onMessages(socket, messages);
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
    this.#status = 'closed';
    await socket?.end(undefined);
    await this.#saving;
  }

  #onOpen(): void {
    this.#status = 'open';
    this.#failures = 0;
    this.options.logger.info('WhatsApp connected');
  }

  async #onClose(update: Partial<ConnectionState>): Promise<void> {
    this.#socket = null;
    const status = closeStatus(update.lastDisconnect?.error);
    const { action } = afterClose(status);
    if (action === 'loggedOut') {
      this.#status = 'loggedOut';
      await this.#saving;
      await this.options.auth.clearSession().catch((error: unknown) => {
        this.options.logger.error({ reason: errorReason(error) }, 'could not remove the session');
      });
      this.options.logger.error(
        'WhatsApp logged out: the session was removed; restart the desk to pair again (QR code, or a pairing code with WHATSAPP_PAIRING_PHONE)',
      );
      return;
    }
    this.#status = 'connecting';
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
