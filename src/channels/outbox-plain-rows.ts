/**
 * Outbox rows written before payloads were sealed hold their message as plain
 * JSON. They are sealed in place once, so a desk upgraded with messages still
 * queued sends them, and failed rows kept for the operator are not readable in
 * a dump either.
 */
import { outboundMessageSchema } from '../runtime/messages.ts';
import { sealOutboxPayload } from '../runtime/outbox-payload.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';

/** Returns how many rows were sealed; rows that are not a message are left as they are. */
export async function sealPlainOutboxRows(prisma: Db, cipher: FieldCipher): Promise<number> {
  // Sealed payloads start with the cipher's version tag, never with "{".
  const rows = await prisma.outbox.findMany({
    where: { payload: { startsWith: '{' } },
    select: { id: true, payload: true },
  });
  let sealed = 0;
  for (const row of rows) {
    const message = outboundMessageSchema.safeParse(parseJson(row.payload));
    if (!message.success) continue;
    const { count } = await prisma.outbox.updateMany({
      where: { id: row.id, payload: row.payload },
      data: { payload: sealOutboxPayload(cipher, message.data) },
    });
    sealed += count;
  }
  return sealed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
