/**
 * Brings a staff member's reply to a resident: the reply joins the unit's
 * thread and is queued for every chat of the resident's identity, prefixed
 * with the unit's name in the resident's language. The staff command `/balas`
 * calls it; the resident's conversation state is left as it is.
 *
 * @example
 * await deliverStaffReply(
 *   prisma,
 *   cipher,
 *   { threadTargetIdentityId, unitId, text: 'Besok jam 9 silakan datang ke kantor desa.' },
 *   `reply:${staffMessageId}`,
 *   new Date(),
 * );
 */
import { t } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db, Tx } from '../store/database.ts';
import { notifyResident } from '../tickets/notify-resident.ts';

export interface StaffReply {
  /** the chat identity that wrote to the unit */
  threadTargetIdentityId: string;
  unitId: string;
  ticketId?: string | undefined;
  staffId?: string | undefined;
  text: string;
}

/** Returns the number of chats the reply was queued for (0 when none, or when already delivered). */
export async function deliverStaffReply(
  prisma: Db | Tx,
  cipher: FieldCipher,
  reply: StaffReply,
  causeKey: string,
  now: Date,
): Promise<number> {
  const write = (tx: Tx) => writeReply(tx, cipher, reply, causeKey, now);
  // Inside a caller's transaction already, or atomic on its own.
  return '$transaction' in prisma ? (prisma as Db).$transaction(write) : write(prisma);
}

async function writeReply(
  tx: Tx,
  cipher: FieldCipher,
  reply: StaffReply,
  causeKey: string,
  now: Date,
) {
  // A retried command delivers nothing twice (the unique dedupe key would refuse it anyway).
  const delivered = await tx.outbox.findFirst({
    where: { dedupeKey: { startsWith: `${causeKey}>` } },
    select: { id: true },
  });
  if (delivered) return 0;
  const unit = await tx.unit.findUniqueOrThrow({
    where: { id: reply.unitId },
    select: { name: true },
  });
  await tx.threadMessage.create({
    data: {
      unitId: reply.unitId,
      identityId: reply.threadTargetIdentityId,
      ticketId: reply.ticketId ?? null,
      staffId: reply.staffId ?? null,
      direction: 'to_citizen',
      // Sealed like the resident's side of the thread: staff quote what residents told them.
      text: cipher.encrypt(reply.text),
      createdAt: now,
    },
  });
  return notifyResident(
    tx,
    cipher,
    reply.threadTargetIdentityId,
    (locale) => t(locale, 'contact.staffReply', { unit: unit.name, text: reply.text }),
    causeKey,
    now,
  );
}
