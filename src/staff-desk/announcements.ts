/**
 * What the desk tells staff and partners without being asked: a new ticket
 * to its unit's chats (with Lihat/Ambil buttons on Telegram; the command is in
 * the label so WhatsApp users can type it), a new referral to the partner's
 * contacts, and a resident's message to the unit. Announcements never carry
 * NIK, KK or the resident's name: they often land in group chats. Each chat
 * reads them in its language (a staff member's own, or Indonesian in a room).
 */
import { maskIdNumbersIn } from '../core/mask-personal-data.ts';
import { type Locale, t } from '../i18n/translate.ts';
import type { OutboundOption } from '../runtime/messages.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import type { NikClaim } from '../tickets/nik-claim.ts';
import { nikClaimAnnouncement } from './nik-claim-lines.ts';
import { type ChatRef, tellStaffChats } from './staff-chats.ts';
import { type LabelSource, ticketLabels } from './ticket-labels.ts';

/** A ticket just filed, as the filing wrote it: announced without reading it back. */
export interface FiledTicket extends LabelSource {
  code: string;
  unitId: string;
}

export async function announceNewTicket(
  tx: Tx,
  cipher: FieldCipher,
  ref: ReferenceData,
  ticket: FiledTicket,
  claim: Pick<NikClaim, 'nameDiffers' | 'kkDiffers'> | null,
  now: Date,
): Promise<number> {
  return tellStaffChats(
    tx,
    cipher,
    { unitId: ticket.unitId },
    (locale) => ({
      text: [
        t(locale, 'staff.announce.ticket', {
          code: ticket.code,
          ...ticketLabels(ref, locale, ticket),
        }),
        ...(claim ? [nikClaimAnnouncement(locale, ticket.code, claim)] : []),
      ].join('\n'),
      options: viewAndClaim(locale, ticket.code),
    }),
    `announce:${ticket.code}`,
    now,
  );
}

/** The unit above learns that a ticket is now theirs, and why. */
export async function announceEscalation(
  tx: Tx,
  cipher: FieldCipher,
  escalation: { code: string; from: string; to: string; reason: string },
  now: Date,
  /** the chat that escalated, which knows already */
  except?: ChatRef,
): Promise<number> {
  const escalations = await tx.ticketEvent.count({
    where: { ticket: { code: escalation.code }, type: 'escalated' },
  });
  return tellStaffChats(
    tx,
    cipher,
    { unitId: escalation.to },
    (locale) => ({
      text: t(locale, 'staff.announce.escalated', {
        code: escalation.code,
        unit: escalation.from,
        reason: escalation.reason,
      }),
      options: viewAndClaim(locale, escalation.code),
    }),
    `escalated:${escalation.code}:${escalations}`,
    now,
    except,
  );
}

/** The Lihat/Ambil options under an announcement (buttons on Telegram, typed on WhatsApp). */
export function viewAndClaim(locale: Locale, code: string): [OutboundOption, OutboundOption] {
  const view = `/tiket ${code}`;
  const claim = `/ambil ${code}`;
  return [
    { id: view, label: `${t(locale, 'staff.announce.view')}: ${view}` },
    { id: claim, label: `${t(locale, 'staff.announce.claim')}: ${claim}` },
  ];
}

export async function announceReferral(
  tx: Tx,
  cipher: FieldCipher,
  ref: ReferenceData,
  referral: { id: string; partnerId: string; note: string },
  ticket: { id: string; unitName: string },
  now: Date,
): Promise<number> {
  const row = await tx.ticket.findUniqueOrThrow({
    where: { id: ticket.id },
    select: { code: true, kind: true, serviceCode: true, topic: true, areaCode: true },
  });
  return tellStaffChats(
    tx,
    cipher,
    { partnerId: referral.partnerId },
    (locale) => {
      const labels = ticketLabels(ref, locale, row);
      return {
        text: t(locale, 'partner.announce.referral', {
          code: row.code,
          unit: ticket.unitName,
          about: labels.about,
          desa: labels.desa,
          note: referral.note || '-',
        }),
        options: [],
      };
    },
    `referral:${referral.id}`,
    now,
  );
}

/** A resident's "hubungi petugas" message reaches the unit's chats, ready for /balas. */
export async function forwardResidentMessage(
  tx: Tx,
  cipher: FieldCipher,
  message: { id: string; unitId: string; ticketCode: string | null; text: string },
  now: Date,
): Promise<number> {
  const code = message.ticketCode;
  if (!code) return 0;
  return tellStaffChats(
    tx,
    cipher,
    { unitId: message.unitId },
    (locale) => ({
      text: t(locale, 'staff.announce.residentMessage', {
        code,
        // A resident may type their NIK or KK, spaced or not; the unit's chat can be a group.
        text: maskIdNumbersIn(message.text),
      }),
      options: [],
    }),
    `thread:${message.id}`,
    now,
  );
}
