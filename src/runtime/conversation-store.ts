/**
 * Loads and saves a chat's conversation row. The machine snapshot holds what
 * the resident typed (names, NIK) until the ticket is filed, so it is stored
 * encrypted like every other personal field.
 */
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
  const row = await tx.conversation.findUnique({
    where: { channel_chatKey: { channel, chatKey } },
    include: { identity: { select: { id: true, citizenId: true, locale: true } } },
  });
  if (!row?.identity) return null;
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
    identityId: row.identity.id,
    citizenId: row.identity.citizenId,
    locale: row.identity.locale as Locale,
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
  const fields = {
    flowId: flow.flowId,
    flowVersion: flow.version,
    snapshot,
    locale,
    updatedAt: now,
  };
  await tx.conversation.upsert({
    where: { channel_chatKey: { channel: key.channel, chatKey: key.chatKey } },
    create: { channel: key.channel, chatKey: key.chatKey, identityId: key.identityId, ...fields },
    update: fields,
  });
}
