/**
 * Who is issuing a command: the chat identity, and the staff record it was
 * bound to with /masuk (role, unit, partner).
 */
import { isLocale, type Locale } from '../i18n/translate.ts';
import type { InboundMessage } from '../runtime/messages.ts';
import type { StaffRole } from '../staff/roles.ts';
import type { Tx } from '../store/database.ts';
import { type Audience, audienceOf } from './audience.ts';
import { ROOM_LOCALE } from './staff-locale.ts';

export interface Actor {
  identityId: string;
  staffId: string;
  role: StaffRole;
  displayName: string;
  unitId: string;
  unitName: string;
  /** active: false once the partnership ended; its contacts then get a refusal only */
  partner: { id: string; code: string; name: string; active: boolean } | null;
  /** what the desk answers in: the staff member's language in their own chat, Indonesian in a group */
  locale: Locale;
  /** a group chat: the unit's staff room, or a partner's group */
  inGroup: boolean;
  /** who reads the answers, which decides what personal data they show */
  audience: Audience;
}

export async function findActor(
  tx: Tx,
  identity: { channel: string; externalId: string },
  chat: Pick<InboundMessage, 'chatType' | 'sharedScreen'>,
): Promise<Actor | null> {
  const row = await tx.channelIdentity.findUnique({
    where: { channel_externalId: identity },
    select: {
      id: true,
      staff: {
        select: {
          id: true,
          role: true,
          displayName: true,
          active: true,
          locale: true,
          unit: { select: { id: true, name: true } },
          partner: { select: { id: true, code: true, name: true, active: true } },
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
    locale: chat.chatType === 'group' || !isLocale(staff.locale) ? ROOM_LOCALE : staff.locale,
    inGroup: chat.chatType === 'group',
    audience: audienceOf(chat),
  };
}
