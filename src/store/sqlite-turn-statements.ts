/**
 * The turn's statements on SQLite: prepared once and run synchronously on the
 * very connection Prisma's adapter uses. A desk has one SQLite connection and
 * the adapter lets one transaction at a time onto it, so a statement run from
 * inside a Prisma transaction callback belongs to that transaction, and
 * rolls back with it. One run outside a transaction (the staff check, the
 * in-process drain) while another turn's is open joins that one, exactly as
 * Prisma's own queries outside a transaction do on this adapter. This is what
 * takes a turn's own rows from milliseconds of Prisma round trips to tens of
 * microseconds.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { sortableId } from './sortable-id.ts';
import { perConnection } from './sqlite-prepared.ts';
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

/** How Prisma's SQLite adapter stores a DateTime, so both read each other's rows. */
export const stored = (date: Date) => date.toISOString().replace('Z', '+00:00');

function prepareAll(connection: BetterSqlite3.Database) {
  // Prisma's adapter turns on safe integers for the whole connection; these rows hold no big ones.
  const prepare = (sql: string) => connection.prepare(sql).safeIntegers(false);
  return {
    staffActive: prepare(`SELECT s."active" AS "active"
      FROM "ChannelIdentity" ci JOIN "Staff" s ON s."id" = ci."staffId"
      WHERE ci."channel" = ? AND ci."externalId" = ? LIMIT 1`),
    processed:
      prepare(`INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
      VALUES (?, ?, ?)`),
    identity: prepare(`INSERT INTO "ChannelIdentity"
        ("id", "channel", "externalId", "altExternalId", "createdAt", "lastSeenAt")
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT ("channel", "externalId") DO UPDATE SET "channel" = excluded."channel"
      RETURNING "id", "citizenId", "locale"`),
    load: prepare(`SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
        i."id" AS "identityId", i."citizenId", i."locale"
      FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
      WHERE c."channel" = ? AND c."chatKey" = ?`),
    save: prepare(`INSERT INTO "Conversation"
        ("id", "channel", "chatKey", "identityId", "flowId", "flowVersion", "snapshot", "locale", "createdAt", "updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT ("channel", "chatKey") DO UPDATE SET
        "flowId" = excluded."flowId", "flowVersion" = excluded."flowVersion",
        "snapshot" = excluded."snapshot", "locale" = excluded."locale", "updatedAt" = excluded."updatedAt"`),
    personTickets: prepare(`SELECT t."code", t."status", t."kind", t."serviceCode"
      FROM "Ticket" t
      WHERE t."citizenId" IN (
        SELECT "id" FROM "Citizen" WHERE "nikHash" = ? UNION SELECT "id" FROM "Citizen" WHERE "kkHash" = ?)
      ORDER BY t."createdAt" ASC`),
    consent: prepare(`SELECT "granted", "version" FROM "Consent"
      WHERE "identityId" = ? AND "purpose" = ?
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`),
    locale: prepare(`UPDATE "ChannelIdentity" SET "locale" = ? WHERE "id" = ?`),
    grant: prepare(`INSERT INTO "Consent"
        ("id", "identityId", "citizenId", "purpose", "version", "granted", "createdAt")
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    outbox: prepare(`INSERT INTO "Outbox"
        ("channel", "chatKey", "dedupeKey", "payload", "createdAt", "nextAttemptAt")
      VALUES (?, ?, ?, ?, ?, ?)`),
    take: prepare(`UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ?, "attempts" = "attempts" + 1
      WHERE "channel" = ? AND "chatKey" = ? AND "status" = 'pending'
      RETURNING "id", "payload"`),
    ticket: prepare(`INSERT INTO "Ticket"
        ("id", "code", "kind", "citizenId", "identityMode", "unitId", "serviceCode", "topic",
         "description", "areaCode", "latitude", "longitude", "needsVerification", "channel",
         "originIdentityId", "slaDueAt", "firstResponseDueAt", "createdAt", "updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT ("code") DO NOTHING`),
    event: prepare(`INSERT INTO "TicketEvent"
        ("id", "ticketId", "type", "actorKind", "actorId", "toStatus", "after", "visibility", "createdAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    citizen: prepare(`INSERT INTO "Citizen"
        ("id", "nameEnc", "nikEnc", "nikHash", "kkEnc", "kkHash", "domicileCode", "locale", "createdAt", "updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'id'), ?, ?)`),
    citizenUpdate: prepare(`UPDATE "Citizen" SET
        "nameEnc" = COALESCE(?, "nameEnc"), "nikEnc" = COALESCE(?, "nikEnc"),
        "nikHash" = COALESCE(?, "nikHash"), "kkEnc" = COALESCE(?, "kkEnc"),
        "kkHash" = COALESCE(?, "kkHash"), "domicileCode" = COALESCE(?, "domicileCode"),
        "locale" = COALESCE(?, "locale"), "updatedAt" = ?
      WHERE "id" = ?`),
  };
}

/** `connection()`: the adapter's current connection (a new one after a reconnect). */
export function sqliteTurnStatements(connection: () => BetterSqlite3.Database): TurnStatements {
  const st = perConnection(connection, prepareAll);
  const insertOutbox = (rows: OutboxWrite[]) => {
    const insert = st().outbox;
    for (const row of rows) {
      const at = stored(row.now);
      insert.run(row.channel, row.chatKey, row.dedupeKey, row.payload, at, at);
    }
  };
  return {
    async staffActive(channel, externalId) {
      const row = st().staffActive.get(channel, externalId) as { active: number } | undefined;
      return row ? row.active === 1 : null;
    },

    async recordProcessed(channel, messageId, now) {
      st().processed.run(channel, messageId, stored(now));
    },

    async identityOf(sender, now) {
      const at = stored(now);
      return st().identity.get(
        randomUUID(),
        sender.channel,
        sender.externalId,
        sender.altExternalId,
        at,
        at,
      ) as IdentityRow;
    },

    async loadConversation(channel, chatKey) {
      const row = st().load.get(channel, chatKey) as
        | (Omit<ConversationRow, 'updatedAt'> & { updatedAt: string })
        | undefined;
      return row ? { ...row, updatedAt: new Date(row.updatedAt) } : null;
    },

    async saveConversation(row, replies = []) {
      const at = stored(row.now);
      st().save.run(...conversationValues(randomUUID(), row), at, at);
      insertOutbox(replies);
    },

    async latestConsent(identityId, purpose) {
      const row = st().consent.get(identityId, purpose) as
        | { granted: number; version: string }
        | undefined;
      return row ? { granted: row.granted === 1, version: row.version } : null;
    },

    async setIdentityLocale(identityId, locale) {
      st().locale.run(locale, identityId);
    },

    async recordConsent(consent) {
      st().grant.run(
        sortableId(),
        consent.identityId,
        consent.citizenId,
        consent.purpose,
        consent.version,
        consent.granted ? 1 : 0,
        stored(consent.now),
      );
    },

    async insertOutbox(rows) {
      insertOutbox(rows);
    },

    async takePendingOutbox(channel, chatKey, sentAt) {
      const rows = st().take.all(stored(sentAt), channel, chatKey) as OutboxTaken[];
      return rows.sort(byId);
    },

    async personTickets(nikHash, kkHash) {
      return st().personTickets.all(nikHash, kkHash) as PersonTicket[];
    },

    async insertTicket(row, created) {
      const now = stored(row.now);
      const values = ticketValues(row).map((value) =>
        value instanceof Date ? stored(value) : typeof value === 'boolean' ? Number(value) : value,
      );
      if (st().ticket.run(...values, now, now).changes === 0) return false;
      st().event.run(sortableId(), row.id, ...createdEventValues(created), now);
      return true;
    },

    async insertCitizen(row) {
      const now = stored(row.now);
      st().citizen.run(row.id, ...citizenValues(row), now, now);
    },

    async updateCitizen(row) {
      st().citizenUpdate.run(...citizenValues(row), stored(row.now), row.id);
    },
  };
}
