/**
 * /tiket KODE. Staff get the whole case: details, public and internal
 * timeline, documents, SLA, and other tickets of the same NIK or household
 * within their reach. A partner gets only what it needs to help: masked NIK,
 * and no identity at all for a confidential or anonymous complaint. What a
 * chat's readers may see (NIK and KK in full only in a staff member's own
 * chat) is decided by the actor's audience, see audience.ts. Every answer
 * that shows a NIK, a KK or documents in full is written to the audit trail
 * (src/audit/personal-data-view.ts) in the command's transaction.
 */

import { z } from 'zod';
import {
  PERSONAL_DATA_VIEWED,
  recordPersonalDataView,
  type ViewedField,
} from '../../audit/personal-data-view.ts';
import { maskIdNumbersIn } from '../../core/mask-personal-data.ts';
import { parseJsonOrNull } from '../../core/parse-json.ts';
import { slaPaused, type TicketStatus } from '../../core/ticket-lifecycle.ts';
import type { HolidaySet } from '../../core/working-days.ts';
import { timeLeft } from '../../core/working-days-left.ts';
import { formatShortDateTime } from '../../i18n/format-date.ts';
import { type Key, type Locale, t } from '../../i18n/translate.ts';
import type { ReferenceData } from '../../runtime/reference-data.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import { openText } from '../../security/sealed-text.ts';
import type { Tx } from '../../store/database.ts';
import { findNikClaim, findNikClaimFlags, type NikClaim } from '../../tickets/nik-claim.ts';
import type { Actor } from '../actor.ts';
import { type Disclosure, disclosureFor } from '../audience.ts';
import { type CommandContext, command, PARTNER, STAFF } from '../command.ts';
import { codeOnly } from '../command-args.ts';
import { eventName } from '../event-names.ts';
import { nikClaimLines } from '../nik-claim-lines.ts';
import { isPlaceholderStaffName } from '../staff-name.ts';
import {
  findTicketInScope,
  partnerReach,
  type TicketScope,
  ticketScope,
} from '../ticket-access.ts';
import { ticketLabels } from '../ticket-labels.ts';

/** Enough for a KTP, a KK, an SKTM and a few photos, without flooding a phone. */
const MAX_FILES_SENT = 10;

/** The newest events that fit a phone screen. */
const TIMELINE_LINES = 15;

export const ticketDetailCommand = command({
  name: 'tiket',
  roles: [...STAFF, ...PARTNER],
  usage: 'staff.usage.tiket',
  args: codeOnly,
  async run(ctx, { code }) {
    // Worked out once: the related tickets are looked up within the same reach.
    const scope = await ticketScope(ctx.tx, ctx.actor, ctx.now);
    const ticket = await findTicketInScope(ctx.tx, scope, code);
    if (!ticket) {
      const partner = ctx.actor.partner;
      if (partner) ctx.reply('partner.notFound', { code, partner: partner.name });
      else ctx.reply('staff.ticketNotFound', { code });
      return;
    }
    const view =
      ctx.actor.role === 'mitra'
        ? { text: await partnerView(ctx, ticket.id), shown: [] }
        : await staffView(ctx, ticket.id, scope);
    ctx.replyText(view.text);
    const sent = await sendFiles(ctx, ticket.id, code);
    await recordPersonalDataView(ctx.tx, {
      ticketId: ticket.id,
      viewer: { kind: ctx.actor.role, id: ctx.actor.staffId },
      fields: [...view.shown, ...(sent > 0 ? (['documents'] as const) : [])],
      channel: ctx.chat.channel,
      now: ctx.now,
    });
  },
});

/** Returns how many were sent. */
async function sendFiles(ctx: CommandContext, ticketId: string, code: string): Promise<number> {
  // Photos of a KTP or KK go to a staff member's own chat only, never to a group or a partner.
  if (ctx.actor.role === 'mitra' || !disclosureFor(ctx.actor.audience).files) return 0;
  const files = await ctx.tx.attachment.findMany({
    where: { ticketId },
    orderBy: { createdAt: 'asc' },
    take: MAX_FILES_SENT,
    select: { id: true, kind: true },
  });
  files.forEach((file, index) => {
    const kind = t(
      ctx.actor.locale,
      file.kind === 'photo' ? 'staff.ticket.photo' : 'staff.ticket.pdf',
    );
    ctx.replyFile(
      t(ctx.actor.locale, 'staff.ticket.documentCaption', {
        code,
        kind,
        n: index + 1,
        total: files.length,
      }),
      file.id,
    );
  });
  return files.length;
}

