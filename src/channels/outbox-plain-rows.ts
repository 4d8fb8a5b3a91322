/**
 * Outbox rows written before payloads were sealed hold their message as plain
 * JSON. They are sealed in place once, so a desk upgraded with messages still
 * queued sends them, and failed rows kept for the operator are not readable in
 * a dump either.
 */
import { parseJsonOrNull } from '../core/parse-json.ts';
import { outboundMessageSchema } from '../runtime/messages.ts';
import { sealOutboxPayload } from '../runtime/outbox-payload.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';

/**
 * Returns how many rows were sealed, and how many were dropped: a row in clear
 * that is not a message can never be sent, and kept it would stay readable in
 * every dump and be read again at every start.
 */
export async function sealPlainOutboxRows(
  prisma: Db,
  cipher: FieldCipher,
): Promise<{ sealed: number; dropped: number }> {
  // Sealed payloads start with the cipher's version tag, never with "{".
  const rows = await prisma.outbox.findMany({
    where: { payload: { startsWith: '{' } },
    select: { id: true, payload: true },
  });
  let sealed = 0;
  let dropped = 0;
  for (const row of rows) {
    const message = outboundMessageSchema.safeParse(parseJsonOrNull(row.payload));
    if (!message.success) {
      const { count } = await prisma.outbox.deleteMany({
        where: { id: row.id, payload: row.payload },
      });
      dropped += count;
      continue;
    }
    const { count } = await prisma.outbox.updateMany({
      where: { id: row.id, payload: row.payload },
      data: { payload: sealOutboxPayload(cipher, message.data) },
    });
    sealed += count;
  }
  return { sealed, dropped };
}
