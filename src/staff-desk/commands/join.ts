/**
 * /masuk KODE: binds this chat identity to the role, unit and partner of a
 * one-time invite, and spends it. Wrong codes are counted per chat identity;
 * too many lock it out for a while, so codes cannot be guessed.
 */
import { t } from '../../i18n/translate.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import { inviteCodeHash, normaliseInviteCode } from '../../staff/invite-code.ts';
import type { Tx } from '../../store/database.ts';

export const JOIN_MAX_FAILURES = 5;
export const JOIN_WINDOW_MS = 15 * 60_000;
export const JOIN_LOCKOUT_MS = 30 * 60_000;

export type JoinResult =
  | { ok: true; staffId: string; role: string; unitName: string; partnerName: string | null }
  | { ok: false; reason: 'invalid' | 'already'; role?: string; unitName?: string }
  | { ok: false; reason: 'lockedOut'; minutes: number };

export async function joinWithInvite(
  tx: Tx,
  cipher: FieldCipher,
  input: { identityId: string; typedCode: string; displayName: string; now: Date },
): Promise<JoinResult> {
  const { now } = input;
  const throttleKey = `join:${input.identityId}`;
  const throttle = await tx.throttle.findUnique({ where: { key: throttleKey } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    return {
      ok: false,
      reason: 'lockedOut',
      minutes: Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000),
    };
  }
  const identity = await tx.channelIdentity.findUniqueOrThrow({
    where: { id: input.identityId },
    select: { staff: { select: { role: true, active: true, unit: { select: { name: true } } } } },
  });
  if (identity.staff?.active) {
    return {
      ok: false,
      reason: 'already',
      role: identity.staff.role,
      unitName: identity.staff.unit?.name ?? '-',
    };
  }
  const code = normaliseInviteCode(input.typedCode);
  const invite = code
    ? await tx.invite.findUnique({
        where: { codeHash: inviteCodeHash(cipher, code) },
        include: {
          unit: { select: { name: true } },
          partner: { select: { name: true, active: true } },
        },
      })
    : null;
  // Spent atomically: of two chats typing the same code at once, one wins.
  // An invite to a partnership that has ended opens nothing.
  const spent =
    invite && !invite.usedAt && invite.expiresAt > now && invite.partner?.active !== false
      ? await tx.invite.updateMany({
          where: { id: invite.id, usedAt: null },
          data: { usedAt: now, usedByIdentityId: input.identityId },
        })
      : { count: 0 };
  if (!invite || spent.count === 0) {
    await countFailure(tx, throttleKey, throttle, now);
    return { ok: false, reason: 'invalid' };
  }
  const staff = await tx.staff.create({
    data: {
      role: invite.role,
      displayName: input.displayName,
      unitId: invite.unitId,
      partnerId: invite.partnerId,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.channelIdentity.update({
    where: { id: input.identityId },
    data: { staffId: staff.id },
  });
  if (throttle) await tx.throttle.delete({ where: { key: throttleKey } });
  return {
    ok: true,
    staffId: staff.id,
    role: invite.role,
    unitName: invite.unit.name,
    partnerName: invite.partner?.name ?? null,
  };
}

async function countFailure(
  tx: Tx,
  key: string,
  current: { failures: number; windowStart: Date } | null,
  now: Date,
): Promise<void> {
  const fresh = !current || now.getTime() - current.windowStart.getTime() > JOIN_WINDOW_MS;
  const failures = fresh ? 1 : current.failures + 1;
  const lockedUntil =
    failures >= JOIN_MAX_FAILURES ? new Date(now.getTime() + JOIN_LOCKOUT_MS) : null;
  await tx.throttle.upsert({
    where: { key },
    create: { key, failures, windowStart: now, lockedUntil },
    update: { failures, windowStart: fresh ? now : current.windowStart, lockedUntil },
  });
}

/** The answer a join result gets, in the chat's language. */
export function joinReply(locale: 'id' | 'su' | 'en', result: JoinResult): string {
  if (result.ok) {
    return t(locale, 'staff.join.ok', {
      role: t(locale, `staff.role.${result.role as 'petugas'}`),
      unit: result.unitName,
      partner: result.partnerName
        ? t(locale, 'staff.join.partner', { partner: result.partnerName })
        : '',
    });
  }
  if (result.reason === 'lockedOut')
    return t(locale, 'staff.join.lockedOut', { minutes: result.minutes });
  if (result.reason === 'already') {
    return t(locale, 'staff.join.already', {
      role: t(locale, `staff.role.${(result.role ?? 'petugas') as 'petugas'}`),
      unit: result.unitName ?? '-',
    });
  }
  return t(locale, 'staff.join.invalid');
}
