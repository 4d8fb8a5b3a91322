/**
 * Compares what the outbox says each chat should have received with what
 * Telegram (the emulator) actually got, chat by chat: every row's rendered
 * parts must arrive, in order. A row whose parts arrive again right after
 * themselves was delivered twice (the only repeat the dispatcher can make:
 * an unmarked row is the oldest of its chat, so it goes again before anything
 * behind it). Anything else in the chat is unexplained.
 */
import { renderMessage } from '../../src/channels/telegram/render-message.ts';
import { openOutboxPayload } from '../../src/runtime/outbox-payload.ts';
import type { FieldCipher } from '../../src/security/field-cipher.ts';
import type { Db } from '../../src/store/database.ts';
import type { SentMessage } from './bot-api-emulator.ts';

export interface AuditResult {
  rows: number;
  /** outbox rows that never reached their chat */
  lost: number[];
  /** outbox rows that reached their chat more than once */
  doubled: number[];
  /** messages in a chat that match no outbox row where they arrived */
  unexplained: { chatKey: string; text: string }[];
  /** performance.now() of each row's first arrival */
  firstArrival: Map<number, number>;
}

export async function auditDeliveries(
  prisma: Db,
  cipher: FieldCipher,
  sentTo: (chatKey: string) => SentMessage[],
): Promise<AuditResult> {
  const rows = await prisma.outbox.findMany({
    where: { channel: 'telegram' },
    orderBy: { id: 'asc' },
    select: { id: true, chatKey: true, payload: true },
  });
  const result: AuditResult = {
    rows: rows.length,
    lost: [],
    doubled: [],
    unexplained: [],
    firstArrival: new Map(),
  };
  const byChat = new Map<string, { id: number; parts: string[] }[]>();
  for (const row of rows) {
    const parts = renderMessage(openOutboxPayload(cipher, row.payload)).map((p) => p.text);
    byChat.set(row.chatKey, [...(byChat.get(row.chatKey) ?? []), { id: row.id, parts }]);
  }
  for (const [chatKey, expected] of byChat) {
    let next = 0;
    let part = 0;
    let previous: { id: number; parts: string[] } | undefined;
    for (const message of sentTo(chatKey)) {
      const row = expected[next];
      if (row && message.text === row.parts[part]) {
        if (part === 0) result.firstArrival.set(row.id, message.at);
        part += 1;
        if (part === row.parts.length) {
          previous = row;
          next += 1;
          part = 0;
        }
      } else if (previous?.parts.includes(message.text)) {
        if (!result.doubled.includes(previous.id)) result.doubled.push(previous.id);
      } else {
        result.unexplained.push({ chatKey, text: message.text.slice(0, 60) });
      }
    }
    result.lost.push(...expected.slice(next).map((row) => row.id));
  }
  return result;
}
