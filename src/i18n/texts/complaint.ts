/** The complaint (pengaduan) flow: topic, story, identity choice, desa, evidence, confirmation. */
import { defineTexts } from '../define-texts.ts';

export const complaintTexts = defineTexts({
  id: {
    'complaint.topic.ask':
      'Apa yang ingin Anda adukan? Pilih salah satu.\n(DTKS/DTSEN: daftar keluarga kurang mampu milik pemerintah, dasar pemberian bantuan.)',
    'complaint.topic.bantuan_tidak_diterima': 'Bantuan tidak diterima',
    'complaint.topic.data_salah': 'Data DTKS/DTSEN salah',
    'complaint.topic.pelayanan_petugas': 'Pelayanan petugas',
    'complaint.topic.pungutan_liar': 'Pungutan liar',
    'complaint.topic.lainnya': 'Lainnya',
    'complaint.description.ask':
      'Ceritakan masalahnya dengan singkat. Apa yang terjadi, kapan, dan di mana?',
    'complaint.identity.ask':
      'Bagaimana identitas Anda dicatat?\nDengan nama: petugas dan mitra tahu siapa Anda.\nRahasia: hanya petugas Puskesos yang tahu.\nTanpa nama: identitas Anda tidak disimpan sama sekali.',
    'complaint.identity.named': 'Dengan nama',
    'complaint.identity.confidential': 'Rahasia',
    'complaint.identity.anonymous': 'Tanpa nama',
    'complaint.identity.anonymousOnly':
      'Karena Anda belum memberi izin data, pengaduan ini dikirim tanpa nama.',
    'complaint.name.ask': 'Siapa nama lengkap Anda, sesuai KTP?',
    'complaint.nik.ask': 'Berapa NIK Anda? NIK ada di KTP, 16 angka.',
    'complaint.nik.skipped':
      'Tidak apa-apa, kita lanjut tanpa NIK. Petugas akan memeriksa identitas Anda nanti.',
    'complaint.kecamatan.ask':
      'Pengaduan ini untuk kecamatan mana? Ketik nama kecamatannya, atau pilih dari daftar.',
    'complaint.desa.ask':
      'Desa atau kelurahan mana? Ketik namanya, atau pilih dari daftar. Anda juga boleh kirim lokasi.',
    'complaint.location.noted': 'Terima kasih, lokasinya kami simpan. Mohon tetap pilih desanya.',
    'complaint.photos.ask':
      'Ada foto bukti? Kirim fotonya sekarang, boleh lebih dari satu. Jika tidak ada atau sudah cukup, pilih "Selesai".',
    'complaint.photos.received': 'Foto diterima. Jumlah foto: {photoCount}.',
    'complaint.summary.named':
      'Mohon periksa pengaduan Anda.\nTopik: {topicLabel}.\nIsi: {descriptionShort}\nIdentitas: dengan nama ({name}).\nDesa: {desaName}.\nFoto: {photoCount}.',
    'complaint.summary.confidential':
      'Mohon periksa pengaduan Anda.\nTopik: {topicLabel}.\nIsi: {descriptionShort}\nIdentitas: rahasia ({name}), tidak dilihat mitra.\nDesa: {desaName}.\nFoto: {photoCount}.',
    'complaint.summary.anonymous':
      'Mohon periksa pengaduan Anda.\nTopik: {topicLabel}.\nIsi: {descriptionShort}\nIdentitas: tanpa nama.\nDesa: {desaName}.\nFoto: {photoCount}.',
    'complaint.confirm.ask': 'Sudah benar? Pilih "Ya, kirim" untuk mengirim pengaduan.',
    'complaint.confirm.send': 'Ya, kirim',
    'complaint.confirm.edit': 'Ubah',
    'complaint.confirm.cancel': 'Batalkan',
    'complaint.edit.ask': 'Bagian mana yang ingin diubah?',
    'complaint.field.topic': 'Topik',
    'complaint.field.description': 'Isi pengaduan',
    'complaint.field.identity': 'Identitas',
    'complaint.field.desa': 'Desa',
    'complaint.field.photos': 'Foto',
    'complaint.created':
      'Pengaduan Anda sudah kami terima. Kode tiket: {code}. Ditangani oleh {unitName}. Target selesai: {dueDate}.',
    'complaint.created.anonymous':
      'Mohon catat kode {code}. Pengaduan tanpa nama hanya bisa diikuti dengan kode ini.',
  },
  su: {
    'complaint.topic.ask':
      'Naon nu badé diadukeun? Mangga pilih salah sahiji.\n(DTKS/DTSEN: daptar kulawarga kirang mampu ti pamaréntah, dasar masihan bantuan.)',
    'complaint.topic.bantuan_tidak_diterima': 'Bantuan teu katampi',
    'complaint.topic.data_salah': 'Data DTKS/DTSEN lepat',
    'complaint.topic.pelayanan_petugas': 'Palayanan patugas',
    'complaint.topic.pungutan_liar': 'Pungutan liar',
    'complaint.topic.lainnya': 'Sanés-sanés',
    'complaint.description.ask':
      'Mangga caritakeun masalahna sacara ringkes. Naon nu kajantenan, iraha, sareng dimana?',
    'complaint.identity.ask':
      'Kumaha idéntitas Bapa/Ibu dicatet?\nNganggo nami: patugas sareng mitra terang saha Bapa/Ibu.\nRasiah: ngan patugas Puskesos nu terang.\nTanpa nami: idéntitas Bapa/Ibu henteu disimpen pisan.',
    'complaint.identity.named': 'Nganggo nami',
    'complaint.identity.confidential': 'Rasiah',
    'complaint.identity.anonymous': 'Tanpa nami',
    'complaint.identity.anonymousOnly':
      'Kusabab Bapa/Ibu teu acan masihan idin data, pangaduan ieu dikintun tanpa nami.',
    'complaint.name.ask': 'Saha nami lengkep Bapa/Ibu, saluyu sareng KTP?',
    'complaint.nik.ask': 'Sabaraha NIK Bapa/Ibu? NIK aya dina KTP, 16 angka.',
    'complaint.nik.skipped':
      'Teu sawios, urang teraskeun tanpa NIK. Patugas badé mariksa idéntitas Bapa/Ibu engké.',
    'complaint.kecamatan.ask':
      'Pangaduan ieu kanggo kacamatan mana? Mangga serat nami kacamatanana, atanapi pilih tina daptar.',
    'complaint.desa.ask':
      'Désa atanapi kelurahan mana? Mangga serat namina, atanapi pilih tina daptar. Bapa/Ibu ogé tiasa ngintun lokasi.',
    'complaint.location.noted': 'Hatur nuhun, lokasina tos disimpen. Mangga tetep pilih désana.',
    'complaint.photos.ask':
      'Aya poto bukti? Mangga kintun potona ayeuna, tiasa langkung ti hiji. Upami teu aya atanapi tos cekap, pilih "Réngsé".',
    'complaint.photos.received': 'Poto katampi. Jumlah poto: {photoCount}.',
    'complaint.summary.named':
      'Mangga parios pangaduan Bapa/Ibu.\nJejer: {topicLabel}.\nEusi: {descriptionShort}\nIdéntitas: nganggo nami ({name}).\nDésa: {desaName}.\nPoto: {photoCount}.',
    'complaint.summary.confidential':
      'Mangga parios pangaduan Bapa/Ibu.\nJejer: {topicLabel}.\nEusi: {descriptionShort}\nIdéntitas: rasiah ({name}), teu ditingali mitra.\nDésa: {desaName}.\nPoto: {photoCount}.',
    'complaint.summary.anonymous':
      'Mangga parios pangaduan Bapa/Ibu.\nJejer: {topicLabel}.\nEusi: {descriptionShort}\nIdéntitas: tanpa nami.\nDésa: {desaName}.\nPoto: {photoCount}.',
    'complaint.confirm.ask': 'Parantos leres? Pilih "Leres, kintun" pikeun ngintun pangaduan.',
    'complaint.confirm.send': 'Leres, kintun',
    'complaint.confirm.edit': 'Robih',
    'complaint.confirm.cancel': 'Batalkeun',
    'complaint.edit.ask': 'Bagian mana nu badé dirobih?',
    'complaint.field.topic': 'Jejer',
    'complaint.field.description': 'Eusi pangaduan',
    'complaint.field.identity': 'Idéntitas',
    'complaint.field.desa': 'Désa',
    'complaint.field.photos': 'Poto',
    'complaint.created':
      'Pangaduan Bapa/Ibu tos katampi. Kode tikét: {code}. Diurus ku {unitName}. Target réngsé: {dueDate}.',
    'complaint.created.anonymous':
      'Mangga catet kode {code}. Pangaduan tanpa nami ngan tiasa dipantau ku kode ieu.',
  },
  en: {
    'complaint.topic.ask':
      "What is your complaint about? Choose one.\n(DTKS/DTSEN: the government's list of low-income families, used to decide who gets aid.)",
    'complaint.topic.bantuan_tidak_diterima': 'Aid not received',
    'complaint.topic.data_salah': 'Wrong DTKS/DTSEN data',
    'complaint.topic.pelayanan_petugas': 'Staff service',
    'complaint.topic.pungutan_liar': 'Illegal fees',
    'complaint.topic.lainnya': 'Something else',
    'complaint.description.ask':
      'Please describe the problem briefly. What happened, when, and where?',
    'complaint.identity.ask':
      'How should we record who you are?\nWith name: staff and partners know who you are.\nConfidential: only the Puskesos staff know.\nAnonymous: we store nothing about who you are.',
    'complaint.identity.named': 'With name',
    'complaint.identity.confidential': 'Confidential',
    'complaint.identity.anonymous': 'Anonymous',
    'complaint.identity.anonymousOnly':
      'You have not allowed us to record your data, so this complaint is anonymous.',
    'complaint.name.ask': 'What is your full name, as on your ID card?',
    'complaint.nik.ask': 'What is your NIK? It is on your ID card, 16 digits.',
    'complaint.nik.skipped':
      'That is fine, we continue without the NIK. Staff will check who you are later.',
    'complaint.kecamatan.ask':
      'Which kecamatan is this complaint about? Type its name, or choose from the list.',
    'complaint.desa.ask':
      'Which desa or kelurahan? Type its name, or choose from the list. You may also send a location.',
    'complaint.location.noted': 'Thank you, we saved the location. Please still choose the desa.',
    'complaint.photos.ask':
      'Do you have photos as evidence? Send them now, as many as you like. If none or finished, choose "Done".',
    'complaint.photos.received': 'Photo received. Photos so far: {photoCount}.',
    'complaint.summary.named':
      'Please check your complaint.\nTopic: {topicLabel}.\nStory: {descriptionShort}\nIdentity: with name ({name}).\nDesa: {desaName}.\nPhotos: {photoCount}.',
    'complaint.summary.confidential':
      'Please check your complaint.\nTopic: {topicLabel}.\nStory: {descriptionShort}\nIdentity: confidential ({name}), hidden from partners.\nDesa: {desaName}.\nPhotos: {photoCount}.',
    'complaint.summary.anonymous':
      'Please check your complaint.\nTopic: {topicLabel}.\nStory: {descriptionShort}\nIdentity: anonymous.\nDesa: {desaName}.\nPhotos: {photoCount}.',
    'complaint.confirm.ask': 'Is this right? Choose "Yes, send" to send the complaint.',
    'complaint.confirm.send': 'Yes, send',
    'complaint.confirm.edit': 'Change something',
    'complaint.confirm.cancel': 'Cancel',
    'complaint.edit.ask': 'What would you like to change?',
    'complaint.field.topic': 'Topic',
    'complaint.field.description': 'Story',
    'complaint.field.identity': 'Identity',
    'complaint.field.desa': 'Desa',
    'complaint.field.photos': 'Photos',
    'complaint.created':
      'We have received your complaint. Ticket code: {code}. Handled by {unitName}. Due by: {dueDate}.',
    'complaint.created.anonymous':
      'Please write down the code {code}. An anonymous complaint can only be followed with this code.',
  },
});
