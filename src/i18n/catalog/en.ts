import type { id } from './id.ts';

/**
 * English, for residents and staff who prefer it. Typed against the id catalog: a missing
 * key does not compile.
 */
export const en: Record<keyof typeof id, string> = {
  // NIK
  'nik.empty': 'Please send your NIK. It is the 16-digit number on your KTP (ID card).',
  'nik.letters': 'A NIK has only numbers. Please send the 16 digits, with no letters.',
  'nik.lookalike':
    'A NIK has only numbers. There seems to be a letter O or I. Please use the number 0 or 1 instead.',
  'nik.length.short':
    'A NIK has 16 digits. You sent {count} digits, {missing} too few. Please check your KTP again.',
  'nik.length.long':
    'A NIK has 16 digits. You sent {count} digits, {extra} too many. Please check your KTP again.',
  'nik.unknownRegion':
    'The first 4 digits of the NIK ({region}) are not an area code we know. Please check your KTP again.',
  'nik.birthDate':
    'The birth date inside the NIK is not right. Please check digits 7 to 12 on your KTP.',
  'nik.serial': 'The last 4 digits of a NIK cannot be 0000. Please check your KTP again.',

  // KK
  'kk.empty':
    'Please send your KK number. It is the 16-digit number at the top of your Kartu Keluarga (family card).',
  'kk.letters': 'A KK number has only numbers. Please send the 16 digits, with no letters.',
  'kk.lookalike':
    'A KK number has only numbers. There seems to be a letter O or I. Please use the number 0 or 1 instead.',
  'kk.length.short':
    'A KK number has 16 digits. You sent {count} digits, {missing} too few. Please check your Kartu Keluarga again.',
  'kk.length.long':
    'A KK number has 16 digits. You sent {count} digits, {extra} too many. Please check your Kartu Keluarga again.',
  'kk.unknownRegion':
    'The first 4 digits of the KK number ({region}) are not an area code we know. Please check your Kartu Keluarga again.',

  // Tracking code
  'trackingCode.notFound':
    'We could not find a ticket code. A ticket code looks like this: PB-7K4M2Q.',

  // Ticket moves
  'ticket.illegalMove': 'A ticket with status "{from}" cannot be {action}.',
  'ticket.reasonRequired': 'Please choose a reason for the rejection.',
  'ticket.noteRequired': 'Please write a short reason for the rejection.',
  'ticket.resumeInvalid': 'The ticket cannot go back to that status.',

  // Referral moves
  'referral.illegalMove': 'A referral with status "{from}" cannot be {action}.',
  'referral.reasonRequired': 'Please write a short reason.',
  'referral.outcomeRequired': 'Please choose the result: successful or not successful.',

  // Ticket statuses
  'status.ticket.BARU': 'New',
  'status.ticket.DIVERIFIKASI': 'Checked by staff',
  'status.ticket.DIRUJUK': 'Referred to a partner',
  'status.ticket.DIPROSES': 'Being worked on',
  'status.ticket.SELESAI': 'Done',
  'status.ticket.DITUTUP': 'Closed',
  'status.ticket.MENUNGGU_WARGA': 'Waiting for more from you',
  'status.ticket.DIESKALASI': 'Passed to a higher office',
  'status.ticket.DITOLAK': 'Rejected',
  'status.ticket.DIBUKA_KEMBALI': 'Reopened',

  // Referral statuses
  'status.referral.TERKIRIM': 'Sent to the partner',
  'status.referral.DITERIMA': 'Accepted by the partner',
  'status.referral.SELESAI': 'Done',
  'status.referral.DITOLAK': 'Rejected by the partner',
  'status.referral.DIBATALKAN': 'Cancelled',

  // Ticket actions, worded to fit "cannot be {action}"
  'action.ticket.verify': 'checked',
  'action.ticket.refer': 'referred to a partner',
  'action.ticket.process': 'worked on',
  'action.ticket.referral_accepted': 'accepted by a partner',
  'action.ticket.referral_rejected': 'sent back because the referral was rejected',
  'action.ticket.referral_failed': 'sent back because the referral did not succeed',
  'action.ticket.referral_cancelled': 'sent back because the referral was cancelled',
  'action.ticket.wait_for_citizen': 'put on hold for the resident',
  'action.ticket.citizen_replied': 'resumed after the resident replied',
  'action.ticket.escalate': 'passed to a higher office',
  'action.ticket.complete': 'completed',
  'action.ticket.reject': 'rejected',
  'action.ticket.close': 'closed',
  'action.ticket.reopen': 'reopened',
  'action.ticket.withdraw': "cancelled at the resident's request",

  // Referral actions
  'action.referral.accept': 'accepted',
  'action.referral.reject': 'rejected',
  'action.referral.complete': 'completed',
  'action.referral.cancel': 'cancelled',

  // Why a ticket was rejected
  'ticket.rejectReason.not_eligible': 'Does not meet the requirements',
  'ticket.rejectReason.duplicate': 'Already filed before',
  'ticket.rejectReason.outside_authority': 'Not within our authority',
  'ticket.rejectReason.no_response': 'No reply from you',
  'ticket.rejectReason.other': 'Other reason',

  // Referral outcomes
  'referral.outcome.berhasil': 'Successful',
  'referral.outcome.tidak_berhasil': 'Not successful',
};
