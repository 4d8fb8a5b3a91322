/**
 * The turn's statements on PostgreSQL as named prepared statements, run on the
 * connection of the turn's transaction (pg-transaction-connection.ts) or, outside
 * one, on the pool. Each connection parses a statement once and then only binds
 * values; through Prisma's $queryRaw every call went through its query
 * compiler first: a turn cost about 5.8 ms of CPU, now about 2. Rows come
 * back as Prisma gives them, so the rest of the desk cannot tell which path
 * wrote a row.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ChatKey, ProcessedMessage } from './database.ts';
import { type Queryable, withoutRowValues } from './pg-transaction-connection.ts';
import { SentByStaff } from './sent-by-staff.ts';
import { sortableId } from './sortable-id.ts';
import {
  byId,
  type ConversationRow,
  citizenValues,
  conversationValues,
  createdEventValues,
  type IdentityRow,
  type OutboxTaken,
  type OutboxWrite,
  type PersonTicket,
  type TurnStatements,
  ticketValues,
} from './turn-statements.ts';

const TIMESTAMP = 1114;

/**
 * Prisma keeps DateTime in `timestamp(3)` columns as UTC wall time; pg would read
 * them in the process's time zone. ISO strings go in: a `timestamp` column drops the `Z`.
 */
export const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP && format !== 'binary'
      ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format ?? 'text'),
} as pg.CustomTypesConfig;

const at = (date: Date) => date.toISOString();

/** What slrt_hold_chat hands back besides the conversation's own columns. */
interface HeldExtras {
  sentByStaff: boolean;
  /** the identity's latest consent of any purpose; all three null when it has none */
  consentPurpose: string | null;
  consentGranted: boolean | null;
  consentVersion: string | null;
}

type Consent = { granted: boolean; version: string };

/** A turn's consent question, answered by what the hold read where it can be. */
interface HeldConsent {
  identityId: string;
  /** null: the identity had no consent row at all, so none of any purpose */
  latest: (Consent & { purpose: string }) | null;
}

function splitHeld({
  sentByStaff: _,
  consentPurpose,
  consentGranted,
  consentVersion,
  ...conversation
}: ConversationRow & HeldExtras): { conversation: ConversationRow; consent: HeldConsent | null } {
  const { identityId } = conversation;
  const latest =
    consentPurpose === null
      ? null
      : // Consent's columns are NOT NULL: with a purpose, the other two are there.
        {
          purpose: consentPurpose,
          granted: consentGranted as boolean,
          version: consentVersion as string,
        };
  return { conversation, consent: identityId === null ? null : { identityId, latest } };
}

/** The held answer for this identity and purpose; undefined when the table must be asked. */
function answeredByHold(
  held: HeldConsent | null,
  identityId: string,
  purpose: string,
): Consent | null | undefined {
  if (held === null || held.identityId !== identityId) return undefined;
  if (held.latest === null) return null;
  // The latest of another purpose says nothing of this one's latest.
  if (held.latest.purpose !== purpose) return undefined;
  return { granted: held.latest.granted, version: held.latest.version };
}

/**
 * Outbox rows from five arrays (channel, chat key, dedupe key, payload, time)
 * bound from `$first` on: any number of replies in one statement, inserted in
 * the order given (ids follow it, and replies go out by id).
 */
const outboxFromArrays = (first: number) => {
  const [channel, chatKey, dedupeKey, payload, time] = [0, 1, 2, 3, 4].map((i) => `$${first + i}`);
  return `INSERT INTO "Outbox" ("channel", "chatKey", "dedupeKey", "payload", "createdAt", "nextAttemptAt")
    SELECT r."channel", r."chatKey", r."dedupeKey", r."payload", r."at", r."at"
    FROM unnest(${channel}::text[], ${chatKey}::text[], ${dedupeKey}::text[], ${payload}::text[], ${time}::timestamp(3)[])
      WITH ORDINALITY AS r("channel", "chatKey", "dedupeKey", "payload", "at", "n")
    ORDER BY r."n"`;
};

/** The values outboxFromArrays binds. */
const outboxArrays = (rows: OutboxWrite[]) => [
  rows.map((row) => row.channel),
  rows.map((row) => row.chatKey),
  rows.map((row) => row.dedupeKey),
  rows.map((row) => row.payload),
  rows.map((row) => at(row.now)),
];

