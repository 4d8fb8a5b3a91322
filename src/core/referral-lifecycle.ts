import type { TicketAction } from './ticket-lifecycle.ts';

/**
 * The referral lifecycle (after Primero's), as an explicit, pure transition table.
 *
 * A referral sends one ticket to one partner (mitra). The partner accepts or rejects it and
 * later reports the outcome; the referring unit may cancel it while it is still alive.
 * Every way a referral can end without help for the resident carries a written reason, so
 * the unit that gets the ticket back knows what to do next.
 *
 * @example
 * moveReferral('TERKIRIM', { type: 'accept' }); // { ok: true, to: 'DITERIMA' }
 * moveReferral('TERKIRIM', { type: 'reject', reason: '' });
 * // { ok: false, reason: { code: 'referral.reasonRequired' } }
 */

/** Every referral status, happy path first. */
export const REFERRAL_STATUSES = [
  'TERKIRIM',
  'DITERIMA',
  'SELESAI',
  'DITOLAK',
  'DIBATALKAN',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** `accept`, `reject` and `complete` belong to the partner; `cancel` to the referring unit. */
export const REFERRAL_ACTIONS = ['accept', 'reject', 'complete', 'cancel'] as const;
export type ReferralActionType = (typeof REFERRAL_ACTIONS)[number];

export const REFERRAL_OUTCOMES = ['berhasil', 'tidak_berhasil'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/**
 * An action with its payload. Reasons are the partner's or unit's own words (free text):
 * partners are outside organisations and their reasons do not fit a fixed list.
 */
export type ReferralAction =
  | { type: 'accept' }
  | { type: 'reject'; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'complete'; outcome: 'berhasil'; reason?: string }
  | { type: 'complete'; outcome: 'tidak_berhasil'; reason: string };

type Row = Readonly<Partial<Record<ReferralActionType, ReferralStatus>>>;

/** The whole lifecycle: `REFERRAL_TRANSITIONS[from][action]` is the target, absent = illegal. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, Row>> = {
  TERKIRIM: { accept: 'DITERIMA', reject: 'DITOLAK', cancel: 'DIBATALKAN' },
  DITERIMA: { complete: 'SELESAI', cancel: 'DIBATALKAN' },
  SELESAI: {},
  DITOLAK: {},
  DIBATALKAN: {},
};

/** Why a move was refused; `code` is also the locale catalog key for the message. */
export type ReferralRefusal =
  | { code: 'referral.illegalMove'; from: string; action: string }
  | { code: 'referral.reasonRequired' }
  | { code: 'referral.outcomeRequired' };

export type ReferralMove =
  | { ok: true; to: ReferralStatus }
  | { ok: false; reason: ReferralRefusal };

/**
 * Decides a move without doing it. Legality is checked before the payload, so an illegal
 * move is reported as such even when its reason is missing too.
 *
 * @example
 * moveReferral('DITERIMA', { type: 'complete', outcome: 'tidak_berhasil', reason: 'Kuota habis' });
 * // { ok: true, to: 'SELESAI' }
 */
export function moveReferral(from: ReferralStatus, action: ReferralAction): ReferralMove {
  const row: Row | undefined = Object.hasOwn(REFERRAL_TRANSITIONS, from)
    ? REFERRAL_TRANSITIONS[from]
    : undefined;
  const target = row && Object.hasOwn(row, action.type) ? row[action.type] : undefined;
  if (target === undefined) {
    return refuse({ code: 'referral.illegalMove', from, action: action.type });
  }
  if (action.type === 'complete') {
    if (!(REFERRAL_OUTCOMES as readonly string[]).includes(action.outcome)) {
      return refuse({ code: 'referral.outcomeRequired' });
    }
    if (action.outcome === 'tidak_berhasil' && !hasText(action.reason)) {
      return refuse({ code: 'referral.reasonRequired' });
    }
  }
  if ((action.type === 'reject' || action.type === 'cancel') && !hasText(action.reason)) {
    return refuse({ code: 'referral.reasonRequired' });
  }
  return { ok: true, to: target };
}

/** The actions a referral in `status` accepts, in `REFERRAL_ACTIONS` order. */
export function allowedReferralActions(status: ReferralStatus): ReferralActionType[] {
  const row = REFERRAL_TRANSITIONS[status];
  return REFERRAL_ACTIONS.filter((action) => Object.hasOwn(row, action));
}

/** Open = the partner or the unit still has to act (TERKIRIM or DITERIMA). */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status === 'TERKIRIM' || status === 'DITERIMA';
}

/**
 * What an accepted referral move does to its ticket. Every ending without help (rejected,
 * cancelled, not successful) returns the ticket to the unit's queue (DIVERIFIKASI), so the
 * unit decides again; a successful outcome completes the ticket.
 * Apply it only after `moveReferral` said ok, to a ticket in DIRUJUK or DIPROSES.
 *
 * @example
 * ticketActionFor({ type: 'reject', reason: 'Bukan wilayah kami' }); // { type: 'referral_rejected' }
 */
export function ticketActionFor(action: ReferralAction): TicketAction {
  switch (action.type) {
    case 'accept':
      return { type: 'referral_accepted' };
    case 'reject':
      return { type: 'referral_rejected' };
    case 'cancel':
      return { type: 'referral_cancelled' };
    case 'complete':
      return { type: action.outcome === 'berhasil' ? 'complete' : 'referral_failed' };
  }
}

function hasText(value: string | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function refuse(reason: ReferralRefusal): ReferralMove {
  return { ok: false, reason };
}
