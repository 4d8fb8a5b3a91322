/** Help request (permohonan bantuan): category, need, identity, domicile, documents, summary. */
import { defineTexts } from '../define-texts.ts';

export const helpRequestTexts = defineTexts({
  id: {
    'helpRequest.category.ask':
      'Ajukan bantuan. Bantuan apa yang Anda perlukan? Pilih nomor atau ketik namanya.',
    'helpRequest.need.ask':
      'Layanan: {categoryName}.\nCeritakan singkat apa yang Anda butuhkan, dengan kata-kata Anda sendiri.',
    'helpRequest.name.ask': 'Tulis nama lengkap Anda sesuai KTP.',
    'helpRequest.nik.ask': 'Kirim NIK Anda. NIK ada di KTP, isinya 16 angka.',
    'helpRequest.nik.stuck':
      'NIK sudah 3 kali belum cocok. Anda boleh kirim NIK lagi, atau lanjut tanpa NIK. Jika lanjut, petugas Puskesos memeriksa KTP Anda langsung.',
    'helpRequest.nik.skip': 'Lanjut tanpa NIK',
    'helpRequest.kk.ask':
      'Kirim nomor Kartu Keluarga (KK). Nomornya ada di bagian atas KK, isinya 16 angka.',
    'helpRequest.kk.stuck':
      'Nomor KK sudah 3 kali belum cocok. Anda boleh kirim nomor KK lagi, atau lanjut tanpa KK. Jika lanjut, petugas Puskesos memeriksa KK Anda langsung.',
    'helpRequest.kk.skip': 'Lanjut tanpa KK',
    'helpRequest.kk.sameAsNik':
      'Nomor ini sama dengan NIK Anda. Nomor KK berbeda dari NIK: lihat angka di bagian atas Kartu Keluarga.',
    'helpRequest.nik.sameAsKk':
      'Nomor ini sama dengan nomor KK Anda. NIK berbeda dari nomor KK: lihat 16 angka di KTP Anda.',
    'helpRequest.stuck.retry': 'Coba lagi',
    'helpRequest.kecamatan.ask':
      'Anda tinggal di kecamatan mana? Ketik nama kecamatannya, atau pilih dari daftar.',
    'helpRequest.desa.ask':
      'Desa atau kelurahan mana di Kecamatan {kecamatanChoice}? Ketik namanya, atau pilih dari daftar.',
    'helpRequest.location.noted': 'Terima kasih, lokasi Anda sudah kami simpan.',
    'helpRequest.documents.ask':
      'Dokumen untuk layanan {categoryName}:\n{checklist}\n\nFotonya boleh dikirim sekarang atau menyusul. Kirim foto di sini. Jika tidak ada atau sudah cukup, pilih "Selesai / Lewati".',
    'helpRequest.documents.more':
      'Ada foto lain? Kirim saja. Jika sudah cukup, pilih "Selesai / Lewati".',
    'helpRequest.documents.received': 'Foto diterima. Jumlah foto: {photoCount}.',
    'helpRequest.documents.done': 'Selesai / Lewati',
    'helpRequest.documents.required': 'Perlu disiapkan:',
    'helpRequest.documents.optional': 'Sebaiknya juga:',
    'helpRequest.documents.none': 'Tidak perlu dokumen untuk memulai.',
    'helpRequest.summary':
      'Mohon periksa permohonan Anda.\nLayanan: {categoryName}.\nKebutuhan: {needShort}\nNama: {name}.\nNIK: {nikLabel}.\nKK: {kkLabel}.\nKecamatan: {kecamatanName}.\nDesa/kelurahan: {desaName}.\nFoto dokumen: {photoCount}.\n\nSudah benar?',
    'helpRequest.summary.unverified':
      'Mohon periksa permohonan Anda.\nLayanan: {categoryName}.\nKebutuhan: {needShort}\nNama: {name}.\nNIK: {nikLabel}.\nKK: {kkLabel}.\nKecamatan: {kecamatanName}.\nDesa/kelurahan: {desaName}.\nFoto dokumen: {photoCount}.\nNIK atau KK belum lengkap, jadi petugas memeriksa kartu Anda langsung.\n\nSudah benar?',
    'helpRequest.confirm.send': 'Ya, kirim',
    'helpRequest.confirm.edit': 'Ubah',
    'helpRequest.confirm.cancel': 'Batalkan',
    'helpRequest.edit.ask': 'Bagian mana yang ingin Anda ubah?',
    'helpRequest.field.category': 'Layanan',
    'helpRequest.field.need': 'Kebutuhan',
    'helpRequest.field.name': 'Nama',
    'helpRequest.field.nik': 'NIK',
    'helpRequest.field.kk': 'Nomor KK',
    'helpRequest.field.domicile': 'Kecamatan dan desa',
    'helpRequest.field.documents': 'Foto dokumen',
    'helpRequest.created':
      'Permohonan Anda sudah kami terima. Kode tiket: {code}. Simpan kode ini untuk cek status. Ditangani oleh {unitName}. Target selesai paling lambat {dueDate}.',
    'helpRequest.created.verify':
      'NIK atau KK Anda belum lengkap. Mohon bawa KTP dan KK ke {unitName}.',
    'helpRequest.duplicate':
      'Permohonan {categoryName} untuk NIK atau KK ini masih berjalan. Kode tiket: {code}. Status: {statusLabel}. Jadi kami tidak membuat permohonan baru.',
  },
  su: {
    'helpRequest.category.ask':
      'Ngajukeun bantuan. Bantuan naon nu diperyogikeun ku Bapa/Ibu? Pilih nomer atanapi serat namina.',
    'helpRequest.need.ask':
      'Layanan: {categoryName}.\nMangga caritakeun sakedik naon nu diperyogikeun, ku basa Bapa/Ibu nyalira.',
    'helpRequest.name.ask': 'Mangga serat nami lengkep Bapa/Ibu saluyu sareng KTP.',
    'helpRequest.nik.ask': 'Mangga kintun NIK Bapa/Ibu. NIK aya dina KTP, eusina 16 angka.',
    'helpRequest.nik.stuck':
      'NIK tos 3 kali teu acan cocog. Bapa/Ibu tiasa ngintun NIK deui, atanapi lajeng tanpa NIK. Upami lajeng, patugas Puskesos mariksa KTP Bapa/Ibu langsung.',
    'helpRequest.nik.skip': 'Lajeng tanpa NIK',
    'helpRequest.kk.ask':
      'Mangga kintun nomer Kartu Kulawarga (KK). Nomerna aya di luhur KK, eusina 16 angka.',
    'helpRequest.kk.stuck':
      'Nomer KK tos 3 kali teu acan cocog. Bapa/Ibu tiasa ngintun nomer KK deui, atanapi lajeng tanpa KK. Upami lajeng, patugas Puskesos mariksa KK Bapa/Ibu langsung.',
    'helpRequest.kk.skip': 'Lajeng tanpa KK',
    'helpRequest.kk.sameAsNik':
      'Nomer ieu sami sareng NIK Bapa/Ibu. Nomer KK mah béda ti NIK: tingali angka di luhur Kartu Kulawarga.',
    'helpRequest.nik.sameAsKk':
      'Nomer ieu sami sareng nomer KK Bapa/Ibu. NIK mah béda ti nomer KK: tingali 16 angka dina KTP Bapa/Ibu.',
    'helpRequest.stuck.retry': 'Cobian deui',
    'helpRequest.kecamatan.ask':
      'Bapa/Ibu linggih di kacamatan mana? Mangga serat nami kacamatanana, atanapi pilih tina daptar.',
    'helpRequest.desa.ask':
      'Désa atanapi kalurahan mana di Kacamatan {kecamatanChoice}? Mangga serat namina, atanapi pilih tina daptar.',
    'helpRequest.location.noted': 'Hatur nuhun, lokasi Bapa/Ibu tos disimpen.',
    'helpRequest.documents.ask':
      'Dokumén kanggo layanan {categoryName}:\n{checklist}\n\nPotona tiasa dikintun ayeuna atanapi engké. Kintun poto di dieu. Upami teu aya atanapi tos cekap, pilih "Réngsé / Lewat".',
    'helpRequest.documents.more':
      'Aya poto sanésna? Mangga kintun. Upami tos cekap, pilih "Réngsé / Lewat".',
    'helpRequest.documents.received': 'Poto katampi. Jumlah poto: {photoCount}.',
    'helpRequest.documents.done': 'Réngsé / Lewat',
    'helpRequest.documents.required': 'Kedah disiapkeun:',
    'helpRequest.documents.optional': 'Saéna ogé:',
    'helpRequest.documents.none': 'Teu peryogi dokumén kanggo ngamimitian.',
    'helpRequest.summary':
      'Mangga parios paménta Bapa/Ibu.\nLayanan: {categoryName}.\nKaperluan: {needShort}\nNami: {name}.\nNIK: {nikLabel}.\nKK: {kkLabel}.\nKacamatan: {kecamatanName}.\nDésa/kalurahan: {desaName}.\nPoto dokumén: {photoCount}.\n\nParantos leres?',
    'helpRequest.summary.unverified':
      'Mangga parios paménta Bapa/Ibu.\nLayanan: {categoryName}.\nKaperluan: {needShort}\nNami: {name}.\nNIK: {nikLabel}.\nKK: {kkLabel}.\nKacamatan: {kecamatanName}.\nDésa/kalurahan: {desaName}.\nPoto dokumén: {photoCount}.\nNIK atanapi KK teu acan lengkep, janten patugas mariksa kartu Bapa/Ibu langsung.\n\nParantos leres?',
    'helpRequest.confirm.send': 'Leres, kintun',
    'helpRequest.confirm.edit': 'Robih',
    'helpRequest.confirm.cancel': 'Batalkeun',
    'helpRequest.edit.ask': 'Bagian mana nu badé dirobih?',
    'helpRequest.field.category': 'Layanan',
    'helpRequest.field.need': 'Kaperluan',
    'helpRequest.field.name': 'Nami',
    'helpRequest.field.nik': 'NIK',
    'helpRequest.field.kk': 'Nomer KK',
    'helpRequest.field.domicile': 'Kacamatan sareng désa',
    'helpRequest.field.documents': 'Poto dokumén',
    'helpRequest.created':
      'Paménta Bapa/Ibu tos katampi. Kode tikét: {code}. Simpen kode ieu kanggo mariksa status. Diurus ku {unitName}. Target réngsé paling lami {dueDate}.',
    'helpRequest.created.verify':
      'NIK atanapi KK Bapa/Ibu teu acan lengkep. Mangga candak KTP sareng KK ka {unitName}.',
    'helpRequest.duplicate':
      'Paménta {categoryName} kanggo NIK atanapi KK ieu masih jalan. Kode tikét: {code}. Status: {statusLabel}. Janten abdi henteu ngadamel paménta énggal.',
  },
  en: {
    'helpRequest.category.ask':
      'Ask for help. What kind of help do you need? Choose a number or type its name.',
    'helpRequest.need.ask':
      'Service: {categoryName}.\nPlease tell us briefly what you need, in your own words.',
    'helpRequest.name.ask': 'Please write your full name as on your ID card (KTP).',
    'helpRequest.nik.ask': 'Please send your NIK. It is on your ID card, 16 digits.',
    'helpRequest.nik.stuck':
      'The NIK did not match 3 times. You may send it again, or continue without it. If you continue, Puskesos staff check your ID card in person.',
    'helpRequest.nik.skip': 'Continue without NIK',
    'helpRequest.kk.ask':
      'Please send your family card (KK) number. It is at the top of the card, 16 digits.',
    'helpRequest.kk.stuck':
      'The KK number did not match 3 times. You may send it again, or continue without it. If you continue, Puskesos staff check your family card in person.',
    'helpRequest.kk.skip': 'Continue without KK',
    'helpRequest.kk.sameAsNik':
      'This is the same number as your NIK. The KK number is different. It is at the top of your family card (Kartu Keluarga).',
    'helpRequest.nik.sameAsKk':
      'This is the same number as your KK number. Your NIK is a different one: look at the 16 digits on your KTP.',
    'helpRequest.stuck.retry': 'Try again',
    'helpRequest.kecamatan.ask':
      'Which kecamatan (district) do you live in? Type its name, or choose from the list.',
    'helpRequest.desa.ask':
      'Which village (desa or kelurahan) in Kecamatan {kecamatanChoice}? Type its name, or choose from the list.',
    'helpRequest.location.noted': 'Thank you, we have saved your location.',
    'helpRequest.documents.ask':
      'Documents for {categoryName}:\n{checklist}\n\nYou may send photos now or later. Send them here. If you have none or are finished, choose "Done / Skip".',
    'helpRequest.documents.more':
      'Any other photo? Just send it. If you are finished, choose "Done / Skip".',
    'helpRequest.documents.received': 'Photo received. Photos so far: {photoCount}.',
    'helpRequest.documents.done': 'Done / Skip',
    'helpRequest.documents.required': 'Please prepare:',
    'helpRequest.documents.optional': 'Good to have:',
    'helpRequest.documents.none': 'No documents are needed to start.',
    'helpRequest.summary':
      'Please check your request.\nService: {categoryName}.\nNeed: {needShort}\nName: {name}.\nNIK: {nikLabel}.\nKK: {kkLabel}.\nKecamatan: {kecamatanName}.\nVillage: {desaName}.\nDocument photos: {photoCount}.\n\nIs this right?',
    'helpRequest.summary.unverified':
      'Please check your request.\nService: {categoryName}.\nNeed: {needShort}\nName: {name}.\nNIK: {nikLabel}.\nKK: {kkLabel}.\nKecamatan: {kecamatanName}.\nVillage: {desaName}.\nDocument photos: {photoCount}.\nThe NIK or KK is missing, so staff check your cards in person.\n\nIs this right?',
    'helpRequest.confirm.send': 'Yes, send',
    'helpRequest.confirm.edit': 'Change',
    'helpRequest.confirm.cancel': 'Cancel',
    'helpRequest.edit.ask': 'Which part do you want to change?',
    'helpRequest.field.category': 'Service',
    'helpRequest.field.need': 'Need',
    'helpRequest.field.name': 'Name',
    'helpRequest.field.nik': 'NIK',
    'helpRequest.field.kk': 'KK number',
    'helpRequest.field.domicile': 'Kecamatan and village',
    'helpRequest.field.documents': 'Document photos',
    'helpRequest.created':
      'We have received your request. Ticket code: {code}. Keep this code to check the status. Handled by {unitName}. Target date: {dueDate} at the latest.',
    'helpRequest.created.verify':
      'Your NIK or KK is missing. Please bring your ID card and family card to {unitName}.',
    'helpRequest.duplicate':
      'A {categoryName} request for this NIK or KK is still open. Ticket code: {code}. Status: {statusLabel}. So we did not create a new request.',
  },
});
