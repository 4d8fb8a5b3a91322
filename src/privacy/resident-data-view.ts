/**
 * "Lihat data saya": what the desk keeps about the resident writing, as one
 * message in their language. Every personal field is masked the way the rest
 * of the desk masks it (NIK and KK `3204********0001`, names `S*** A*****`),
 * because a phone is often shared in a household; the ciphertext is opened
 * only to be masked. Photos are counted, never sent back.
 *
 * @example
 * await describeResidentData({ tx, cipher, ref, locale: 'id' }, { identityId, citizenId });
 * // 'Data Anda yang kami simpan (sebagian disamarkan):\nNama: S*** A*****\nNIK: 3204********0001…'
 */
import { maskName } from '../core/mask-personal-data.ts';
import { maskNik } from '../core/nik.ts';
import { formatLongDate } from '../i18n/format-date.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';
import { CONSENT_PURPOSE } from '../runtime/consent.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import { ticketStatusLabel } from '../tickets/public-timeline.ts';
import {
  type Resident,
  type ResidentTicket,
  residentAttachments,
  residentTickets,
} from '../tickets/resident-tickets.ts';

export interface ViewDeps {
  tx: Tx;
  cipher: FieldCipher;
  ref: ReferenceData;
  locale: Locale;
}

/** A long list still fits one chat message. */
const TICKETS_SHOWN = 20;

export async function describeResidentData(deps: ViewDeps, who: Resident): Promise<string> {
  const { tx, cipher, locale } = deps;
  const citizen = who.citizenId
    ? await tx.citizen.findUnique({
        where: { id: who.citizenId },
        select: { nameEnc: true, nikEnc: true, kkEnc: true, domicileCode: true },
      })
    : null;
  const identity = await tx.channelIdentity.findUnique({
    where: { id: who.identityId },
    select: { channel: true, externalId: true, altExternalId: true },
  });
  const tickets = await residentTickets(tx, who);
  const documents = await residentAttachments(
    tx,
    who,
    tickets.map((ticket) => ticket.id),
  );
  const phone = identity ? chatPhone(identity) : null;
  const hasPersonal = Boolean(citizen?.nameEnc || citizen?.nikEnc || citizen?.kkEnc || phone);
  if (!hasPersonal && tickets.length === 0 && documents.length === 0) {
    return t(locale, 'menu.privacy.myData.nothing');
  }
  const none = t(locale, 'menu.privacy.notStored');
  const open = (sealed: string | null | undefined, mask: (plain: string) => string) =>
    sealed ? mask(cipher.decrypt(sealed)) : none;
  const desa = citizen?.domicileCode ? deps.ref.areaName(citizen.domicileCode) : undefined;
  return t(locale, 'menu.privacy.myData', {
    name: open(citizen?.nameEnc, maskName),
    nik: open(citizen?.nikEnc, maskNik),
    kk: open(citizen?.kkEnc, maskNik),
    desa: desa ? maskName(desa) : none,
    phone: phone ? maskNik(phone) : none,
    consent: await consentLine(tx, locale, who.identityId),
    documents: documents.length,
    tickets: ticketLines(deps, tickets),
  });
}

/** The phone number behind a WhatsApp chat; Telegram and the simulator have none. */
export function chatPhone(identity: {
  channel: string;
  externalId: string;
  altExternalId: string | null;
}): string | null {
  if (identity.channel !== 'whatsapp') return null;
  const jid = [identity.externalId, identity.altExternalId].find((id) =>
    id?.endsWith('@s.whatsapp.net'),
  );
  return jid ? (jid.split('@')[0]?.split(':')[0] ?? null) : null;
}

async function consentLine(tx: Tx, locale: Locale, identityId: string): Promise<string> {
  const latest = await tx.consent.findFirst({
    where: { identityId, purpose: CONSENT_PURPOSE },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { granted: true, createdAt: true },
  });
  if (!latest) return t(locale, 'menu.privacy.consent.never');
  const date = formatLongDate(locale, latest.createdAt);
  return t(
    locale,
    latest.granted ? 'menu.privacy.consent.given' : 'menu.privacy.consent.withdrawn',
    {
      date,
    },
  );
}

function ticketLines(deps: ViewDeps, tickets: readonly ResidentTicket[]): string {
  if (tickets.length === 0) return t(deps.locale, 'menu.privacy.noTickets');
  return tickets
    .slice(0, TICKETS_SHOWN)
    .map((ticket) =>
      t(deps.locale, 'menu.privacy.ticketLine', {
        code: ticket.code,
        service: serviceOf(deps, ticket),
        status: ticketStatusLabel(deps.locale, ticket.status),
      }),
    )
    .join('\n');
}

function serviceOf(deps: ViewDeps, ticket: ResidentTicket): string {
  const service = ticket.serviceCode ? deps.ref.service(ticket.serviceCode) : undefined;
  if (service) return service.name[deps.locale];
  const topic = `complaint.topic.${ticket.topic}` as Key;
  const named = ticket.topic ? t(deps.locale, topic) : '';
  return named && named !== topic ? named : t(deps.locale, 'menu.privacy.complaint');
}
