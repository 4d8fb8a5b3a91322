/**
 * Files a help request or complaint: picks the resident's desa Puskesos,
 * refuses a second open request for the same person and service, draws a
 * tracking code no ticket has (the insert itself checks it), starts the SLA
 * clock in working days and writes the first public audit event with the
 * ticket. Runs inside the caller's transaction.
 */

import { isOpen, type TicketStatus } from '../core/ticket-lifecycle.ts';
import { drawUniqueTrackingCode, type TicketKind } from '../core/tracking-code.ts';
import { addWorkingDays } from '../core/working-days.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import { sealText } from '../security/sealed-text.ts';
import { announceNewTicket } from '../staff-desk/announcements.ts';
import type { Tx } from '../store/database.ts';
import { sortableId } from '../store/sortable-id.ts';
import type { TicketCreatedEvent, TicketInsert, TurnStatements } from '../store/turn-statements.ts';
import {
  type CitizenLink,
  findNikHolder,
  kkHash,
  type NikHolder,
  nikHash,
  type PersonDetails,
  upsertCitizen,
} from './citizen-record.ts';
import { recordNikClaim } from './nik-claim.ts';

export type IdentityMode = 'named' | 'confidential' | 'anonymous';

/** Complaints follow LAPOR!'s five working days unless their topic says otherwise. */
export const COMPLAINT_SLA_DAYS = 5;

export interface TicketDraft {
  kind: TicketKind;
  serviceCode?: string | undefined;
  topic?: string | undefined;
  description: string;
  desaCode: string;
  identityMode: IdentityMode;
  person?: PersonDetails | undefined;
  /** identity could not be checked in chat: staff verify it first */
  needsVerification: boolean;
  attachmentIds?: string[] | undefined;
  location?: { latitude: number; longitude: number } | undefined;
  channel: string;
  identityId: string;
}

export interface OpenedTicket {
  id: string;
  code: string;
  unitName: string;
  slaDueAt: Date;
}

export type OpenTicketResult =
  | { ok: true; ticket: OpenedTicket }
  | { ok: false; duplicate: { code: string; status: TicketStatus } };

export interface OpenTicketDeps {
  tx: Tx;
  /** the turn's raw statements: the filing's own rows go through them */
  sql: TurnStatements;
  cipher: FieldCipher;
  /** holidays for the SLA, names for the staff announcement */
  ref: ReferenceData;
  now: Date;
}

/**
 * The open request of this person for this service, if the filing chat may
 * know of it. A chat typing a NIK it does not speak for learns nothing: its
 * request is filed and staff see the claim.
 */
export async function findOpenDuplicate(
  deps: OpenTicketDeps,
  person: PersonDetails | undefined,
  serviceCode: string,
  identityId: string,
): Promise<{ code: string; status: TicketStatus } | null> {
  const holder = person?.nik
    ? await findNikHolder(deps.tx, deps.cipher, identityId, person.nik)
    : null;
  return openDuplicate(deps, person, serviceCode, holder);
}

/** findOpenDuplicate with the NIK's holder already looked up (null: none, or no NIK typed). */
async function openDuplicate(
  deps: OpenTicketDeps,
  person: PersonDetails | undefined,
  serviceCode: string,
  holder: NikHolder | null,
): Promise<{ code: string; status: TicketStatus } | null> {
  if (holder && !holder.ownChat) return null;
  const nik = person?.nik ? nikHash(deps.cipher, person.nik) : null;
  const kk = person?.kk ? kkHash(deps.cipher, person.kk) : null;
  if (nik === null && kk === null) return null;
  const tickets = await deps.sql.personTickets(nik, kk);
  const existing = tickets.find(
    (ticket) =>
      ticket.kind === 'permohonan' &&
      ticket.serviceCode === serviceCode &&
      isOpen(ticket.status as TicketStatus),
  );
  return existing ? { code: existing.code, status: existing.status as TicketStatus } : null;
}

async function serviceSlaDays(deps: OpenTicketDeps, code: string): Promise<number> {
  const known = deps.ref.service(code)?.slaDays;
  if (known !== undefined) return known;
  const row = await deps.tx.service.findUnique({ where: { code }, select: { slaDays: true } });
  return row?.slaDays ?? COMPLAINT_SLA_DAYS;
}

