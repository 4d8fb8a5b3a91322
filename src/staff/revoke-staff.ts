/**
 * Ends a staff member's or partner contact's access, in the caller's
 * transaction: the record keeps who revoked them and when (Staff.revokedAt,
 * revokedById; nothing is deleted), their private chats stop receiving
 * announcements and reminders, they are told in one line, and the invites
 * they made and nobody used yet are voided, so a departing koordinator
 * cannot keep a code to let themselves back in. Tickets they held stay
 * assigned (the history says who worked them); reminders for those go to the
 * unit's chats, and a colleague takes one over with /ambil.
 */
import { isOpen, TICKET_STATUSES } from '../core/ticket-lifecycle.ts';
import { isLocale, t } from '../i18n/translate.ts';
import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { prismaTurnStatements } from '../store/prisma-turn-statements.ts';
import type { StaffRole } from './roles.ts';

export interface RevokeRequest {
  staffId: string;
  /** the admin or koordinator revoking; null from the CLI */
  revokedById: string | null;
  /** who they are told revoked them: a role and unit, never a name */
  revokedBy: { role: StaffRole; unitName: string } | null;
  reason: string;
  causeKey: string;
  now: Date;
}

export type RevokeResult =
  | { ok: false; reason: 'already' }
  | { ok: true; chatsTold: number; openTicketsHeld: number; invitesVoided: number };

export async function revokeStaff(
  tx: Tx,
  cipher: FieldCipher,
  request: RevokeRequest,
): Promise<RevokeResult> {
  const { staffId, now } = request;
  // Conditional, so two admins revoking at once write one record.
  const { count } = await tx.staff.updateMany({
    where: { id: staffId, active: true },
    data: { active: false, revokedAt: now, revokedById: request.revokedById },
  });
  if (count === 0) return { ok: false, reason: 'already' };
  const staff = await tx.staff.findUniqueOrThrow({
    where: { id: staffId },
    select: { role: true, locale: true, unit: { select: { name: true } } },
  });
  const chats = await tx.staffChat.findMany({
    where: { staffId, kind: 'private' },
    select: { channel: true, chatKey: true },
  });
  const locale = isLocale(staff.locale) ? staff.locale : 'id';
  const notice = t(locale, 'staffAdmin.revoke.notice', {
    role: t(locale, `staff.role.${staff.role as StaffRole}`),
    unit: staff.unit?.name ?? '-',
    by: request.revokedBy
      ? `${t(locale, `staff.role.${request.revokedBy.role}`)} ${request.revokedBy.unitName}`
      : t(locale, 'staffAdmin.revoke.byAdmin'),
    reason: request.reason ? t(locale, 'staffAdmin.revoke.reason', { reason: request.reason }) : '',
  });
  for (const chat of chats) {
    await writeOutbox(
      prismaTurnStatements(tx),
      cipher,
      chat,
      `${request.causeKey}:revoked>${chat.channel}:${chat.chatKey}`,
      [{ text: notice, options: [] }],
      now,
    );
  }
  await tx.staffChat.deleteMany({ where: { staffId, kind: 'private' } });
  const voided = await tx.invite.updateMany({
    where: { createdById: staffId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const openTicketsHeld = await tx.ticket.count({
    where: { assigneeId: staffId, status: { in: TICKET_STATUSES.filter(isOpen) } },
  });
  return { ok: true, chatsTold: chats.length, openTicketsHeld, invitesVoided: voided.count };
}
