/**
 * The browser simulator page: two phones side by side for demos and training.
 * Only the page around the chats; what the desk says comes from the flows' texts.
 */
import { defineTexts } from '../define-texts.ts';

export const simulatorTexts = defineTexts({
  id: {
    'simulator.title': 'SLRT Desk: simulator',
    'simulator.heading': 'Simulator SLRT Desk',
    'simulator.intro':
      'Coba layanan tanpa WhatsApp atau Telegram. Dua HP di satu halaman, dengan alur dan database yang sama.',
    'simulator.note':
      'Ini simulator. Pesan di sini disimpan di database yang sama dengan kanal asli. Jangan ketik NIK, nama, atau data asli saat demo di depan umum.',
    'simulator.languageLabel': 'Bahasa halaman',
    'simulator.languageNote':
      'Hanya untuk halaman ini. Bahasa bot dipilih di chat. Untuk menggantinya, pilih "{menuLanguage}" di menu bot.',
    'simulator.connecting': 'Menyambung ke desk…',
    'simulator.connected': 'Tersambung ke desk',
    'simulator.disconnected': 'Sambungan terputus. Menyambung ulang…',
    'simulator.resident': 'HP warga',
    'simulator.residentHint':
      'Warga yang mengajukan bantuan, menyampaikan pengaduan, atau cek status.',
    'simulator.staff': 'HP petugas',
    'simulator.staffHint':
      'Percakapan kedua dengan desk yang sama. Untuk mencoba perintah petugas, buat kode petugas contoh lalu kirim.',
    'simulator.staffInvite': 'Buat kode petugas contoh',
    'simulator.staffInviteOff':
      'Kode contoh hanya ada di desk percobaan. Minta kode undangan ke admin Dinas Sosial.',
    'simulator.empty': 'Belum ada pesan. Ketik "halo" untuk mulai.',
    'simulator.messageLabel': 'Pesan',
    'simulator.placeholder': 'Ketik pesan…',
    'simulator.enterHint': 'Enter untuk mengirim, Shift+Enter untuk baris baru.',
    'simulator.send': 'Kirim',
    'simulator.attach': 'Kirim foto/PDF',
    'simulator.location': 'Kirim lokasi contoh (Soreang, Kab. Bandung)',
    'simulator.optionsLabel': 'Pilihan',
    'simulator.from.user': 'Anda',
    'simulator.from.desk': 'SLRT Desk',
    'simulator.entry.photo': 'Foto: {name}',
    'simulator.entry.document': 'Dokumen: {name}',
    'simulator.entry.refused': 'Berkas tidak diterima: {name}',
    'simulator.entry.location': 'Lokasi: {latitude}, {longitude}',
    'simulator.sendFailed': 'Pesan belum terkirim. Periksa sambungan, lalu coba lagi.',
    'simulator.notSaved':
      'Pesan belum terkirim: desk sedang tidak bisa menyimpan pesan. Tunggu sebentar, lalu kirim lagi.',
    'simulator.continues':
      'Desk baru dinyalakan ulang. Di atas: pesan terakhir dari desk. Pesan Anda sendiri tidak disimpan. Percakapan berlanjut dari sini.',
  },
  su: {
    'simulator.title': 'SLRT Desk: simulator',
    'simulator.heading': 'Simulator SLRT Desk',
    'simulator.intro':
      'Cobian layanan tanpa WhatsApp atanapi Telegram. Dua HP dina hiji kaca, kalayan alur sareng database nu sami.',
    'simulator.note':
      'Ieu simulator. Pesen di dieu disimpen dina database nu sami sareng kanal asli. Ulah nyerat NIK, nami, atanapi data asli nalika démo di payuneun umum.',
    'simulator.languageLabel': 'Basa kaca',
    'simulator.languageNote':
      'Ngan kanggo kaca ieu. Basa bot dipilih dina obrolan. Kanggo ngagentosna, pilih "{menuLanguage}" (Gentos basa) dina ménu bot.',
    'simulator.connecting': 'Nyambungkeun ka desk…',
    'simulator.connected': 'Kasambung ka desk',
    'simulator.disconnected': 'Sambunganana pegat. Nyambungkeun deui…',
    'simulator.resident': 'HP warga',
    'simulator.residentHint':
      'Warga nu ngajukeun bantuan, ngintunkeun pangaduan, atanapi mariksa status.',
    'simulator.staff': 'HP patugas',
    'simulator.staffHint':
      'Obrolan kadua sareng desk nu sami. Kanggo nyobian paréntah patugas, damel kode patugas conto teras kintun.',
    'simulator.staffInvite': 'Damel kode patugas conto',
    'simulator.staffInviteOff':
      'Kode conto ngan aya di desk percobaan. Nyuhunkeun kode uleman ka admin Dinas Sosial.',
    'simulator.empty': 'Teu acan aya pesen. Serat "halo" pikeun ngamimitian.',
    'simulator.messageLabel': 'Pesen',
    'simulator.placeholder': 'Serat pesen…',
    'simulator.enterHint': 'Enter pikeun ngintun, Shift+Enter pikeun baris énggal.',
    'simulator.send': 'Kintun',
    'simulator.attach': 'Kintun poto/PDF',
    'simulator.location': 'Kintun lokasi conto (Soreang, Kab. Bandung)',
    'simulator.optionsLabel': 'Pilihan',
    'simulator.from.user': 'Bapa/Ibu',
    'simulator.from.desk': 'SLRT Desk',
    'simulator.entry.photo': 'Poto: {name}',
    'simulator.entry.document': 'Dokumén: {name}',
    'simulator.entry.refused': 'Berkas teu ditampi: {name}',
    'simulator.entry.location': 'Lokasi: {latitude}, {longitude}',
    'simulator.sendFailed': 'Pesen teu acan kakintun. Pariksa sambungan, teras cobian deui.',
    'simulator.notSaved':
      'Pesen teu acan kakintun: desk nuju teu tiasa nyimpen pesen. Antosan sakedap, teras kintun deui.',
    'simulator.continues':
      'Desk nembé dihurungkeun deui. Di luhur: pesen pamungkas ti desk. Pesen Bapa/Ibu nyalira henteu disimpen. Obrolan diteruskeun ti dieu.',
  },
  en: {
    'simulator.title': 'SLRT Desk: simulator',
    'simulator.heading': 'SLRT Desk simulator',
    'simulator.intro':
      'Try the service without WhatsApp or Telegram. Two phones on one page, with the same flows and database.',
    'simulator.note':
      'This is a simulator. Messages here are stored in the same database as the real channels. Do not type real NIKs, names or other real data in public demos.',
    'simulator.languageLabel': 'Page language',
    'simulator.languageNote':
      'For this page only. The bot\'s language is chosen in the chat. To change it, choose "{menuLanguage}" (Change language) in the bot\'s menu.',
    'simulator.connecting': 'Connecting to the desk…',
    'simulator.connected': 'Connected to the desk',
    'simulator.disconnected': 'Connection lost. Reconnecting…',
    'simulator.resident': "Resident's phone",
    'simulator.residentHint':
      'A resident asking for help, filing a complaint or checking a status.',
    'simulator.staff': "Staff member's phone",
    'simulator.staffHint':
      'A second chat with the same desk. To try the staff commands, make an example staff code and send it.',
    'simulator.staffInvite': 'Make an example staff code',
    'simulator.staffInviteOff':
      'Example codes exist only on a trial desk. Ask the Dinas Sosial administrator for an invite code.',
    'simulator.empty': 'No messages yet. Type "halo" to start.',
    'simulator.messageLabel': 'Message',
    'simulator.placeholder': 'Type a message…',
    'simulator.enterHint': 'Enter sends, Shift+Enter starts a new line.',
    'simulator.send': 'Send',
    'simulator.attach': 'Send photo/PDF',
    'simulator.location': 'Send example location (Soreang, Bandung Regency)',
    'simulator.optionsLabel': 'Choices',
    'simulator.from.user': 'You',
    'simulator.from.desk': 'SLRT Desk',
    'simulator.entry.photo': 'Photo: {name}',
    'simulator.entry.document': 'Document: {name}',
    'simulator.entry.refused': 'File not accepted: {name}',
    'simulator.entry.location': 'Location: {latitude}, {longitude}',
    'simulator.sendFailed': 'The message was not sent. Check the connection and try again.',
    'simulator.notSaved':
      'The message was not sent: the desk cannot save messages right now. Wait a moment, then send it again.',
    'simulator.continues':
      'The desk was restarted. Above: the last messages from the desk. Your own messages are not kept. The conversation continues from here.',
  },
});