export async function openTicket(
  deps: OpenTicketDeps,
  draft: TicketDraft,
): Promise<OpenTicketResult> {
  const { tx, now } = deps;
  const anonymous = draft.identityMode === 'anonymous';
  const checksDuplicate = draft.kind === 'permohonan' && Boolean(draft.serviceCode);
  // Looked up once for both the duplicate check and the citizen record.
  const nik = draft.person?.nik;
  const holder =
    nik && (checksDuplicate || !anonymous)
      ? await findNikHolder(tx, deps.cipher, draft.identityId, nik)
      : null;
  if (checksDuplicate) {
    const duplicate = await openDuplicate(deps, draft.person, draft.serviceCode as string, holder);
    if (duplicate) return { ok: false, duplicate };
  }
  const [unit] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "Unit" WHERE "code" = ${draft.desaCode}`;
  if (!unit) throw new Error(`no unit for desa ${draft.desaCode}`);
  const slaDays = draft.serviceCode
    ? await serviceSlaDays(deps, draft.serviceCode)
    : COMPLAINT_SLA_DAYS;
  const link: CitizenLink | null =
    anonymous || !draft.person
      ? null
      : await upsertCitizen(
          tx,
          deps.sql,
          deps.cipher,
          draft.identityId,
          { ...draft.person, domicileCode: draft.desaCode },
          now,
          holder,
        );
  const citizenId = link?.citizenId ?? null;
  // Whoever typed someone else's NIK is checked by staff before anything is done.
  const needsVerification = draft.needsVerification || Boolean(link?.claim);
  const slaDueAt = addWorkingDays(now, slaDays, deps.ref.holidays);
  const id = sortableId();
  const ticketRow: Omit<TicketInsert, 'code'> = {
    id,
    kind: draft.kind,
    citizenId,
    identityMode: draft.identityMode,
    unitId: unit.id,
    serviceCode: draft.serviceCode ?? null,
    topic: draft.topic ?? null,
    // A KDRT story, an illness, a NIK typed inline: sealed like the name.
    description: sealText(deps.cipher, draft.description),
    areaCode: draft.desaCode,
    latitude: draft.location?.latitude ?? null,
    longitude: draft.location?.longitude ?? null,
    needsVerification,
    channel: draft.channel,
    // An anonymous complainant leaves no trace of who they are, not even the chat.
    originIdentityId: anonymous ? null : draft.identityId,
    slaDueAt,
    firstResponseDueAt: addWorkingDays(now, 1, deps.ref.holidays),
    now,
  };
  const created: TicketCreatedEvent = {
    type: 'created',
    actorKind: anonymous ? 'anonim' : 'warga',
    // a chat typing someone else's NIK is not that person
    actorId: link?.claim ? null : citizenId,
    toStatus: 'BARU',
    after: JSON.stringify({
      kind: draft.kind,
      serviceCode: draft.serviceCode ?? null,
      topic: draft.topic ?? null,
      unit: draft.desaCode,
      identityMode: draft.identityMode,
      needsVerification,
      slaDueAt: slaDueAt.toISOString(),
    }),
    visibility: 'public',
  };
  const code = await drawUniqueTrackingCode(draft.kind, (code) =>
    deps.sql.insertTicket({ ...ticketRow, code }, created),
  );
  const ticket = { id, code };
  if (draft.attachmentIds && draft.attachmentIds.length > 0) {
    await tx.attachment.updateMany({
      where: { id: { in: draft.attachmentIds }, ticketId: null },
      data: { ticketId: ticket.id, ...(anonymous ? { identityId: null } : {}) },
    });
  }
  if (link?.claim) await recordNikClaim(tx, deps.cipher, ticket.id, link.claim, now);
  await announceNewTicket(
    tx,
    deps.cipher,
    deps.ref,
    {
      code: ticket.code,
      kind: draft.kind,
      unitId: unit.id,
      serviceCode: draft.serviceCode ?? null,
      topic: draft.topic ?? null,
      areaCode: draft.desaCode,
      slaDueAt,
    },
    link?.claim ?? null,
    now,
  );
  return { ok: true, ticket: { id: ticket.id, code: ticket.code, unitName: unit.name, slaDueAt } };
}
