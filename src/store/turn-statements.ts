/**
 * The statements every resident turn runs, whatever else it does: the staff
 * check of the sender, the processed-message id, the conversation row read and
 * written back, the consent lookup, the replies into the outbox, and (for the
 * in-process channel) taking a chat's replies out again. A turn runs them a
 * dozen times for every model query, so they have their own implementation
 * per database (sqlite-turn-statements.ts, prisma-turn-statements.ts) instead
 * of going through Prisma's query compiler.
 */

export interface ConversationRow {
  id: string;
  flowId: string;
  flowVersion: number;
  /** sealed with the field cipher */
  snapshot: string;
  updatedAt: Date;
  /** null when the row's identity is gone */
  identityId: string | null;
  citizenId: string | null;
  locale: string;
}

export interface IdentityKey {
  channel: string;
  externalId: string;
  /** WhatsApp's phone-number id beside the LID, when known */
  altExternalId: string | null;
}

export interface IdentityRow {
  id: string;
  citizenId: string | null;
  locale: string;
}

export interface ConversationWrite {
  channel: string;
  chatKey: string;
  identityId: string;
  flowId: string;
  flowVersion: number;
  snapshot: string;
  locale: string;
  now: Date;
}

export interface ConsentWrite {
  identityId: string;
  citizenId: string | null;
  purpose: string;
  version: string;
  granted: boolean;
  now: Date;
}

export interface OutboxWrite {
  channel: string;
  chatKey: string;
  dedupeKey: string;
  /** sealed with the field cipher */
  payload: string;
  now: Date;
}

/** A filed ticket; the columns left out keep their defaults (status BARU, nobody assigned). */
export interface TicketInsert {
  id: string;
  code: string;
  kind: string;
  citizenId: string | null;
  identityMode: string;
  unitId: string;
  serviceCode: string | null;
  topic: string | null;
  /** sealed with the field cipher */
  description: string;
  areaCode: string | null;
  latitude: number | null;
  longitude: number | null;
  needsVerification: boolean;
  channel: string;
  originIdentityId: string | null;
  slaDueAt: Date;
  firstResponseDueAt: Date;
  now: Date;
}

/** A new ticket's first event; it is written with the ticket, under its id and time. */
export interface TicketCreatedEvent {
  type: string;
  actorKind: string;
  actorId: string | null;
  toStatus: string | null;
  after: string | null;
  visibility: 'public' | 'internal';
}

/** A citizen's sealed fields; on an update, a field left out keeps what is stored. */
export interface CitizenWrite {
  id: string;
  nameEnc?: string;
  nikEnc?: string;
  nikHash?: string;
  kkEnc?: string;
  kkHash?: string;
  domicileCode?: string;
  locale?: string;
  now: Date;
}

/** A reply taken out of the outbox by the in-process channel. */
export interface OutboxTaken {
  id: number;
  /** sealed with the field cipher */
  payload: string;
}

/** A ticket of a person, as the duplicate check reads it. */
export interface PersonTicket {
  code: string;
  status: string;
  kind: string;
  serviceCode: string | null;
}

/** UPDATE … RETURNING hands rows back in no promised order; replies go out oldest first. */
export const byId = (a: OutboxTaken, b: OutboxTaken) => a.id - b.id;

export interface TurnStatements {
  /** null: the sender is not staff; otherwise whether they still hold their role */
  staffActive(channel: string, externalId: string): Promise<boolean | null>;
  /** throws a unique violation when the message was handled before */
  recordProcessed(channel: string, messageId: string, now: Date): Promise<void>;
  /** the sender's chat identity, created on their first message */
  identityOf(sender: IdentityKey, now: Date): Promise<IdentityRow>;
  loadConversation(channel: string, chatKey: string): Promise<ConversationRow | null>;
  /**
   * The conversation written back and the turn's replies queued with it: the
   * last writes of every turn, one statement on PostgreSQL. Throws a unique
   * violation when a reply's dedupe key is taken.
   */
  saveConversation(row: ConversationWrite, replies?: OutboxWrite[]): Promise<void>;
  latestConsent(
    identityId: string,
    purpose: string,
  ): Promise<{ granted: boolean; version: string } | null>;
  setIdentityLocale(identityId: string, locale: string): Promise<void>;
  recordConsent(consent: ConsentWrite): Promise<void>;
  /** throws a unique violation when a dedupe key is taken */
  insertOutbox(rows: OutboxWrite[]): Promise<void>;
  /**
   * Marks a chat's pending replies sent and hands them back, oldest first, in
   * one statement: two drains at once never both take the same reply.
   */
  takePendingOutbox(channel: string, chatKey: string, sentAt: Date): Promise<OutboxTaken[]>;
  /**
   * Every ticket of the residents registered with this NIK or KK hash, oldest
   * first, found through those residents. Asked with the service as well,
   * both databases could read every ticket of that service instead when
   * their statistics lag behind a rush of filings, and each filing grew with
   * the desk's whole history.
   */
  personTickets(nikHash: string | null, kkHash: string | null): Promise<PersonTicket[]>;
  /**
   * A filing's ticket and its first event (model inserts cost a filing turn
   * about 2 ms in Prisma's compiler). False, with nothing written, when the
   * tracking code is taken: the code is checked by the insert itself, so a
   * filing draws a code without a round trip of its own.
   */
  insertTicket(row: TicketInsert, created: TicketCreatedEvent): Promise<boolean>;
  insertCitizen(row: CitizenWrite): Promise<void>;
  updateCitizen(row: CitizenWrite): Promise<void>;
}

/** The sealed fields in column order (nameEnc … locale), null where left out. */
export function citizenValues(row: CitizenWrite): (string | null)[] {
  return [
    row.nameEnc ?? null,
    row.nikEnc ?? null,
    row.nikHash ?? null,
    row.kkEnc ?? null,
    row.kkHash ?? null,
    row.domicileCode ?? null,
    row.locale ?? null,
  ];
}

/** A conversation's columns in insert order (a new row's id … locale), before its times. */
export function conversationValues(id: string, row: ConversationWrite): (string | number)[] {
  return [
    id,
    row.channel,
    row.chatKey,
    row.identityId,
    row.flowId,
    row.flowVersion,
    row.snapshot,
    row.locale,
  ];
}

/** A ticket's columns in insert order (id … firstResponseDueAt), before createdAt and updatedAt. */
export function ticketValues(row: TicketInsert): (string | number | boolean | Date | null)[] {
  return [
    row.id,
    row.code,
    row.kind,
    row.citizenId,
    row.identityMode,
    row.unitId,
    row.serviceCode,
    row.topic,
    row.description,
    row.areaCode,
    row.latitude,
    row.longitude,
    row.needsVerification,
    row.channel,
    row.originIdentityId,
    row.slaDueAt,
    row.firstResponseDueAt,
  ];
}

/** A first event's columns in insert order (type … visibility), after id and ticketId. */
export function createdEventValues(row: TicketCreatedEvent): (string | null)[] {
  return [row.type, row.actorKind, row.actorId, row.toStatus, row.after, row.visibility];
}
