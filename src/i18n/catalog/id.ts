/**
 * Bahasa Indonesia: the default language and the fallback for every other one.
 * Keys are `area.step.purpose`; this file defines the key set that `su` and `en` must match.
 * Short, plain sentences: many readers read slowly, on a small screen.
 */
export const id = {
  // NIK: refusals from validateNik (src/core/nik.ts)
  'nik.empty': 'Mohon kirim NIK Anda. NIK ada di KTP, isinya 16 angka.',
  'nik.letters': 'NIK hanya berisi angka. Mohon kirim 16 angka saja, tanpa huruf.',
  'nik.lookalike':
    'NIK hanya berisi angka. Sepertinya ada huruf O atau I. Mohon ganti dengan angka 0 atau 1.',
  'nik.length.short':
    'NIK harus 16 angka. Yang Anda kirim {count} angka, kurang {missing}. Coba cek lagi di KTP.',
  'nik.length.long':
    'NIK harus 16 angka. Yang Anda kirim {count} angka, kelebihan {extra}. Coba cek lagi di KTP.',
  'nik.unknownRegion':
    'Empat angka pertama NIK ({region}) bukan kode daerah yang kami kenal. Coba cek lagi di KTP.',
  'nik.birthDate':
    'Tanggal lahir di dalam NIK tidak cocok. Coba cek angka ke-7 sampai ke-12 di KTP.',
  'nik.serial': 'Empat angka terakhir NIK tidak mungkin 0000. Coba cek lagi di KTP.',

  // KK: refusals from validateKk (src/core/nik.ts)
  'kk.empty':
    'Mohon kirim nomor KK Anda. Nomornya ada di bagian atas Kartu Keluarga, isinya 16 angka.',
  'kk.letters': 'Nomor KK hanya berisi angka. Mohon kirim 16 angka saja, tanpa huruf.',
  'kk.lookalike':
    'Nomor KK hanya berisi angka. Sepertinya ada huruf O atau I. Mohon ganti dengan angka 0 atau 1.',
  'kk.length.short':
    'Nomor KK harus 16 angka. Yang Anda kirim {count} angka, kurang {missing}. Coba cek lagi di Kartu Keluarga.',
  'kk.length.long':
    'Nomor KK harus 16 angka. Yang Anda kirim {count} angka, kelebihan {extra}. Coba cek lagi di Kartu Keluarga.',
  'kk.unknownRegion':
    'Empat angka pertama nomor KK ({region}) bukan kode daerah yang kami kenal. Coba cek lagi di Kartu Keluarga.',

  // Tracking code: parseTrackingCode found nothing
  'trackingCode.notFound':
    'Kode tiket tidak ditemukan. Kode tiket bentuknya seperti ini: PB-7K4M2Q.',

  // Ticket moves: refusals from moveTicket; {from} and {action} take the names below
  'ticket.illegalMove': 'Tiket dengan status "{from}" tidak bisa {action}.',
  'ticket.reasonRequired': 'Mohon pilih alasan penolakan.',
  'ticket.noteRequired': 'Mohon tulis alasan penolakan dengan singkat.',
  'ticket.resumeInvalid': 'Tiket tidak bisa dilanjutkan ke status itu.',

  // Referral moves: refusals from moveReferral
  'referral.illegalMove': 'Rujukan dengan status "{from}" tidak bisa {action}.',
  'referral.reasonRequired': 'Mohon tulis alasannya dengan singkat.',
  'referral.outcomeRequired': 'Mohon pilih hasilnya: berhasil atau tidak berhasil.',

  // Ticket statuses, as the resident reads them
  'status.ticket.BARU': 'Baru masuk',
  'status.ticket.DIVERIFIKASI': 'Sudah diperiksa petugas',
  'status.ticket.DIRUJUK': 'Dirujuk ke mitra',
  'status.ticket.DIPROSES': 'Sedang dikerjakan',
  'status.ticket.SELESAI': 'Selesai',
  'status.ticket.DITUTUP': 'Ditutup',
  'status.ticket.MENUNGGU_WARGA': 'Menunggu kelengkapan dari Anda',
  'status.ticket.DIESKALASI': 'Diteruskan ke kantor tingkat atas',
  'status.ticket.DITOLAK': 'Ditolak',
  'status.ticket.DIBUKA_KEMBALI': 'Dibuka kembali',

  // Referral statuses
  'status.referral.TERKIRIM': 'Terkirim ke mitra',
  'status.referral.DITERIMA': 'Diterima mitra',
  'status.referral.SELESAI': 'Selesai',
  'status.referral.DITOLAK': 'Ditolak mitra',
  'status.referral.DIBATALKAN': 'Dibatalkan',

  // Ticket actions, worded to fit "tidak bisa {action}"
  'action.ticket.verify': 'diperiksa',
  'action.ticket.refer': 'dirujuk ke mitra',
  'action.ticket.process': 'dikerjakan',
  'action.ticket.referral_accepted': 'diterima mitra',
  'action.ticket.referral_rejected': 'dikembalikan karena rujukan ditolak',
  'action.ticket.referral_failed': 'dikembalikan karena rujukan tidak berhasil',
  'action.ticket.referral_cancelled': 'dikembalikan karena rujukan dibatalkan',
  'action.ticket.wait_for_citizen': 'ditunda untuk menunggu warga',
  'action.ticket.citizen_replied': 'dilanjutkan setelah warga menjawab',
  'action.ticket.escalate': 'diteruskan ke kantor tingkat atas',
  'action.ticket.complete': 'diselesaikan',
  'action.ticket.reject': 'ditolak',
  'action.ticket.close': 'ditutup',
  'action.ticket.reopen': 'dibuka kembali',
  'action.ticket.withdraw': 'dibatalkan atas permintaan warga',

  // Referral actions, worded to fit "tidak bisa {action}"
  'action.referral.accept': 'diterima',
  'action.referral.reject': 'ditolak',
  'action.referral.complete': 'diselesaikan',
  'action.referral.cancel': 'dibatalkan',

  // Why a ticket was rejected, as the resident reads it
  'ticket.rejectReason.not_eligible': 'Tidak memenuhi syarat',
  'ticket.rejectReason.duplicate': 'Sudah pernah diajukan',
  'ticket.rejectReason.outside_authority': 'Bukan wewenang kami',
  'ticket.rejectReason.no_response': 'Tidak ada jawaban dari Anda',
  'ticket.rejectReason.other': 'Alasan lain',

  // Referral outcomes
  'referral.outcome.berhasil': 'Berhasil',
  'referral.outcome.tidak_berhasil': 'Tidak berhasil',
} as const;
