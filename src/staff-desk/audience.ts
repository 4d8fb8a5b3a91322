/**
 * Who can read what the desk answers in a chat, and so how much personal data
 * an answer may carry. The channel says what it knows about the chat (a group;
 * a screen it cannot keep private); this module alone turns that into what is
 * shown, so no command decides it on its own.
 *
 * @example
 * const show = disclosureFor(actor.audience);
 * show.idNumber('3204054512900001') // owner: in full; anyone else: '3204********0001'
 */
import { maskIdNumbersIn, maskName, maskNumbersIn } from '../core/mask-personal-data.ts';
import { maskNik } from '../core/nik.ts';
import type { InboundMessage } from '../runtime/messages.ts';

/**
 * - owner: a staff member's own chat;
 * - colleagues: a unit's group, read by its staff;
 * - anyone: a screen others may read (the browser simulator).
 */
export type Audience = 'owner' | 'colleagues' | 'anyone';

export function audienceOf(chat: Pick<InboundMessage, 'chatType' | 'sharedScreen'>): Audience {
  if (chat.sharedScreen) return 'anyone';
  return chat.chatType === 'group' ? 'colleagues' : 'owner';
}

export interface Disclosure {
  /** a NIK or KK field; placeholder words ("tidak ada") pass as they are */
  idNumber(value: string): string;
  /** a resident's name */
  name(value: string): string;
  /** what someone typed: a description, a note, a message */
  freeText(value: string): string;
  /** whether photos and PDFs (a KTP, a KK) may be sent */
  files: boolean;
}

const maskedId = (value: string) => (/^\d{12,}$/.test(value) ? maskNik(value) : value);
const same = (value: string) => value;

const DISCLOSURES: Record<Audience, Disclosure> = {
  owner: { idNumber: same, name: same, freeText: same, files: true },
  colleagues: { idNumber: maskedId, name: same, freeText: maskIdNumbersIn, files: false },
  anyone: { idNumber: maskedId, name: maskName, freeText: maskNumbersIn, files: false },
};

export function disclosureFor(audience: Audience): Disclosure {
  return DISCLOSURES[audience];
}
