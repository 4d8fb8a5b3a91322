/**
 * Loads and saves a chat's conversation row. The machine snapshot holds what
 * the resident typed (names, NIK) until the ticket is filed, so it is stored
 * encrypted like every other personal field. Every turn does both, so they
 * are among the turn's own statements (store/turn-statements.ts).
 */
import type { FlowId } from '../../flows/flow-kit.ts';
import type { Locale } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { OutboxWrite, TurnStatements } from '../store/turn-statements.ts';

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
  sql: TurnStatements,
  cipher: FieldCipher,
  channel: string,
  chatKey: string,
): Promise<LoadedConversation | null> {
  const row = await sql.loadConversation(channel, chatKey);
  if (!row?.identityId) return null;
  let flow: PersistedFlow | null = null;
  try {
    const { value, context } = JSON.parse(cipher.decrypt(row.snapshot)) as Pick<
      PersistedFlow,
      'value' | 'context'
    >;
    flow = { flowId: row.flowId as FlowId, version: row.flowVersion, value, context };
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

/** `replies`: the turn's outbox rows, written in the same statement where the database allows. */
export async function saveConversation(
  sql: TurnStatements,
  cipher: FieldCipher,
  key: { channel: string; chatKey: string; identityId: string },
  flow: PersistedFlow,
  locale: Locale,
  now: Date,
  replies: OutboxWrite[] = [],
): Promise<void> {
  await sql.saveConversation(
    {
      ...key,
      flowId: flow.flowId,
      flowVersion: flow.version,
      snapshot: cipher.encrypt(JSON.stringify({ value: flow.value, context: flow.context })),
      locale,
      now,
    },
    replies,
  );
}
