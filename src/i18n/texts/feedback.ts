/** Feedback on a finished ticket: resolved or not, a 1–5 rating, a comment, or a reopening. */
import { defineTexts } from '../define-texts.ts';

export const feedbackTexts = defineTexts({
  id: {
    'feedback.askResolved':
      'Tiket {ticketCode} sudah selesai ditangani petugas. Apakah kebutuhan Anda sudah terpenuhi?',
    'feedback.resolved.yes': 'Sudah selesai',
    'feedback.resolved.no': 'Belum selesai',
    'feedback.askRating': 'Syukurlah. Berapa nilai Anda untuk layanan kami? Pilih 1 sampai 5.',
    'feedback.rating.1': 'Sangat buruk',
    'feedback.rating.2': 'Buruk',
    'feedback.rating.3': 'Cukup',
    'feedback.rating.4': 'Baik',
    'feedback.rating.5': 'Sangat baik',
    'feedback.askComment':
      'Ada saran atau cerita untuk petugas? Tulis di sini, atau pilih "Lewati".',
    'feedback.thanks':
      'Terima kasih atas penilaian Anda. Masukan Anda membantu kami melayani lebih baik.',
    'feedback.askReason':
      'Mohon maaf, kebutuhan Anda belum terpenuhi. Apa yang belum selesai? Tulis dengan singkat.',
    'feedback.reopened':
      'Tiket {ticketCode} kami buka kembali. Petugas {unitName} akan menindaklanjuti dan mengabari Anda di sini.',
    'feedback.reopenRefused':
      'Maaf, tiket {ticketCode} berstatus "{status}", jadi tidak bisa dibuka kembali. Catatan Anda tetap kami simpan. Untuk kebutuhan baru, silakan ajukan lewat menu.',
    'feedback.notYours':
      'Maaf, tiket {ticketCode} tidak terdaftar dari nomor ini. Kami tidak bisa mencatat penilaian untuk tiket itu.',
  },
  su: {
    'feedback.askResolved':
      'Tikét {ticketCode} parantos réngsé diurus ku patugas. Naha kaperluan Bapa/Ibu parantos kacumponan?',
    'feedback.resolved.yes': 'Parantos réngsé',
    'feedback.resolved.no': 'Teu acan réngsé',
    'feedback.askRating':
      'Alhamdulillah. Sabaraha peunteun Bapa/Ibu pikeun layanan abdi sadaya? Pilih 1 dugi ka 5.',
    'feedback.rating.1': 'Awon pisan',
    'feedback.rating.2': 'Awon',
    'feedback.rating.3': 'Cekap',
    'feedback.rating.4': 'Saé',
    'feedback.rating.5': 'Saé pisan',
    'feedback.askComment':
      'Aya saran atanapi carios kanggo patugas? Mangga serat di dieu, atanapi pilih "Lewat".',
    'feedback.thanks':
      'Hatur nuhun kana peunteun Bapa/Ibu. Masukan Bapa/Ibu ngabantu abdi sadaya ngalayanan langkung saé.',
    'feedback.askReason':
      'Hapunten, kaperluan Bapa/Ibu teu acan kacumponan. Naon nu teu acan réngsé? Mangga serat sacara ringkes.',
    'feedback.reopened':
      'Tikét {ticketCode} dibuka deui. Patugas {unitName} badé nuturkeun sareng ngabéjaan Bapa/Ibu di dieu.',
    'feedback.reopenRefused':
      'Hapunten, tikét {ticketCode} statusna "{status}", janten teu tiasa dibuka deui. Catetan Bapa/Ibu tetep disimpen. Kanggo kaperluan énggal, mangga ajukeun ngalangkungan ménu.',
    'feedback.notYours':
      'Hapunten, tikét {ticketCode} henteu kadaptar ti nomer ieu. Peunteun kanggo tikét éta teu tiasa dicatet.',
  },
  en: {
    'feedback.askResolved':
      'Ticket {ticketCode} has been completed by our staff. Has your need been met?',
    'feedback.resolved.yes': 'Yes, it is resolved',
    'feedback.resolved.no': 'No, not yet',
    'feedback.askRating': 'Good to hear. How would you rate our service? Choose 1 to 5.',
    'feedback.rating.1': 'Very poor',
    'feedback.rating.2': 'Poor',
    'feedback.rating.3': 'Fair',
    'feedback.rating.4': 'Good',
    'feedback.rating.5': 'Very good',
    'feedback.askComment': 'Any advice or story for our staff? Write it here, or choose "Skip".',
    'feedback.thanks': 'Thank you for your rating. Your feedback helps us serve better.',
    'feedback.askReason':
      'We are sorry your need is not met yet. What is still missing? Please write briefly.',
    'feedback.reopened':
      'We have reopened ticket {ticketCode}. The staff of {unitName} will follow up and tell you here.',
    'feedback.reopenRefused':
      'Sorry, ticket {ticketCode} is "{status}", so it cannot be reopened. We still keep your note. For a new need, please apply through the menu.',
    'feedback.notYours':
      'Sorry, ticket {ticketCode} was not filed from this number. We cannot record a rating for it.',
  },
});
