/**
 * The frame around handling one inbound message, shared by resident turns and
 * staff commands: one transaction (db.inChat: the chat held against other desk
 * processes, or committed together with other chats' turns on SQLite);
 * the message id recorded first, so a redelivered message rolls back as a
 * duplicate; and on failure an apology in the sender's language, with the id
 * left unrecorded so the platform's redelivery is tried again. When the
 * database was unavailable, or not even the apology can be written, nothing
 * was committed and NotCommitted tells the channel not to acknowledge the
 * message.
 */
import { isLocale, type Key, t } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import type { TurnResult } from '../metrics/meters.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Database, Tx } from '../store/database.ts';
import { isDatabaseUnavailable } from '../store/database-unavailable.ts';
import { SentByStaff } from '../store/sent-by-staff.ts';
import type { TurnStatements } from '../store/turn-statements.ts';
import { isUniqueViolation } from '../store/unique-violation.ts';
import type { InboundMessage } from './messages.ts';
import { NotCommitted } from './not-committed.ts';
import { writeOutbox } from './outbox-writer.ts';

export type Handled<T> = { status: 'handled'; result: T } | { status: 'duplicate' | 'failed' };

export interface HandleOnceOptions {
  db: Database;
  /** seals the apology like every other outbox row */
  cipher: FieldCipher;
  logger: Logger;
  now: Date;
  /** what the sender reads when handling fails */
  apology: Key;
  /** told how handling ended and how long it took (metrics) */
  observe?: (result: TurnResult, seconds: number) => void;
  /**
   * An active staff member's message is not to be handled here: SentByStaff
   * is thrown, nothing written, and whoever takes it over observes it.
   */
  unlessStaff?: boolean;
}

export async function handleOnce<T>(
  options: HandleOnceOptions,
  message: InboundMessage,
  work: (tx: Tx, sql: TurnStatements) => Promise<T>,
): Promise<Handled<T>> {
  const observe = options.observe;
  if (!observe) return handle(options, message, work);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const handled = await handle(options, message, work);
    observe(handled.status, seconds());
    return handled;
  } catch (error) {
    if (!(error instanceof SentByStaff)) observe('not_committed', seconds());
    throw error;
  }
}

async function handle<T>(
  options: HandleOnceOptions,
  message: InboundMessage,
  work: (tx: Tx, sql: TurnStatements) => Promise<T>,
): Promise<Handled<T>> {
  const { db, now } = options;
  const chat = { channel: message.channel, chatKey: message.conversationKey };
  const processed = {
    messageId: message.messageId,
    now,
    ...(options.unlessStaff ? { unlessStaff: message.sender.id } : {}),
  };
  try {
    const result = await db.inChat(chat, work, processed);
    return { status: 'handled', result };
  } catch (error) {
    if (error instanceof SentByStaff) throw error;
    if (isUniqueViolation(error)) return { status: 'duplicate' };
    // Even if the database is back in time for an apology, the turn itself may succeed now:
    // answering with an apology would drop a message the channel can still hold or leave.
    if (isDatabaseUnavailable(error)) {
      throw new NotCommitted('the database was unavailable', { cause: error });
    }
    // Logged without the message text: it may hold a NIK or a name.
    options.logger.error(
      { err: error, channel: message.channel, messageId: message.messageId },
      'handling a message failed; the sender gets an apology and may send again',
    );
    // A written apology means the database works: the failure is the turn's own,
    // and a redelivery would only fail again, so the message counts as answered.
    if (await apologise(options, message)) return { status: 'failed' };
    throw new NotCommitted('neither the message nor an apology could be written', {
      cause: error,
    });
  }
}

/** Queues the apology; false when the database would not take it. */
async function apologise(options: HandleOnceOptions, message: InboundMessage): Promise<boolean> {
  const { db } = options;
  const identity = await db.prisma.channelIdentity
    .findUnique({
      where: { channel_externalId: { channel: message.channel, externalId: message.sender.id } },
      select: { locale: true },
    })
    .catch(() => null);
  const locale = identity && isLocale(identity.locale) ? identity.locale : 'id';
  return db.prisma
    .$transaction((tx) =>
      writeOutbox(
        db.statements(tx),
        options.cipher,
        { channel: message.channel, chatKey: message.conversationKey },
        `error:${message.channel}:${message.messageId}`,
        [{ text: t(locale, options.apology), options: [] }],
        options.now,
      ),
    )
    .then(
      () => true,
      (error: unknown) => {
        // Already queued by an earlier attempt at this message: the sender has it.
        if (isUniqueViolation(error)) return true;
        options.logger.warn(
          { err: error, channel: message.channel, messageId: message.messageId },
          'could not queue the apology either; the message is left for the platform to deliver again',
        );
        return false;
      },
    );
}
