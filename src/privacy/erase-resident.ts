/**
 * "Hapus data saya" (UU PDP No. 27/2022, the right to erasure): removes what
 * identifies the resident writing and keeps what the reports count.
 *
 * - The citizen record keeps only its id and `erasedAt`: name, NIK, KK and
 *   their lookup hashes and the desa are cleared, so typing the NIK again
 *   finds nobody. Every chat identity is unlinked from it, and the WhatsApp
 *   phone number of this chat is dropped (the chat itself goes on by its LID).
 * - Their tickets (src/tickets/resident-tickets.ts) stay, with kind, service, topic, unit,
 *   area, status and dates, but lose the person, the chat, the description,
 *   the location pin, feedback comments, referral notes and every message
 *   and sealed value in their audit trail. Photos and documents are deleted,
 *   rows and files. The two-way thread with staff is deleted.
 * - A ticket not yet final is closed ('withdraw', "dibatalkan atas permintaan
 *   warga") and its live referral cancelled: nobody is left to help, and a
 *   partner must not go on visiting a person the desk can no longer name.
 * - Each ticket gets an internal `personal_data_erased` event naming the kinds
 *   of data removed, never their values. Events themselves are never deleted.
 * - Sent messages to this chat still waiting for the outbox purge are
 *   deleted; unsent ones stay, so nothing owed to the chat is lost.
 *
 * Files are deleted last, inside the turn: if the transaction then fails, the
 * rows remain without their files and the resident can ask again, whereas
 * deleting after the commit could leave KTP photos on disk with no row
 * pointing at them.
 *
 * @example
 * const { closedCodes } = await eraseResident(deps, { identityId, citizenId, chatKey });
 */

import { isOpen, type TicketStatus } from '../core/ticket-lifecycle.ts';
import { t } from '../i18n/translate.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { looksSealed, sealText } from '../security/sealed-text.ts';
import { alertUnit, WITHDRAWN_BY_CITIZEN } from '../staff-desk/resident-alerts.ts';
import { tellStaffChats } from '../staff-desk/staff-chats.ts';
import type { Tx } from '../store/database.ts';
import { changeTicket } from '../tickets/change-ticket.ts';
import {
  type Resident,
  type ResidentTicket,
  residentAttachments,
  residentTickets,
} from '../tickets/resident-tickets.ts';

export const PERSONAL_DATA_ERASED = 'personal_data_erased';
/** Kept with a cancelled referral, sealed like every reason. */
const WITHDRAWN_REASON = 'dibatalkan atas permintaan warga';

/** Deletes stored files by their storage keys (AttachmentStore.erase). */
export interface FileEraser {
  erase(storageKeys: readonly string[]): Promise<void>;
}

export interface ErasureDeps {
  tx: Tx;
  cipher: FieldCipher;
  /** null when the desk runs without attachment storage: only rows are deleted */
  files: FileEraser | null;
  now: Date;
}

export interface ErasedResident extends Resident {
  channel: string;
  chatKey: string;
}

export interface ErasureResult {
  /** tickets closed because they were still open */
  closedCodes: string[];
  tickets: number;
  documents: number;
}

export async function eraseResident(
  deps: ErasureDeps,
  who: ErasedResident,
): Promise<ErasureResult> {
  const { tx } = deps;
  const tickets = await residentTickets(tx, who);
  const ticketIds = tickets.map((ticket) => ticket.id);
  const closedCodes = await closeOpenTickets(deps, tickets);
  const documents = await residentAttachments(tx, who, ticketIds);
  await tx.attachment.deleteMany({ where: { id: { in: documents.map((d) => d.id) } } });
  await unlinkTickets(deps, ticketIds);
  await tx.threadMessage.deleteMany({
    where: { OR: [{ identityId: who.identityId }, { ticketId: { in: ticketIds } }] },
  });
  await eraseCitizens(deps, who, tickets);
  await tx.channelIdentity.update({
    where: { id: who.identityId },
    data: { citizenId: null, altExternalId: null },
  });
  await tx.outbox.deleteMany({
    where: { channel: who.channel, chatKey: who.chatKey, status: 'sent' },
  });
  for (const ticketId of ticketIds) {
    await tx.ticketEvent.create({
      data: {
        ticketId,
        type: PERSONAL_DATA_ERASED,
        actorKind: 'warga',
        after: JSON.stringify({ fields: ERASED_FIELDS, channel: who.channel }),
        visibility: 'internal',
        createdAt: deps.now,
      },
    });
  }
  await deps.files?.erase(documents.map((d) => d.storageKey));
  return { closedCodes, tickets: tickets.length, documents: documents.length };
}

/** What an erasure removes, as its audit event names it. */
const ERASED_FIELDS = [
  'name',
  'nik',
  'kk',
  'desa',
  'phone',
  'description',
  'location',
  'documents',
  'messages',
] as const;

