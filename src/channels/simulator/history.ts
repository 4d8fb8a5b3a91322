/**
 * The desk's last replies to each simulator phone, read back from the outbox
 * after a restart, so a resident halfway through a request sees where they
 * were instead of an empty phone. Only replies: the desk does not store what
 * a phone typed, only that its message was handled.
 *
 * The payloads are the messages exactly as they were delivered (already
 * masked for the page's shared screen), sealed with the field cipher.
 */
import { openOutboxPayload } from '../../runtime/outbox-payload.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import type { Db } from '../../store/database.ts';
import type { RestoredReply } from './transcript.ts';

/** About one screenful and a bit: enough to see the current question and what led to it. */
export const HISTORY_LIMIT = 30;

export type HistoryLoader = (chatKey: string) => Promise<RestoredReply[]>;

export function outboxHistory(
  prisma: Db,
  cipher: FieldCipher,
  limit = HISTORY_LIMIT,
): HistoryLoader {
  return async (chatKey) => {
    // Pending rows are left out: the dispatcher delivers them after the start, as new entries.
    const rows = await prisma.outbox.findMany({
      where: { channel: 'simulator', chatKey, status: 'sent' },
      orderBy: { id: 'desc' },
      take: limit,
      select: { payload: true, sentAt: true, createdAt: true },
    });
    const replies: RestoredReply[] = [];
    for (const row of rows.reverse()) {
      try {
        const message = openOutboxPayload(cipher, row.payload);
        replies.push({
          text: message.text,
          options: message.options,
          at: row.sentAt ?? row.createdAt,
        });
      } catch {
        // Sealed with another key (or left in clear by an older desk): a gap, not a failed start.
      }
    }
    return replies;
  };
}
