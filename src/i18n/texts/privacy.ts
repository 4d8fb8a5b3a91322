/**
 * The Privasi menu's "Lihat data saya" and "Hapus data saya" (UU PDP No. 27/2022:
 * the right to see and to erase one's data, as the consent text promises).
 */
import { defineTexts } from '../define-texts.ts';

export const privacyTexts = defineTexts({
  id: {
    'menu.privacy.view': 'Lihat data saya',
    'menu.privacy.erase': 'Hapus data saya',
    'menu.privacy.myData':
      'Data Anda yang kami simpan (sebagian disamarkan):\nNama: {name}\nNIK: {nik}\nNomor KK: {kk}\nDesa: {desa}\nNomor HP: {phone}\nIzin: {consent}\nFoto dokumen tersimpan: {documents}\nTiket Anda:\n{tickets}',
    'menu.privacy.myData.nothing': 'Kami tidak menyimpan data pribadi atau tiket atas nama Anda.',
    'menu.privacy.notStored': 'tidak ada',
    'menu.privacy.consent.given': 'diberikan {date}',
    'menu.privacy.consent.withdrawn': 'ditarik {date}',
    'menu.privacy.consent.never': 'belum diberikan',
    'menu.privacy.ticketLine': '- {code}: {service}, {status}',
    'menu.privacy.noTickets': '- tidak ada',
    'menu.privacy.complaint': 'Pengaduan',
    'menu.privacy.eraseConfirm':
      'Nama, NIK, nomor KK, desa, nomor HP, dan foto dokumen Anda akan dihapus selamanya. Tiket yang masih berjalan ditutup: "dibatalkan atas permintaan warga". Tiket disimpan tanpa nama, hanya untuk laporan.\n\nHapus data Anda?',
    'menu.privacy.eraseYes': 'Ya, hapus',
    'menu.privacy.eraseNo': 'Batal',
    'menu.privacy.eraseCancelled': 'Baik, data Anda tidak dihapus.',
    'menu.privacy.erased':
      'Data Anda sudah dihapus. Jika ingin memakai layanan lagi, kami akan meminta izin Anda dari awal.',
    'menu.privacy.erasedClosed': 'Tiket yang ditutup (dibatalkan atas permintaan warga): {codes}.',
  },
  su: {
    'menu.privacy.view': 'Tingali data abdi',
    'menu.privacy.erase': 'Hapus data abdi',
    'menu.privacy.myData':
      'Data Bapa/Ibu nu disimpen (sabagian disamarkeun):\nNami: {name}\nNIK: {nik}\nNomer KK: {kk}\nDésa: {desa}\nNomer HP: {phone}\nIdin: {consent}\nPoto dokumén nu disimpen: {documents}\nTikét Bapa/Ibu:\n{tickets}',
    'menu.privacy.myData.nothing':
      'Abdi henteu nyimpen data pribadi atanapi tikét atas nami Bapa/Ibu.',
    'menu.privacy.notStored': 'teu aya',
    'menu.privacy.consent.given': 'dipasihkeun {date}',
    'menu.privacy.consent.withdrawn': 'ditarik {date}',
    'menu.privacy.consent.never': 'teu acan dipasihkeun',
    'menu.privacy.ticketLine': '- {code}: {service}, {status}',
    'menu.privacy.noTickets': '- teu aya',
    'menu.privacy.complaint': 'Pangaduan',
    'menu.privacy.eraseConfirm':
      'Nami, NIK, nomer KK, désa, nomer HP, sareng poto dokumén Bapa/Ibu bakal dihapus salamina. Tikét nu nuju jalan ditutup: "dibatalkeun ku paménta warga". Tikét disimpen tanpa nami, ngan pikeun laporan.\n\nHapus data Bapa/Ibu?',
    'menu.privacy.eraseYes': 'Leres, hapus',
    'menu.privacy.eraseNo': 'Batal',
    'menu.privacy.eraseCancelled': 'Mangga, data Bapa/Ibu henteu dihapus.',
    'menu.privacy.erased':
      'Data Bapa/Ibu tos dihapus. Upami hoyong nganggo layanan deui, abdi bakal nyuhunkeun idin ti awal.',
    'menu.privacy.erasedClosed': 'Tikét nu ditutup (dibatalkeun ku paménta warga): {codes}.',
  },
  en: {
    'menu.privacy.view': 'See my data',
    'menu.privacy.erase': 'Erase my data',
    'menu.privacy.myData':
      'The data we keep about you (partly masked):\nName: {name}\nNIK: {nik}\nFamily card number: {kk}\nVillage: {desa}\nPhone number: {phone}\nPermission: {consent}\nDocument photos stored: {documents}\nYour tickets:\n{tickets}',
    'menu.privacy.myData.nothing': 'We keep no personal data and no tickets in your name.',
    'menu.privacy.notStored': 'none',
    'menu.privacy.consent.given': 'given {date}',
    'menu.privacy.consent.withdrawn': 'withdrawn {date}',
    'menu.privacy.consent.never': 'not given',
    'menu.privacy.ticketLine': '- {code}: {service}, {status}',
    'menu.privacy.noTickets': '- none',
    'menu.privacy.complaint': 'Complaint',
    'menu.privacy.eraseConfirm':
      'We will erase your name, NIK, family card number, village, phone number and document photos. Open tickets are closed as "cancelled at the resident\'s request". Tickets are kept without a name, for reports only.\n\nErase your data?',
    'menu.privacy.eraseYes': 'Yes, erase',
    'menu.privacy.eraseNo': 'Cancel',
    'menu.privacy.eraseCancelled': 'All right, your data was not erased.',
    'menu.privacy.erased':
      'Your data has been erased. To use the service again, you will be asked for permission again.',
    'menu.privacy.erasedClosed': 'Tickets closed (cancelled at your request): {codes}.',
  },
});
