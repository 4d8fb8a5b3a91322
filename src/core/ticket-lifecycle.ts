/**
 * The ticket lifecycle as an explicit, pure transition table.
 *
 * Staff commands, resident replies, partner answers and the SLA scheduler all ask the same
 * question ("may this ticket do X now?") and get the same answer from here. Moves are named
 * actions rather than target statuses, so the audit trail can say *why* a status changed
 * (a referral was rejected, the resident replied…) and a refusal can say what was attempted.
 *
 * Who holds the case decides what may happen:
 * - the unit holds it in BARU, DIVERIFIKASI, DIPROSES, DIESKALASI and DIBUKA_KEMBALI, so only
 *   there may it wait for the resident, escalate or reject;
 * - a partner holds it in DIRUJUK, so only the referral's outcome moves it on (cancel the
 *   referral first to take it back);
 * - SELESAI waits for the resident's confirmation; DITUTUP and DITOLAK are final;
 * - `withdraw` closes any ticket not yet final when the resident has their data erased
 *   ("Hapus data saya"): nobody is left to help, and whoever holds the case stops.
 *
 * @example
 * moveTicket('BARU', { type: 'verify' }); // { ok: true, to: 'DIVERIFIKASI' }
 * moveTicket('BARU', { type: 'close' }); // { ok: false, reason: { code: 'ticket.illegalMove', … } }
 */

/** Every ticket status, happy path first (BARU → … → DITUTUP). */
export const TICKET_STATUSES = [
  'BARU',
  'DIVERIFIKASI',
  'DIRUJUK',
  'DIPROSES',
  'SELESAI',
  'DITUTUP',
  'MENUNGGU_WARGA',
  'DIESKALASI',
  'DITOLAK',
  'DIBUKA_KEMBALI',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Every named action. `referral_*` actions are what a referral's outcome does to its ticket
 * (see `ticketActionFor` in referral-lifecycle.ts); the others are staff or resident acts.
 */
export const TICKET_ACTIONS = [
  'verify',
  'refer',
  'process',
  'referral_accepted',
  'referral_rejected',
  'referral_failed',
  'referral_cancelled',
  'wait_for_citizen',
  'citizen_replied',
  'escalate',
  'complete',
  'reject',
  'close',
  'reopen',
  'withdraw',
] as const;
export type TicketActionType = (typeof TICKET_ACTIONS)[number];

/**
 * Why a ticket is rejected. `no_response` gives MENUNGGU_WARGA a way out when the resident
 * never answers; `other` needs a short note so the resident is never told "rejected" alone.
 */
export const TICKET_REJECT_REASONS = [
  'not_eligible',
  'duplicate',
  'outside_authority',
  'no_response',
  'other',
] as const;
export type TicketRejectReason = (typeof TICKET_REJECT_REASONS)[number];

/**
 * An action with its payload. `citizen_replied` carries the status to resume: the ticket
 * store remembers the status it had before MENUNGGU_WARGA and passes it back here, which
 * keeps this module free of history while still checking the resume target.
 */
export type TicketAction =
  | { type: Exclude<TicketActionType, 'reject' | 'citizen_replied'> }
  | { type: 'reject'; reason: TicketRejectReason; note?: string }
  | { type: 'citizen_replied'; resumeTo: TicketStatus };

/** Table target meaning "the status given in `citizen_replied.resumeTo`". */
export const RESUME_PREVIOUS = 'RESUME_PREVIOUS';

type Row = Readonly<Partial<Record<TicketActionType, TicketStatus | typeof RESUME_PREVIOUS>>>;

/** The whole lifecycle: `TICKET_TRANSITIONS[from][action]` is the target, absent = illegal. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, Row>> = {
  BARU: {
    verify: 'DIVERIFIKASI',
    wait_for_citizen: 'MENUNGGU_WARGA',
    escalate: 'DIESKALASI',
    reject: 'DITOLAK',
    withdraw: 'DITUTUP',
  },
  DIVERIFIKASI: {
    refer: 'DIRUJUK',
    process: 'DIPROSES',
    wait_for_citizen: 'MENUNGGU_WARGA',
    escalate: 'DIESKALASI',
    reject: 'DITOLAK',
    withdraw: 'DITUTUP',
  },
  DIRUJUK: {
    referral_accepted: 'DIPROSES',
    referral_rejected: 'DIVERIFIKASI',
    referral_cancelled: 'DIVERIFIKASI',
    withdraw: 'DITUTUP',
  },
  DIPROSES: {
    complete: 'SELESAI',
    refer: 'DIRUJUK',
    referral_failed: 'DIVERIFIKASI',
    referral_cancelled: 'DIVERIFIKASI',
    wait_for_citizen: 'MENUNGGU_WARGA',
    escalate: 'DIESKALASI',
    reject: 'DITOLAK',
    withdraw: 'DITUTUP',
  },
  SELESAI: { close: 'DITUTUP', reopen: 'DIBUKA_KEMBALI', withdraw: 'DITUTUP' },
  DITUTUP: {},
  MENUNGGU_WARGA: { citizen_replied: RESUME_PREVIOUS, reject: 'DITOLAK', withdraw: 'DITUTUP' },
  DIESKALASI: {
    verify: 'DIVERIFIKASI',
    refer: 'DIRUJUK',
    process: 'DIPROSES',
    wait_for_citizen: 'MENUNGGU_WARGA',
    escalate: 'DIESKALASI',
    reject: 'DITOLAK',
    withdraw: 'DITUTUP',
  },
  DITOLAK: {},
  DIBUKA_KEMBALI: {
    refer: 'DIRUJUK',
    process: 'DIPROSES',
    wait_for_citizen: 'MENUNGGU_WARGA',
    escalate: 'DIESKALASI',
    reject: 'DITOLAK',
    withdraw: 'DITUTUP',
  },
};

/** Statuses a ticket may wait from, and so the only ones `citizen_replied` may resume to. */
export const RESUMABLE_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (status) => TICKET_TRANSITIONS[status].wait_for_citizen === 'MENUNGGU_WARGA',
);