async function loadTicket(tx: Tx, id: string) {
  return tx.ticket.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      code: true,
      kind: true,
      status: true,
      serviceCode: true,
      topic: true,
      areaCode: true,
      slaDueAt: true,
      description: true,
      identityMode: true,
      unit: { select: { name: true } },
      assignee: { select: { displayName: true } },
      citizen: {
        select: { id: true, nameEnc: true, nikEnc: true, kkEnc: true, nikHash: true, kkHash: true },
      },
      attachments: {
        orderBy: { createdAt: 'asc' },
        select: { kind: true, sizeBytes: true, documentLabel: true, createdAt: true },
      },
    },
  });
}

type Loaded = Awaited<ReturnType<typeof loadTicket>>;

function person(locale: Locale, cipher: FieldCipher, ticket: Loaded, forPartner: boolean) {
  const hidden =
    ticket.identityMode === 'anonymous'
      ? t(locale, 'staff.ticket.anonymous')
      : forPartner && ticket.identityMode === 'confidential'
        ? t(locale, 'staff.ticket.confidential')
        : null;
  const none = t(locale, 'staff.ticket.none');
  if (hidden || !ticket.citizen) return { name: hidden ?? none, nik: none, kk: none };
  const open = (sealed: string | null) => (sealed ? cipher.decrypt(sealed) : null);
  return {
    name: open(ticket.citizen.nameEnc) ?? none,
    nik: open(ticket.citizen.nikEnc) ?? none,
    kk: open(ticket.citizen.kkEnc) ?? none,
  };
}

async function staffView(
  { tx, cipher, actor, ref, now }: CommandContext,
  id: string,
  scope: TicketScope,
): Promise<{ text: string; shown: ViewedField[] }> {
  const locale = actor.locale;
  const ticket = await loadTicket(tx, id);
  const labels = ticketLabels(ref, locale, ticket);
  const who = person(locale, cipher, ticket, false);
  const show = disclosureFor(actor.audience);
  // The name and KK a claim typed are opened only where they are shown: a staff member's own chat.
  const claim: (Pick<NikClaim, 'nameDiffers' | 'kkDiffers'> & Partial<NikClaim>) | null =
    actor.audience === 'owner'
      ? await findNikClaim(tx, cipher, ticket.id)
      : await findNikClaimFlags(tx, ticket.id);
  const lines = [
    t(locale, 'staff.ticket.detail', {
      code: ticket.code,
      kind: labels.kind,
      status: ticket.status,
      about: labels.about,
      desa: labels.desa,
      unit: ticket.unit.name,
      person: show.name(who.name),
      nik: show.idNumber(who.nik),
      kk: show.idNumber(who.kk),
      due: labels.due,
      left: timeLeftLabel(locale, ticket, now, ref.holidays),
      assignee: ticket.assignee?.displayName ?? t(locale, 'staff.ticket.nobody'),
      description: show.freeText(openText(cipher, ticket.description)),
      documents: documentList(locale, ticket.attachments),
    }),
    ...(claim ? nikClaimLines(locale, ticket.code, claim) : []),
    t(locale, 'staff.ticket.timeline'),
    ...(await timeline({ tx, cipher, now }, locale, ticket.id, show)),
    await related(tx, actor, ref, ticket, scope),
  ];
  return {
    text: lines.join('\n'),
    shown: shownInFull(actor, ticket, Boolean(claim?.claimed?.kk)),
  };
}

/** What this answer showed unmasked: only a staff member's own chat sees anything in full. */
function shownInFull(actor: Actor, ticket: Loaded, claimedKkShown: boolean): ViewedField[] {
  if (actor.audience !== 'owner') return [];
  const identified = ticket.identityMode !== 'anonymous' && ticket.citizen;
  return [
    ...(identified && ticket.citizen?.nikEnc ? (['nik'] as const) : []),
    ...(identified && ticket.citizen?.kkEnc ? (['kk'] as const) : []),
    ...(claimedKkShown ? (['claimedKk'] as const) : []),
  ];
}

/** "sisa 2 hari kerja", "lewat 1 hari kerja" or "dijeda: menunggu warga". */
function timeLeftLabel(locale: Locale, ticket: Loaded, now: Date, holidays: HolidaySet): string {
  const left = timeLeft(
    { dueAt: ticket.slaDueAt, paused: slaPaused(ticket.status as TicketStatus) },
    now,
    holidays,
  );
  if (left.kind === 'paused') return t(locale, 'staff.time.paused');
  if (left.kind === 'none') return t(locale, 'staff.ticket.none');
  return t(locale, left.kind === 'late' ? 'staff.time.late' : 'staff.time.left', {
    days: left.workingDays,
  });
}

