/**
 * The name a staff member gets when their chat app tells none (the simulator,
 * some WhatsApp accounts): the role word and the end of their chat identity's
 * id, enough to tell two apart in /petugas. It is not a name, so a ticket's
 * history shows the role alone instead of an id fragment.
 */
import { t } from '../i18n/translate.ts';

export function placeholderStaffName(identityId: string): string {
  return `${t('id', 'staff.role.petugas')} ${identityId.slice(-4)}`;
}

export function isPlaceholderStaffName(
  displayName: string,
  identityIds: readonly string[],
): boolean {
  return identityIds.some((id) => placeholderStaffName(id) === displayName);
}