/** Statement name → SQL; the name is what each connection remembers the parsed statement by. */
const SQL = {
  slrt_staff_active: `SELECT s."active" AS "active"
    FROM "ChannelIdentity" ci JOIN "Staff" s ON s."id" = ci."staffId"
    WHERE ci."channel" = $1 AND ci."externalId" = $2 LIMIT 1`,
  slrt_processed: `INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
    VALUES ($1, $2, $3)`,
  // The no-op update makes RETURNING hand back the row that was already there.
  slrt_identity: `INSERT INTO "ChannelIdentity"
      ("id", "channel", "externalId", "altExternalId", "createdAt", "lastSeenAt")
    VALUES ($1, $2, $3, $4, $5, $5)
    ON CONFLICT ("channel", "externalId") DO UPDATE SET "channel" = excluded."channel"
    RETURNING "id", "citizenId", "locale"`,
  slrt_load: `SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
      i."id" AS "identityId", i."citizenId", i."locale"
    FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
    WHERE c."channel" = $1 AND c."chatKey" = $2`,
  // With the turn's replies, so a turn's last writes are one round trip.
  // A data-modifying WITH runs whether or not anything reads it.
  slrt_save: `WITH saved AS (INSERT INTO "Conversation"
      ("id", "channel", "chatKey", "identityId", "flowId", "flowVersion", "snapshot", "locale", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
    ON CONFLICT ("channel", "chatKey") DO UPDATE SET
      "flowId" = excluded."flowId", "flowVersion" = excluded."flowVersion",
      "snapshot" = excluded."snapshot", "locale" = excluded."locale", "updatedAt" = excluded."updatedAt")
    ${outboxFromArrays(10)}`,
  slrt_consent: `SELECT "granted", "version" FROM "Consent"
    WHERE "identityId" = $1 AND "purpose" = $2
    ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
  slrt_locale: `UPDATE "ChannelIdentity" SET "locale" = $1 WHERE "id" = $2`,
  slrt_grant: `INSERT INTO "Consent"
      ("id", "identityId", "citizenId", "purpose", "version", "granted", "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  slrt_outbox: outboxFromArrays(1),
  slrt_take: `UPDATE "Outbox" SET "status" = 'sent', "sentAt" = $1, "attempts" = "attempts" + 1
    WHERE "channel" = $2 AND "chatKey" = $3 AND "status" = 'pending'
    RETURNING "id", "payload"`,
  // Each resident's tickets looked up on their own: planned as a join, with no
  // statistics yet (autovacuum off, or a rush since the last ANALYZE) PostgreSQL
  // reads the whole Ticket table instead. OFFSET 0 keeps the lookup a lookup.
  slrt_person_tickets: `SELECT t."code", t."status", t."kind", t."serviceCode"
    FROM (SELECT "id" FROM "Citizen" WHERE "nikHash" = $1
          UNION SELECT "id" FROM "Citizen" WHERE "kkHash" = $2) c
    CROSS JOIN LATERAL (
      SELECT "code", "status", "kind", "serviceCode", "createdAt" FROM "Ticket"
      WHERE "citizenId" = c."id" OFFSET 0) t
    ORDER BY t."createdAt" ASC`,
  // The code's unique index decides whether it is free; the event goes in with
  // the ticket it belongs to, or not at all.
  slrt_ticket: `WITH ticket AS (
      INSERT INTO "Ticket"
        ("id", "code", "kind", "citizenId", "identityMode", "unitId", "serviceCode", "topic",
         "description", "areaCode", "latitude", "longitude", "needsVerification", "channel",
         "originIdentityId", "slaDueAt", "firstResponseDueAt", "createdAt", "updatedAt")
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
      ON CONFLICT ("code") DO NOTHING
      RETURNING "id")
    INSERT INTO "TicketEvent"
      ("id", "ticketId", "type", "actorKind", "actorId", "toStatus", "after", "visibility", "createdAt")
    SELECT $19, ticket."id", $20, $21, $22, $23, $24, $25, $18::timestamp(3) FROM ticket`,
  slrt_citizen: `INSERT INTO "Citizen"
      ("id", "nameEnc", "nikEnc", "nikHash", "kkEnc", "kkHash", "domicileCode", "locale", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, 'id'), $9, $9)`,
  slrt_citizen_update: `UPDATE "Citizen" SET
      "nameEnc" = COALESCE($1, "nameEnc"), "nikEnc" = COALESCE($2, "nikEnc"),
      "nikHash" = COALESCE($3, "nikHash"), "kkEnc" = COALESCE($4, "kkEnc"),
      "kkHash" = COALESCE($5, "kkHash"), "domicileCode" = COALESCE($6, "domicileCode"),
      "locale" = COALESCE($7, "locale"), "updatedAt" = $8
    WHERE "id" = $9`,
  // Another desk process may hold the same chat: the lock waits for its commit.
  // The sender's staff standing asked where wanted, the chat held, the message
  // id recorded and the conversation read, with its identity's latest consent,
  // in one round trip (the function's migrations say why it must be a function).
  slrt_hold_chat: `SELECT * FROM slrt_hold_chat($1, $2, $3, $4, $5::timestamp(3), $6)`,
} as const;

type Name = keyof typeof SQL;
type Value = string | number | boolean | null | number[] | string[];

export function pgTurnStatements(on: Queryable) {
  const run = <R extends pg.QueryResultRow>(name: Name, values: Value[]) =>
    on.query<R>({ name, text: SQL[name], values, types: pgTypes }).catch(withoutRowValues);
  // The conversation as read when the chat was held: the turn's own load is then
  // answered without another round trip, once, and never after a save or a
  // locale change (the row carries the identity's locale).
  let held: (ChatKey & { conversation: ConversationRow | null }) | null = null;
  // The identity's latest consent as read by the hold: every flow start of the
  // turn asks, and it holds until the turn records a consent of its own.
  let heldConsent: HeldConsent | null = null;

  const statements: TurnStatements & {
    lockChat(chat: ChatKey, processed?: ProcessedMessage): Promise<void>;
  } = {
    async lockChat(chat, processed) {
      const { rows } = await run<ConversationRow & HeldExtras>('slrt_hold_chat', [
        `chat:${chat.channel}:${chat.chatKey}`,
        chat.channel,
        chat.chatKey,
        processed?.messageId ?? null,
        processed ? at(processed.now) : null,
        processed?.unlessStaff ?? null,
      ]);
      const [row] = rows;
      if (row?.sentByStaff) throw new SentByStaff();
      const split = row ? splitHeld(row) : null;
      held = { ...chat, conversation: split?.conversation ?? null };
      heldConsent = split?.consent ?? null;
    },

    async staffActive(channel, externalId) {
      const { rows } = await run<{ active: boolean }>('slrt_staff_active', [channel, externalId]);
      return rows[0] ? rows[0].active : null;
    },

    async recordProcessed(channel, messageId, now) {
      await run('slrt_processed', [channel, messageId, at(now)]);
    },

    async identityOf(sender, now) {
      const { rows } = await run<IdentityRow>('slrt_identity', [
        randomUUID(),
        sender.channel,
        sender.externalId,
        sender.altExternalId,
        at(now),
      ]);
      if (!rows[0]) throw new Error('the identity upsert returned no row');
      return rows[0];
    },

    async loadConversation(channel, chatKey) {
      if (held && held.channel === channel && held.chatKey === chatKey) {
        const { conversation } = held;
        held = null;
        return conversation;
      }
      const { rows } = await run<ConversationRow>('slrt_load', [channel, chatKey]);
      return rows[0] ?? null;
    },

    async saveConversation(row, replies = []) {
      held = null;
      await run('slrt_save', [
        ...conversationValues(randomUUID(), row),
        at(row.now),
        ...outboxArrays(replies),
      ]);
    },

    async latestConsent(identityId, purpose) {
      const answered = answeredByHold(heldConsent, identityId, purpose);
      if (answered !== undefined) return answered;
      const { rows } = await run<Consent>('slrt_consent', [identityId, purpose]);
      return rows[0] ?? null;
    },

    async setIdentityLocale(identityId, locale) {
      held = null;
      await run('slrt_locale', [locale, identityId]);
    },

    async recordConsent(consent) {
      heldConsent = null;
      await run('slrt_grant', [
        sortableId(),
        consent.identityId,
        consent.citizenId,
        consent.purpose,
        consent.version,
        consent.granted,
        at(consent.now),
      ]);
    },

    async insertOutbox(rows) {
      if (rows.length > 0) await run('slrt_outbox', outboxArrays(rows));
    },

    async takePendingOutbox(channel, chatKey, sentAt) {
      const { rows } = await run<OutboxTaken>('slrt_take', [at(sentAt), channel, chatKey]);
      return rows.sort(byId);
    },

    async personTickets(nikHash, kkHash) {
      const { rows } = await run<PersonTicket>('slrt_person_tickets', [nikHash, kkHash]);
      return rows;
    },

    async insertTicket(row, created) {
      const values = ticketValues(row).map((value) => (value instanceof Date ? at(value) : value));
      const written = await run('slrt_ticket', [
        ...values,
        at(row.now),
        sortableId(),
        ...createdEventValues(created),
      ]);
      return written.rowCount === 1;
    },

    async insertCitizen(row) {
      await run('slrt_citizen', [row.id, ...citizenValues(row), at(row.now)]);
    },

    async updateCitizen(row) {
      await run('slrt_citizen_update', [...citizenValues(row), at(row.now), row.id]);
    },
  };
  return statements;
}
