/**
 * Holds one chat for the rest of a transaction. Within a process the per-chat
 * queue already orders turns; with several desk processes on one PostgreSQL
 * (Telegram webhooks behind a load balancer) two updates of one chat can
 * arrive at two processes at once, and each turn must see the other's result.
 * SQLite is only ever used by one process, so there the queue is enough.
 */

import type { ChatKey, Tx } from './database.ts';

export async function lockChat(tx: Tx, chat: ChatKey): Promise<void> {
  const key = `chat:${chat.channel}:${chat.chatKey}`;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${key}))`;
}
