/**
 * Who is issuing a command: the chat identity, and the staff record it was
 * bound to with /masuk (role, unit, partner).
 */
import { isLocale, type Locale } from '../i18n/translate.ts';
import type { StaffRole } from '../staff/roles.ts';
import type { Tx } from '../store/database.ts';

export interface Actor {
  identityId: string;
  staffId: string;
  role: StaffRole;
  displayName: string;
  unitId: string;
  unitName: string;
  partner: { id: string; code: string; name: string } | null;
  locale: Locale;
  /** a group chat is seen by many: personal data is masked there */
  inGroup: boolean;
}

export async function findActor(
  tx: Tx,
  identity: { channel: string; externalId: string },
  inGroup: boolean,
): Promise<Actor | null> {
  const row = await tx.channelIdentity.findUnique({
    where: { channel_externalId: identity },
    select: {
      id: true,
      locale: true,
      staff: {
        select: {
          id: true,
          role: true,
          displayName: true,
          active: true,
          unit: { select: { id: true, name: true } },
          partner: { select: { id: true, code: true, name: true } },
        },
      },
    },
  });
  const staff = row?.staff;
  if (!row || !staff?.active || !staff.unit) return null;
  return {
    identityId: row.id,
    staffId: staff.id,
    role: staff.role as StaffRole,
    displayName: staff.displayName,
    unitId: staff.unit.id,
    unitName: staff.unit.name,
    partner: staff.partner,
    locale: isLocale(row.locale) ? row.locale : 'id',
    inGroup,
  };
}
