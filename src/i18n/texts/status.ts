/**
 * The status check flow and the public timeline. Anyone who knows a code may
 * read these, so no text here ever carries a name, NIK or phone number.
 */
import { defineTexts } from '../define-texts.ts';

export const statusTexts = defineTexts({
  id: {
    'status.askCode':
      'Ketik kode tiket, contohnya PB-7K4M2Q. Jika tiket Anda ada di daftar, pilih nomornya.',
    'status.notFound': 'Maaf, tiket {code} tidak kami temukan. Mohon periksa lagi kodenya.',
    'status.card':
      'Tiket {code}\nStatus: {statusLabel}.\nDitangani oleh: {holder}.\nTarget selesai: {dueDate}.\n\nRiwayat:\n{timeline}',
    'status.next': 'Mau cek tiket lain? Pilih di bawah, atau langsung ketik kodenya.',
    'status.next.another': 'Cek tiket lain',
    'status.noDueDate': 'belum ditentukan',
    'status.timeline.empty': '- Belum ada riwayat.',
    'status.timeline.line': '- {date}: {text}',
    'status.event.created': 'Tiket dibuat.',
    'status.event.statusChanged': 'Status berubah menjadi "{status}".',
    'status.event.referralSent': 'Dirujuk ke mitra.',
    'status.event.referralAccepted': 'Rujukan diterima mitra.',
    'status.event.message': 'Petugas mengirim pesan kepada pelapor.',
    'status.event.reopened': 'Dibuka kembali atas permintaan pelapor.',
    'status.event.updated': 'Tiket diperbarui.',
  },
  su: {
    'status.askCode':
      'Mangga serat kode tikét, contona PB-7K4M2Q. Upami tikét Bapa/Ibu aya dina daptar, pilih nomerna.',
    'status.notFound': 'Hapunten, tikét {code} teu kapendak. Mangga parios deui kodena.',
    'status.card':
      'Tikét {code}\nStatus: {statusLabel}.\nDiurus ku: {holder}.\nTarget réngsé: {dueDate}.\n\nRiwayat:\n{timeline}',
    'status.next': 'Badé mariksa tikét sanés? Mangga pilih di handap, atanapi serat kodena.',
    'status.next.another': 'Mariksa tikét sanés',
    'status.noDueDate': 'teu acan ditangtoskeun',
    'status.timeline.empty': '- Teu acan aya riwayat.',
    'status.timeline.line': '- {date}: {text}',
    'status.event.created': 'Tikét didamel.',
    'status.event.statusChanged': 'Status robih janten "{status}".',
    'status.event.referralSent': 'Dirujuk ka mitra.',
    'status.event.referralAccepted': 'Rujukan katampi ku mitra.',
    'status.event.message': 'Patugas ngintun pesen ka nu ngalaporkeun.',
    'status.event.reopened': 'Dibuka deui kana pamundut nu ngalaporkeun.',
    'status.event.updated': 'Tikét dianyarkeun.',
  },
  en: {
    'status.askCode':
      'Type the ticket code, for example PB-7K4M2Q. If your ticket is in the list, choose its number.',
    'status.notFound': 'Sorry, we could not find ticket {code}. Please check the code.',
    'status.card':
      'Ticket {code}\nStatus: {statusLabel}.\nHandled by: {holder}.\nDue by: {dueDate}.\n\nHistory:\n{timeline}',
    'status.next': 'Check another ticket? Choose below, or just type its code.',
    'status.next.another': 'Check another ticket',
    'status.noDueDate': 'not set yet',
    'status.timeline.empty': '- No history yet.',
    'status.timeline.line': '- {date}: {text}',
    'status.event.created': 'Ticket created.',
    'status.event.statusChanged': 'Status changed to "{status}".',
    'status.event.referralSent': 'Referred to a partner.',
    'status.event.referralAccepted': 'The partner accepted the referral.',
    'status.event.message': 'Staff sent a message to the person who filed it.',
    'status.event.reopened': 'Reopened at the request of the person who filed it.',
    'status.event.updated': 'Ticket updated.',
  },
});
