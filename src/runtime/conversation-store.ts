/**
 * Loads and saves a chat's conversation row. The machine snapshot holds what
 * the resident typed (names, NIK) until the ticket is filed, so it is stored
 * encrypted like every other personal field. Every turn does both, so they
 * are single raw statements (one text for SQLite and PostgreSQL): a model
 * query costs four times as much in Prisma's query compiler.
 */
import { randomUUID } from 'node:crypto';
import type { FlowId } from '../../flows/flow-kit.ts';
import type { Locale } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';

export interface PersistedFlow {
  flowId: FlowId;
  version: number;
  value: unknown;
  context: Record<string, unknown>;
}

export interface LoadedConversation {
  id: string;
  identityId: string;
  citizenId: string | null;
  locale: Locale;
  updatedAt: Date;
  flow: PersistedFlow | null;
}

export async function loadConversation(
  tx: Tx,
  cipher: FieldCipher,
  channel: string,
  chatKey: string,
): Promise<LoadedConversation | null> {
  const [row] = await tx.$queryRaw<
    {
      id: string;
      flowId: string;
      flowVersion: number | bigint;
      snapshot: string;
      updatedAt: Date;
      identityId: string | null;
      citizenId: string | null;
      locale: string;
    }[]
  >`SELECT c."id", c."flowId", c."flowVersion", c."snapshot", c."updatedAt",
      i."id" AS "identityId", i."citizenId", i."locale"
    FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i."id" = c."identityId"
    WHERE c."channel" = ${channel} AND c."chatKey" = ${chatKey}`;
  if (!row?.identityId) return null;
  let flow: PersistedFlow | null = null;
  try {
    const { value, context } = JSON.parse(cipher.decrypt(row.snapshot)) as Pick<
      PersistedFlow,
      'value' | 'context'
    >;
    flow = { flowId: row.flowId as FlowId, version: Number(row.flowVersion), value, context };
  } catch {
    // An unreadable snapshot (e.g. a rotated key) restarts the conversation instead of failing every turn.
    flow = null;
  }
  return {
    id: row.id,
    identityId: row.identityId,
    citizenId: row.citizenId,
    locale: row.locale as Locale,
    updatedAt: row.updatedAt,
    flow,
  };
}

export async function saveConversation(
  tx: Tx,
  cipher: FieldCipher,
  key: { channel: string; chatKey: string; identityId: string },
  flow: PersistedFlow,
  locale: Locale,
  now: Date,
): Promise<void> {
  const snapshot = cipher.encrypt(JSON.stringify({ value: flow.value, context: flow.context }));
  await tx.$executeRaw`INSERT INTO "Conversation"
      ("id", "channel", "chatKey", "identityId", "flowId", "flowVersion", "snapshot", "locale", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${key.channel}, ${key.chatKey}, ${key.identityId}, ${flow.flowId},
      ${flow.version}, ${snapshot}, ${locale}, ${now}, ${now})
    ON CONFLICT ("channel", "chatKey") DO UPDATE SET
      "flowId" = excluded."flowId", "flowVersion" = excluded."flowVersion",
      "snapshot" = excluded."snapshot", "locale" = excluded."locale", "updatedAt" = excluded."updatedAt"`;
}
