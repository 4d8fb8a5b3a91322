import type { id } from './id.ts';

/**
 * Basa Sunda, in polite (lemes) register fit for a government service, addressing the
 * resident as "Bapa/Ibu". Typed against the id catalog: a missing key does not compile.
 */
export const su: Record<keyof typeof id, string> = {
  // NIK
  'nik.empty': 'Mangga kintunkeun NIK Bapa/Ibu. NIK aya dina KTP, eusina 16 angka.',
  'nik.letters': 'NIK mung angka wungkul. Mangga kintunkeun 16 angka wungkul, tanpa hurup.',
  'nik.lookalike':
    'NIK mung angka wungkul. Sigana aya hurup O atanapi I. Mangga gentos ku angka 0 atanapi 1.',
  'nik.length.short':
    'NIK kedah 16 angka. Nu dikintunkeun {count} angka, kirang {missing}. Mangga pariksa deui dina KTP.',
  'nik.length.long':
    'NIK kedah 16 angka. Nu dikintunkeun {count} angka, langkung {extra}. Mangga pariksa deui dina KTP.',
  'nik.unknownRegion':
    'Opat angka munggaran NIK ({region}) sanés kode daérah anu kami terang. Mangga pariksa deui dina KTP.',
  'nik.birthDate':
    'Tanggal lahir dina NIK teu cocog. Mangga pariksa angka ka-7 dugi ka-12 dina KTP.',
  'nik.serial': 'Opat angka pamungkas NIK moal mungkin 0000. Mangga pariksa deui dina KTP.',

  // KK
  'kk.empty':
    'Mangga kintunkeun nomer KK Bapa/Ibu. Nomerna aya di bagian luhur Kartu Keluarga, eusina 16 angka.',
  'kk.letters': 'Nomer KK mung angka wungkul. Mangga kintunkeun 16 angka wungkul, tanpa hurup.',
  'kk.lookalike':
    'Nomer KK mung angka wungkul. Sigana aya hurup O atanapi I. Mangga gentos ku angka 0 atanapi 1.',
  'kk.length.short':
    'Nomer KK kedah 16 angka. Nu dikintunkeun {count} angka, kirang {missing}. Mangga pariksa deui dina Kartu Keluarga.',
  'kk.length.long':
    'Nomer KK kedah 16 angka. Nu dikintunkeun {count} angka, langkung {extra}. Mangga pariksa deui dina Kartu Keluarga.',
  'kk.unknownRegion':
    'Opat angka munggaran nomer KK ({region}) sanés kode daérah anu kami terang. Mangga pariksa deui dina Kartu Keluarga.',

  // Tracking code
  'trackingCode.notFound': 'Kode tikét teu kapendak. Kode tikét sapertos kieu: PB-7K4M2Q.',

  // Ticket moves
  'ticket.illegalMove': 'Tikét anu statusna "{from}" teu tiasa {action}.',
  'ticket.reasonRequired': 'Mangga pilih alesan panolakan.',
  'ticket.noteRequired': 'Mangga serat alesan panolakan kalayan singget.',
  'ticket.resumeInvalid': 'Tikét teu tiasa dilajengkeun kana status éta.',

  // Referral moves
  'referral.illegalMove': 'Rujukan anu statusna "{from}" teu tiasa {action}.',
  'referral.reasonRequired': 'Mangga serat alesanana kalayan singget.',
  'referral.outcomeRequired': 'Mangga pilih hasilna: berhasil atanapi teu berhasil.',

  // Ticket statuses
  'status.ticket.BARU': 'Nembé lebet',
  'status.ticket.DIVERIFIKASI': 'Parantos dipariksa petugas',
  'status.ticket.DIRUJUK': 'Dirujuk ka mitra',
  'status.ticket.DIPROSES': 'Nuju diprosés',
  'status.ticket.SELESAI': 'Réngsé',
  'status.ticket.DITUTUP': 'Ditutup',
  'status.ticket.MENUNGGU_WARGA': 'Ngantosan kalengkepan ti Bapa/Ibu',
  'status.ticket.DIESKALASI': 'Diteraskeun ka kantor tingkat luhur',
  'status.ticket.DITOLAK': 'Ditolak',
  'status.ticket.DIBUKA_KEMBALI': 'Dibuka deui',

  // Referral statuses
  'status.referral.TERKIRIM': 'Parantos dikintunkeun ka mitra',
  'status.referral.DITERIMA': 'Ditampi ku mitra',
  'status.referral.SELESAI': 'Réngsé',
  'status.referral.DITOLAK': 'Ditolak ku mitra',
  'status.referral.DIBATALKAN': 'Dibolaykeun',

  // Ticket actions, worded to fit "teu tiasa {action}"
  'action.ticket.verify': 'dipariksa',
  'action.ticket.refer': 'dirujuk ka mitra',
  'action.ticket.process': 'diprosés',
  'action.ticket.referral_accepted': 'ditampi ku mitra',
  'action.ticket.referral_rejected': 'dipulangkeun margi rujukan ditolak',
  'action.ticket.referral_failed': 'dipulangkeun margi rujukan teu berhasil',
  'action.ticket.referral_cancelled': 'dipulangkeun margi rujukan dibolaykeun',
  'action.ticket.wait_for_citizen': 'ditunda kanggo ngantosan warga',
  'action.ticket.citizen_replied': 'dilajengkeun saatos warga ngawaler',
  'action.ticket.escalate': 'diteraskeun ka kantor tingkat luhur',
  'action.ticket.complete': 'dirampungkeun',
  'action.ticket.reject': 'ditolak',
  'action.ticket.close': 'ditutup',
  'action.ticket.reopen': 'dibuka deui',
  'action.ticket.withdraw': 'dibatalkeun ku paménta warga',

  // Referral actions
  'action.referral.accept': 'ditampi',
  'action.referral.reject': 'ditolak',
  'action.referral.complete': 'dirampungkeun',
  'action.referral.cancel': 'dibolaykeun',

  // Why a ticket was rejected
  'ticket.rejectReason.not_eligible': 'Teu nyumponan sarat',
  'ticket.rejectReason.duplicate': 'Parantos kantos diajukeun',
  'ticket.rejectReason.outside_authority': 'Sanés wewenang kami',
  'ticket.rejectReason.no_response': 'Teu aya waleran ti Bapa/Ibu',
  'ticket.rejectReason.other': 'Alesan sanés',

  // Referral outcomes
  'referral.outcome.berhasil': 'Berhasil',
  'referral.outcome.tidak_berhasil': 'Teu berhasil',
};