/** "2: foto 240 KB (27 Nov), PDF 1.2 MB (27 Nov)": what the resident sent, at a glance. */
function documentList(locale: Locale, attachments: Loaded['attachments']): string {
  if (attachments.length === 0) return '0';
  const items = attachments.map((a) =>
    t(locale, 'staff.ticket.document', {
      kind: t(locale, a.kind === 'photo' ? 'staff.ticket.photo' : 'staff.ticket.pdf'),
      size:
        a.sizeBytes >= 1024 * 1024
          ? `${(a.sizeBytes / 1024 / 1024).toFixed(1)} MB`
          : `${Math.max(1, Math.round(a.sizeBytes / 1024))} KB`,
      label: a.documentLabel ? ` ${a.documentLabel}` : '',
    }),
  );
  return `${attachments.length}: ${items.join(', ')}`;
}

/** One line of the history, before it is written out. */
interface TimelineEntry {
  at: Date;
  who: string;
  what: string;
  internal: boolean;
}

/**
 * The ticket's history as staff follow a case: its events, the resident's own
 * messages from the two-way thread, and the rating with its comment. Each line
 * says when (day and time of day, Jakarta time) and who: the staff member by
 * role and name, a partner by its name, "Warga" for the resident.
 */
async function timeline(
  ctx: Pick<CommandContext, 'tx' | 'cipher' | 'now'>,
  locale: Locale,
  ticketId: string,
  show: Disclosure,
): Promise<string[]> {
  const { tx, cipher } = ctx;
  // Views are counted in the audit trail (`npm run slrt -- audit`); listed here, every
  // /tiket would add a line and push the ticket's own history off the screen.
  // One after the other: they share the command's one connection.
  const events = await tx.ticketEvent.findMany({
    where: { ticketId, type: { not: PERSONAL_DATA_VIEWED } },
    // Events of one command share its time; their ids keep the order they were written in.
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: TIMELINE_LINES,
  });
  const messages = await tx.threadMessage.findMany({
    where: { ticketId, direction: 'from_citizen' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: TIMELINE_LINES,
    select: { text: true, createdAt: true },
  });
  const ratings = await tx.feedback.findMany({
    where: { ticketId, resolved: true },
    select: { rating: true, comment: true, createdAt: true },
  });
  const who = await actorNames(tx, locale, events, show);
  const comments = new Map(ratings.map((r) => [r.createdAt.getTime(), r]));
  const entries: TimelineEntry[] = [
    ...events.reverse().map((event) => ({
      at: event.createdAt,
      who: who(event),
      what: eventText(locale, cipher, event, comments, show),
      internal: event.visibility === 'internal',
    })),
    ...messages.reverse().map((message) => ({
      at: message.createdAt,
      who: t(locale, 'staff.actor.warga'),
      // A resident types their NIK here as often as anywhere; the history never repeats it.
      what: `${t(locale, 'staff.ticket.residentMessage')} ${show.freeText(
        maskIdNumbersIn(cipher.decrypt(message.text)),
      )}`,
      internal: false,
    })),
  ];
  return entries
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(-TIMELINE_LINES)
    .map((entry) =>
      t(locale, 'staff.ticket.event', {
        when: formatShortDateTime(locale, entry.at, ctx.now),
        who: entry.who,
        what: `${entry.internal ? t(locale, 'staff.ticket.internal') : ''}${entry.what}`,
      }),
    );
}

type EventRow = {
  type: string;
  actorKind: string;
  actorId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  after: string | null;
  message: string | null;
  createdAt: Date;
};

/** What happened: the event's name, a status move, and what was typed with it. */
function eventText(
  locale: Locale,
  cipher: FieldCipher,
  event: EventRow,
  ratings: Map<number, { rating: number | null; comment: string | null }>,
  show: Disclosure,
): string {
  const status =
    event.toStatus && event.fromStatus !== event.toStatus
      ? [event.fromStatus, '→', event.toStatus].filter(Boolean).join(' ')
      : '';
  const message = openText(cipher, event.message) ?? '';
  const rating = event.type === 'feedback' ? ratingText(locale, cipher, event, ratings) : '';
  return [eventName(locale, event.type), status, rating, show.freeText(message)]
    .filter(Boolean)
    .join(' ');
}

/** "4/5: pelayanannya cepat", from the feedback event and its sealed comment. */
function ratingText(
  locale: Locale,
  cipher: FieldCipher,
  event: EventRow,
  ratings: Map<number, { rating: number | null; comment: string | null }>,
): string {
  const parsed = feedbackAfter.safeParse(parseJsonOrNull(event.after));
  // recordFeedback writes the row and its event with the same time.
  const row = ratings.get(event.createdAt.getTime());
  const value = row?.rating ?? (parsed.success ? parsed.data.rating : undefined);
  if (value === undefined || value === null) return '';
  const comment = maskIdNumbersIn(openText(cipher, row?.comment ?? null) ?? '');
  return t(locale, comment ? 'staff.ticket.ratingWithComment' : 'staff.ticket.rating', {
    rating: value,
    comment,
  });
}

const feedbackAfter = z.object({ rating: z.number().int().min(1).max(5) });

/**
 * Who did it, as staff recognise them: "petugas Budi" (the role alone when the
 * chat app gave no name, see staff-name.ts), a partner contact by their
 * organisation, "Warga" for the resident, "Sistem" for the desk itself.
 */
async function actorNames(
  tx: Tx,
  locale: Locale,
  events: readonly EventRow[],
  show: Disclosure,
): Promise<(event: EventRow) => string> {
  const staffIds = [
    ...new Set(events.map((e) => (STAFF_KINDS.has(e.actorKind) ? e.actorId : null))),
  ].filter((v): v is string => v !== null);
  const staff = await tx.staff.findMany({
    where: { id: { in: staffIds } },
    select: {
      id: true,
      displayName: true,
      partner: { select: { name: true } },
      identities: { select: { id: true } },
    },
  });
  const byId = new Map(staff.map((s) => [s.id, s]));
  return (event) => {
    const kind = event.actorKind;
    if (!STAFF_KINDS.has(kind)) {
      return KNOWN_KINDS.has(kind) ? t(locale, `staff.actor.${kind}` as Key) : kind;
    }
    const member = event.actorId ? byId.get(event.actorId) : undefined;
    if (kind === 'mitra' && member?.partner) return member.partner.name;
    const role = t(locale, `staff.role.${kind}` as Key);
    if (
      !member ||
      isPlaceholderStaffName(
        member.displayName,
        member.identities.map((i) => i.id),
      )
    ) {
      return role;
    }
    return t(locale, 'staff.actor.staff', { role, name: show.name(member.displayName) });
  };
}

const STAFF_KINDS: ReadonlySet<string> = new Set(['petugas', 'koordinator', 'admin', 'mitra']);
const KNOWN_KINDS: ReadonlySet<string> = new Set(['warga', 'anonim', 'sistem']);

/** Other tickets of the same person or household, within the actor's reach only. */
async function related(
  tx: Tx,
  actor: Actor,
  ref: ReferenceData,
  ticket: Loaded,
  scope: TicketScope,
): Promise<string> {
  const locale = actor.locale;
  const citizen = ticket.citizen;
  if (!citizen || ticket.identityMode === 'anonymous') return t(locale, 'staff.ticket.noRelated');
  const others = await tx.ticket.findMany({
    where: {
      AND: [
        scope,
        { id: { not: ticket.id } },
        {
          OR: [
            { citizenId: citizen.id },
            ...(citizen.kkHash ? [{ citizen: { kkHash: citizen.kkHash } }] : []),
          ],
        },
      ],
    },
    orderBy: { createdAt: 'desc' },
    take: 10,
    select: {
      code: true,
      kind: true,
      status: true,
      serviceCode: true,
      topic: true,
      areaCode: true,
      citizenId: true,
    },
  });
  if (others.length === 0) return t(locale, 'staff.ticket.noRelated');
  const lines: string[] = [];
  for (const other of others) {
    lines.push(
      t(locale, 'staff.ticket.relatedLine', {
        code: other.code,
        status: other.status,
        about: ticketLabels(ref, locale, other).about,
        relation: t(
          locale,
          other.citizenId === citizen.id ? 'staff.ticket.sameNik' : 'staff.ticket.sameKk',
        ),
      }),
    );
  }
  return t(locale, 'staff.ticket.related', { list: lines.join('\n') });
}

async function partnerView({ tx, cipher, actor, ref, now }: CommandContext, id: string) {
  const locale = actor.locale;
  const ticket = await loadTicket(tx, id);
  const referral = await tx.referral.findFirstOrThrow({
    where: { ticketId: id, ...partnerReach(actor.partner?.id ?? '', now) },
    orderBy: { createdAt: 'desc' },
    select: { status: true, note: true },
  });
  const labels = ticketLabels(ref, locale, ticket);
  const who = person(locale, cipher, ticket, true);
  // A partner never sees a NIK in full, even in its own chat.
  const show = disclosureFor(actor.audience === 'owner' ? 'colleagues' : actor.audience);
  return t(locale, 'partner.referral.detail', {
    code: ticket.code,
    status: referral.status,
    about: labels.about,
    desa: labels.desa,
    unit: ticket.unit.name,
    person: show.name(who.name),
    nik: show.idNumber(who.nik),
    description: show.freeText(openText(cipher, ticket.description)),
    note: show.freeText(openText(cipher, referral.note)) || t(locale, 'staff.ticket.none'),
  });
}