async function closeOpenTickets(deps: ErasureDeps, tickets: readonly ResidentTicket[]) {
  const closed: string[] = [];
  for (const ticket of tickets) {
    const status = ticket.status as TicketStatus;
    // SELESAI waits for the resident's word, which can no longer come.
    if (!isOpen(status) && status !== 'SELESAI') continue;
    const moved = await changeTicket(deps.tx, deps.cipher, {
      ticket: { id: ticket.id, status },
      action: { type: 'withdraw' },
      actor: { kind: 'warga', id: null },
      eventType: WITHDRAWN_BY_CITIZEN,
      visibility: 'public',
      now: deps.now,
    });
    if (!moved.ok) continue;
    closed.push(ticket.code);
    const live = { ticketId: ticket.id, status: { in: ['TERKIRIM', 'DITERIMA'] } };
    const referrals = await deps.tx.referral.findMany({
      where: live,
      select: { id: true, partnerId: true },
    });
    await deps.tx.referral.updateMany({
      where: live,
      data: { status: 'DIBATALKAN', reason: sealText(deps.cipher, WITHDRAWN_REASON) },
    });
    // Whoever works the ticket or its referral learns why it stopped, not who asked.
    await alertUnit(deps.tx, deps.cipher, ticket.id, { kind: 'withdrawn' }, deps.now);
    for (const referral of referrals) {
      await tellStaffChats(
        deps.tx,
        deps.cipher,
        { partnerId: referral.partnerId },
        (locale) => ({
          text: t(locale, 'partner.announce.withdrawn', { code: ticket.code }),
          options: [],
        }),
        `withdrawn:${referral.id}`,
        deps.now,
      );
    }
  }
  return closed;
}

async function unlinkTickets(deps: ErasureDeps, ticketIds: readonly string[]) {
  const { tx } = deps;
  const ids = [...ticketIds];
  await tx.ticket.updateMany({
    where: { id: { in: ids } },
    data: {
      citizenId: null,
      originIdentityId: null,
      description: '',
      latitude: null,
      longitude: null,
    },
  });
  await tx.feedback.updateMany({
    where: { ticketId: { in: ids } },
    data: { citizenId: null, comment: null },
  });
  await tx.referral.updateMany({ where: { ticketId: { in: ids } }, data: { note: '' } });
  const events = await tx.ticketEvent.findMany({
    where: { ticketId: { in: ids } },
    select: { id: true, before: true, after: true, message: true },
  });
  for (const event of events) {
    const before = scrubbed(event.before);
    const after = scrubbed(event.after);
    if (before === event.before && after === event.after && event.message === null) continue;
    await tx.ticketEvent.update({
      where: { id: event.id },
      data: { before, after, message: null },
    });
  }
}

/** A stored before/after with every sealed value (a typed name, a claimed KK) removed. */
function scrubbed(stored: string | null): string | null {
  if (stored === null) return null;
  if (looksSealed(stored)) return null;
  try {
    return JSON.stringify(JSON.parse(stored), (_key, value) =>
      typeof value === 'string' && looksSealed(value) ? null : value,
    );
  } catch {
    return stored;
  }
}

/**
 * The citizen this chat is linked to, and anyone this chat filed for whom no
 * other chat or ticket still refers to: their data came from this chat alone.
 */
async function eraseCitizens(
  deps: ErasureDeps,
  who: ErasedResident,
  tickets: readonly ResidentTicket[],
) {
  const { tx } = deps;
  const blank = {
    nameEnc: null,
    nikEnc: null,
    nikHash: null,
    kkEnc: null,
    kkHash: null,
    domicileCode: null,
    erasedAt: deps.now,
  };
  if (who.citizenId) {
    // Another chat's claim on this NIK stays that chat's ticket, but no longer points at a person.
    await tx.ticket.updateMany({ where: { citizenId: who.citizenId }, data: { citizenId: null } });
    await tx.feedback.updateMany({
      where: { citizenId: who.citizenId },
      data: { citizenId: null },
    });
    await tx.channelIdentity.updateMany({
      where: { citizenId: who.citizenId },
      data: { citizenId: null },
    });
    await tx.citizen.update({ where: { id: who.citizenId }, data: blank });
  }
  const others = new Set(tickets.map((ticket) => ticket.citizenId));
  others.delete(who.citizenId);
  others.delete(null);
  for (const citizenId of others as Set<string>) {
    const linked = await tx.channelIdentity.count({ where: { citizenId } });
    const referred = await tx.ticket.count({ where: { citizenId } });
    if (linked === 0 && referred === 0) {
      await tx.citizen.update({ where: { id: citizenId }, data: blank });
    }
  }
}
