/**
 * The turn's statements as raw Prisma queries: on PostgreSQL, where the
 * transaction's connection lives inside Prisma's pg adapter, and wherever a
 * caller holds only a transaction client. Raw, not model queries: a model
 * query costs about four times as much in Prisma's query compiler.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from './database.ts';
import { sortableId } from './sortable-id.ts';
import {
  byId,
  type ConversationRow,
  type ConversationWrite,
  citizenValues,
  type IdentityRow,
  type OutboxWrite,
  type PersonTicket,
  type TurnStatements,
} from './turn-statements.ts';

export function prismaTurnStatements(tx: Tx): TurnStatements {
  const insertOutbox = async (rows: OutboxWrite[]) => {
    for (const row of rows) {
      await tx.$executeRaw`INSERT INTO "Outbox"
          ("channel", "chatKey", "dedupeKey", "payload", "createdAt", "nextAttemptAt")
        VALUES (${row.channel}, ${row.chatKey}, ${row.dedupeKey}, ${row.payload}, ${row.now}, ${row.now})`;
    }
  };
  return {
    async staffActive(channel, externalId) {
      const [row] = await tx.$queryRaw<{ active: boolean | number | bigint }[]>`
        SELECT s."active" AS "active"
        FROM "ChannelIdentity" ci JOIN "Staff" s ON s."id" = ci."staffId"
        WHERE ci."channel" = ${channel} AND ci."externalId" = ${externalId}
        LIMIT 1`;
      // SQLite hands booleans back as 0/1, PostgreSQL as true/false.
      return row ? Number(row.active) === 1 : null;
    },

    async recordProcessed(channel, messageId, now) {
      await tx.$executeRaw`INSERT INTO "ProcessedMessage" ("channel", "externalMessageId", "processedAt")
        VALUES (${channel}, ${messageId}, ${now})`;
    },

    async identityOf(sender, now) {
      // The no-op update makes RETURNING hand back the row that was already there.
      const [row] = await tx.$queryRaw<IdentityRow[]>`INSERT INTO "ChannelIdentity"
          ("id", "channel", "externalId", "altExternalId", "createdAt", "lastSeenAt")
        VALUES (${randomUUID()}, ${sender.channel}, ${sender.externalId}, ${sender.altExternalId}, ${now}, ${now})
        ON CONFLICT ("channel", "externalId") DO UPDATE SET "channel" = excluded."channel"
        RETURNING "id", "citizenId", "locale"`;
      if (!row) throw new Error('the identity upsert returned no row');
      return row;
    },

    async loadConversation(channel, chatKey) {
      const [row] = await tx.$queryRaw<
        (Omit<ConversationRow, 'flowVersion'> & { flowVersion: number | bigint })[]
      >`SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
          i."id" AS "identityId", i."citizenId", i."locale"
        FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
        WHERE c."channel" = ${channel} AND c."chatKey" = ${chatKey}`;
      return row ? { ...row, flowVersion: Number(row.flowVersion) } : null;
    },

    async saveConversation(row: ConversationWrite, replies = []) {
      await tx.$executeRaw`INSERT INTO "Conversation"
          ("id", "channel", "chatKey", "identityId", "flowId", "flowVersion", "snapshot", "locale", "createdAt", "updatedAt")
        VALUES (${randomUUID()}, ${row.channel}, ${row.chatKey}, ${row.identityId}, ${row.flowId},
          ${row.flowVersion}, ${row.snapshot}, ${row.locale}, ${row.now}, ${row.now})
        ON CONFLICT ("channel", "chatKey") DO UPDATE SET
          "flowId" = excluded."flowId", "flowVersion" = excluded."flowVersion",
          "snapshot" = excluded."snapshot", "locale" = excluded."locale", "updatedAt" = excluded."updatedAt"`;
      await insertOutbox(replies);
    },

    async latestConsent(identityId, purpose) {
      const [row] = await tx.$queryRaw<{ granted: boolean | number; version: string }[]>`
        SELECT "granted", "version" FROM "Consent"
        WHERE "identityId" = ${identityId} AND "purpose" = ${purpose}
        ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
      return row ? { granted: Number(row.granted) === 1, version: row.version } : null;
    },

    async setIdentityLocale(identityId, locale) {
      await tx.$executeRaw`UPDATE "ChannelIdentity" SET "locale" = ${locale} WHERE "id" = ${identityId}`;
    },

    async recordConsent(consent) {
      await tx.$executeRaw`INSERT INTO "Consent"
          ("id", "identityId", "citizenId", "purpose", "version", "granted", "createdAt")
        VALUES (${sortableId()}, ${consent.identityId}, ${consent.citizenId}, ${consent.purpose},
          ${consent.version}, ${consent.granted}, ${consent.now})`;
    },

    insertOutbox,

    async takePendingOutbox(channel, chatKey, sentAt) {
      const rows = await tx.$queryRaw<{ id: number | bigint; payload: string }[]>`
        UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ${sentAt}, "attempts" = "attempts" + 1
        WHERE "channel" = ${channel} AND "chatKey" = ${chatKey} AND "status" = 'pending'
        RETURNING "id", "payload"`;
      return rows.map((row) => ({ id: Number(row.id), payload: row.payload })).sort(byId);
    },

    personTickets(nikHash, kkHash) {
      return tx.$queryRaw<PersonTicket[]>`SELECT t."code", t."status", t."kind", t."serviceCode"
        FROM "Ticket" t
        WHERE t."citizenId" IN (
          SELECT "id" FROM "Citizen" WHERE "nikHash" = ${nikHash}
          UNION SELECT "id" FROM "Citizen" WHERE "kkHash" = ${kkHash})
        ORDER BY t."createdAt" ASC`;
    },

    async insertTicket(row, created) {
      const inserted = await tx.$executeRaw`INSERT INTO "Ticket"
          ("id", "code", "kind", "citizenId", "identityMode", "unitId", "serviceCode", "topic",
           "description", "areaCode", "latitude", "longitude", "needsVerification", "channel",
           "originIdentityId", "slaDueAt", "firstResponseDueAt", "createdAt", "updatedAt")
        VALUES (${row.id}, ${row.code}, ${row.kind}, ${row.citizenId}, ${row.identityMode},
          ${row.unitId}, ${row.serviceCode}, ${row.topic}, ${row.description}, ${row.areaCode},
          ${row.latitude}, ${row.longitude}, ${row.needsVerification}, ${row.channel},
          ${row.originIdentityId}, ${row.slaDueAt}, ${row.firstResponseDueAt}, ${row.now}, ${row.now})
        ON CONFLICT ("code") DO NOTHING`;
      if (inserted === 0) return false;
      await tx.$executeRaw`INSERT INTO "TicketEvent"
          ("id", "ticketId", "type", "actorKind", "actorId", "toStatus", "after", "visibility", "createdAt")
        VALUES (${sortableId()}, ${row.id}, ${created.type}, ${created.actorKind}, ${created.actorId},
          ${created.toStatus}, ${created.after}, ${created.visibility}, ${row.now})`;
      return true;
    },

    async insertCitizen(row) {
      const [name, nik, nikH, kk, kkH, domicile, locale] = citizenValues(row);
      await tx.$executeRaw`INSERT INTO "Citizen"
          ("id", "nameEnc", "nikEnc", "nikHash", "kkEnc", "kkHash", "domicileCode", "locale", "createdAt", "updatedAt")
        VALUES (${row.id}, ${name}, ${nik}, ${nikH}, ${kk}, ${kkH}, ${domicile},
          COALESCE(${locale}, 'id'), ${row.now}, ${row.now})`;
    },

    async updateCitizen(row) {
      const [name, nik, nikH, kk, kkH, domicile, locale] = citizenValues(row);
      await tx.$executeRaw`UPDATE "Citizen" SET
          "nameEnc" = COALESCE(${name}, "nameEnc"), "nikEnc" = COALESCE(${nik}, "nikEnc"),
          "nikHash" = COALESCE(${nikH}, "nikHash"), "kkEnc" = COALESCE(${kk}, "kkEnc"),
          "kkHash" = COALESCE(${kkH}, "kkHash"), "domicileCode" = COALESCE(${domicile}, "domicileCode"),
          "locale" = COALESCE(${locale}, "locale"), "updatedAt" = ${row.now}
        WHERE "id" = ${row.id}`;
    },
  };
}
