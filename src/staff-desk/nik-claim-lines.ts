/**
 * The warning staff see on a ticket whose NIK belongs to a resident reached
 * from another chat (src/tickets/nik-claim.ts). Which fields differ may be
 * said anywhere; the name and KK typed only in a staff member's own chat,
 * where the stored NIK and KK are shown in full too (see audience.ts).
 */
import { type Locale, t } from '../i18n/translate.ts';
import type { NikClaim } from '../tickets/nik-claim.ts';

type Differences = Pick<NikClaim, 'nameDiffers' | 'kkDiffers'>;

function differingFields(locale: Locale, claim: Differences): string {
  return [
    ...(claim.nameDiffers ? [t(locale, 'staff.ticket.field.name')] : []),
    ...(claim.kkDiffers ? [t(locale, 'staff.ticket.field.kk')] : []),
  ].join(', ');
}

/**
 * The lines under a ticket's details in /tiket. What was typed is shown when
 * the claim carries it: the caller opens it only for a staff member's own chat.
 */
export function nikClaimLines(
  locale: Locale,
  code: string,
  claim: Differences & Partial<Pick<NikClaim, 'claimed'>>,
): string[] {
  const fields = differingFields(locale, claim);
  const none = t(locale, 'staff.ticket.none');
  return [
    t(locale, 'staff.ticket.nikClaim'),
    fields === ''
      ? t(locale, 'staff.ticket.nikClaimSame')
      : t(locale, 'staff.ticket.nikClaimDiffers', { fields }),
    claim.claimed
      ? t(locale, 'staff.ticket.nikClaimTyped', {
          name: claim.claimed.name ?? none,
          kk: claim.claimed.kk ?? none,
        })
      : t(locale, 'staff.ticket.nikClaimPrivate', { code }),
  ];
}

/** The line under a new ticket's announcement, which may land in a group. */
export function nikClaimAnnouncement(locale: Locale, code: string, claim: Differences): string {
  const fields = differingFields(locale, claim);
  return fields === ''
    ? t(locale, 'staff.announce.nikClaimSame', { code })
    : t(locale, 'staff.announce.nikClaim', { code, fields });
}