/** Why a move was refused; `code` is also the locale catalog key for the message. */
export type TicketRefusal =
  | { code: 'ticket.illegalMove'; from: string; action: string }
  | { code: 'ticket.reasonRequired' }
  | { code: 'ticket.noteRequired' }
  | { code: 'ticket.resumeInvalid'; resumeTo: string };

export type TicketMove = { ok: true; to: TicketStatus } | { ok: false; reason: TicketRefusal };

/**
 * Decides a move without doing it. The legality of the move is checked before its payload,
 * so "close a BARU ticket" is always reported as an illegal move, never as a missing field.
 *
 * @example
 * moveTicket('MENUNGGU_WARGA', { type: 'citizen_replied', resumeTo: 'DIPROSES' });
 * // { ok: true, to: 'DIPROSES' }
 */
export function moveTicket(from: TicketStatus, action: TicketAction): TicketMove {
  const row: Row | undefined = Object.hasOwn(TICKET_TRANSITIONS, from)
    ? TICKET_TRANSITIONS[from]
    : undefined;
  const target = row && Object.hasOwn(row, action.type) ? row[action.type] : undefined;
  if (target === undefined) {
    return refuse({ code: 'ticket.illegalMove', from, action: action.type });
  }
  if (action.type === 'reject') {
    if (!(TICKET_REJECT_REASONS as readonly string[]).includes(action.reason)) {
      return refuse({ code: 'ticket.reasonRequired' });
    }
    if (action.reason === 'other' && !action.note?.trim()) {
      return refuse({ code: 'ticket.noteRequired' });
    }
  }
  if (target === RESUME_PREVIOUS) {
    const resumeTo = action.type === 'citizen_replied' ? action.resumeTo : undefined;
    if (resumeTo === undefined || !RESUMABLE_STATUSES.includes(resumeTo)) {
      return refuse({ code: 'ticket.resumeInvalid', resumeTo: String(resumeTo) });
    }
    return { ok: true, to: resumeTo };
  }
  return { ok: true, to: target };
}

/** The actions a ticket in `status` accepts, in `TICKET_ACTIONS` order (for menus/commands). */
export function allowedActions(status: TicketStatus): TicketActionType[] {
  const row = TICKET_TRANSITIONS[status];
  return TICKET_ACTIONS.filter((action) => Object.hasOwn(row, action));
}

/** Open = someone still owes the resident something (not SELESAI, DITUTUP or DITOLAK). */
export function isOpen(status: TicketStatus): boolean {
  return status !== 'SELESAI' && status !== 'DITUTUP' && status !== 'DITOLAK';
}

/** The SLA clock stops while the desk waits for the resident (MENUNGGU_WARGA). */
export function slaPaused(status: TicketStatus): boolean {
  return status === 'MENUNGGU_WARGA';
}

function refuse(reason: TicketRefusal): TicketMove {
  return { ok: false, reason };
}
