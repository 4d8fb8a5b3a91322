/**
 * Which language a staff chat is written to in. A staff member's own chat
 * gets their language (Staff.locale, set with /bahasa); a unit's group room
 * stays Indonesian, the language everyone in it reads.
 *
 * @example
 * const locales = await staffLocales(tx, ['staff-1']);
 * chatLocale({ kind: 'private', staffId: 'staff-1' }, locales); // 'su' after /bahasa su
 * chatLocale({ kind: 'room', staffId: null }, locales); // 'id'
 */
import { isLocale, type Locale } from '../i18n/translate.ts';
import type { OutboundMessage } from '../runtime/messages.ts';
import type { Tx } from '../store/database.ts';

/** The language of a group chat and the default of a staff member who never chose one. */
export const ROOM_LOCALE: Locale = 'id';

/** A message written once per language it is read in. */
export type StaffText = OutboundMessage | ((locale: Locale) => OutboundMessage);

/** One query for the languages of the given staff members. */
export async function staffLocales(
  tx: Tx,
  staffIds: readonly string[],
): Promise<ReadonlyMap<string, Locale>> {
  if (staffIds.length === 0) return new Map();
  const rows = await tx.staff.findMany({
    where: { id: { in: [...new Set(staffIds)] } },
    select: { id: true, locale: true },
  });
  return new Map(rows.map((row) => [row.id, isLocale(row.locale) ? row.locale : ROOM_LOCALE]));
}

export function chatLocale(
  chat: { kind: string; staffId: string | null },
  locales: ReadonlyMap<string, Locale>,
): Locale {
  return localeOfChat(chat, chat.staffId ? locales.get(chat.staffId) : null);
}

/** The same with the owner's stored language at hand (null or anything unknown: Indonesian). */
export function localeOfChat(
  chat: { kind: string; staffId: string | null },
  ownerLocale: string | null | undefined,
): Locale {
  if (chat.kind !== 'private' || !chat.staffId) return ROOM_LOCALE;
  return ownerLocale && isLocale(ownerLocale) ? ownerLocale : ROOM_LOCALE;
}

/** Renders `text` at most once per language, however many chats read it. */
export function renderer(text: StaffText): (locale: Locale) => OutboundMessage {
  if (typeof text !== 'function') return () => text;
  const done = new Map<Locale, OutboundMessage>();
  return (locale) => {
    let message = done.get(locale);
    if (!message) {
      message = text(locale);
      done.set(locale, message);
    }
    return message;
  };
}
