/** First contact: language and consent (UU PDP No. 27/2022), and the main menu. */
import { defineTexts } from '../define-texts.ts';

export const entryTexts = defineTexts({
  id: {
    'entry.askLanguage':
      'Selamat datang di layanan SLRT Puskesos.\nWilujeng sumping. Welcome.\n\nPilih bahasa / Pilih basa / Choose a language:',
    'entry.language.id': 'Bahasa Indonesia',
    'entry.language.su': 'Basa Sunda',
    'entry.language.en': 'English',
    'entry.askConsent':
      'Sebelum membantu, kami perlu izin Anda.\n\nYang kami catat: nama, NIK, nomor KK, desa, dan foto dokumen bila Anda kirim.\nGunanya: untuk memproses permohonan atau pengaduan Anda.\nYang melihat: petugas Puskesos desa Anda, dan mitra yang membantu. Mitra hanya melihat NIK yang disamarkan.\nData disimpan terenkripsi.\nDi menu "Privasi" Anda bisa melihat data Anda ("Lihat data saya") atau menghapusnya ("Hapus data saya"). Anda juga bisa menarik izin kapan saja.\n\nApakah Anda setuju?',
    'entry.consent.agree': 'Setuju',
    'entry.consent.decline': 'Tidak setuju',
    'entry.consent.more': 'Penjelasan lebih lanjut',
    'entry.consentDetails':
      'Data Anda dilindungi UU Pelindungan Data Pribadi No. 27 Tahun 2022.\nData hanya dipakai untuk layanan sosial, tidak dijual, dan tidak dibagikan ke pihak lain.\nDi menu "Privasi", pilih "Lihat data saya" untuk melihat data Anda. Pilih "Hapus data saya" untuk menghapusnya.\nTanpa izin, Anda tetap bisa membuat pengaduan tanpa nama dan melihat info layanan.\n\nApakah Anda setuju?',
    'entry.consent.declined':
      'Baik, tidak apa-apa. Anda tetap bisa membuat pengaduan tanpa nama dan melihat info layanan.',
    'menu.choose': 'Menu utama. Apa yang bisa kami bantu?',
    'menu.greeting':
      'Halo, selamat datang di layanan SLRT Puskesos. Ceritakan kebutuhan Anda, atau pilih nomor di bawah.',
    'menu.help': 'Ajukan bantuan',
    'menu.complaint': 'Sampaikan pengaduan',
    'menu.status': 'Cek status tiket',
    'menu.info': 'Info layanan',
    'menu.contact': 'Hubungi petugas',
    'menu.language': 'Ganti bahasa',
    'menu.privacy': 'Privasi',
    'menu.needConsent':
      'Untuk ini kami perlu mencatat data Anda (nama, NIK, KK, desa). Data disimpan terenkripsi dan hanya dilihat petugas dan mitra yang membantu. Apakah Anda setuju?',
    'menu.askLanguage': 'Pilih bahasa:',
    'menu.privacyInfo':
      'Anda sudah memberi izin pencatatan data. Anda bisa melihat atau menghapus data Anda. Jika izin ditarik, data Anda tidak dipakai untuk tiket baru. Tiket yang sedang berjalan tetap diselesaikan.',
    'menu.privacyNoConsent':
      'Anda belum memberi izin pencatatan data, atau sudah menariknya. Data dari tiket lama mungkin masih tersimpan. Anda bisa melihat atau menghapusnya.',
    'menu.privacy.withdraw': 'Tarik izin',
    'menu.privacy.withdrawn': 'Izin Anda sudah ditarik. Terima kasih.',
  },
  su: {
    'entry.askLanguage':
      'Wilujeng sumping di layanan SLRT Puskesos.\nSelamat datang. Welcome.\n\nPilih bahasa / Pilih basa / Choose a language:',
    'entry.language.id': 'Bahasa Indonesia',
    'entry.language.su': 'Basa Sunda',
    'entry.language.en': 'English',
    'entry.askConsent':
      'Saméméh ngabantu, abdi peryogi idin Bapa/Ibu.\n\nNu dicatet: nami, NIK, nomer KK, désa, sareng poto dokumén upami dikintun.\nGunana: pikeun ngolah paménta atanapi pangaduan Bapa/Ibu.\nNu ningali: patugas Puskesos désa Bapa/Ibu, sareng mitra nu ngabantu. Mitra ngan ningali NIK nu disamarkeun.\nData disimpen dienkripsi.\nDina ménu "Privasi" Bapa/Ibu tiasa ningali data ("Tingali data abdi") atanapi ngahapusna ("Hapus data abdi"). Bapa/Ibu ogé tiasa narik idin iraha waé.\n\nNaha Bapa/Ibu satuju?',
    'entry.consent.agree': 'Satuju',
    'entry.consent.decline': 'Teu satuju',
    'entry.consent.more': 'Katerangan salajengna',
    'entry.consentDetails':
      'Data Bapa/Ibu ditangtayungan ku UU Pelindungan Data Pribadi No. 27 Taun 2022.\nData ngan dianggo pikeun layanan sosial, henteu dijual, sareng henteu dibagikeun ka pihak sanés.\nDina ménu "Privasi", pilih "Tingali data abdi" pikeun ningali data. Pilih "Hapus data abdi" pikeun ngahapusna.\nTanpa idin, Bapa/Ibu tetep tiasa ngadamel pangaduan tanpa nami sareng ningali info layanan.\n\nNaha Bapa/Ibu satuju?',
    'entry.consent.declined':
      'Mangga, teu sawios. Bapa/Ibu tetep tiasa ngadamel pangaduan tanpa nami sareng ningali info layanan.',
    'menu.choose': 'Ménu utama. Naon nu tiasa dibantuan?',
    'menu.greeting':
      'Mangga, wilujeng sumping di layanan SLRT Puskesos. Caritakeun kaperluan Bapa/Ibu, atanapi pilih nomer di handap.',
    'menu.help': 'Ngajukeun bantuan',
    'menu.complaint': 'Ngintunkeun pangaduan',
    'menu.status': 'Mariksa status tikét',
    'menu.info': 'Info layanan',
    'menu.contact': 'Nyambung ka patugas',
    'menu.language': 'Gentos basa',
    'menu.privacy': 'Privasi',
    'menu.needConsent':
      'Pikeun ieu abdi peryogi nyatet data Bapa/Ibu (nami, NIK, KK, désa). Data disimpen dienkripsi sareng ngan ditingali ku patugas sareng mitra nu ngabantu. Naha satuju?',
    'menu.askLanguage': 'Pilih basa:',
    'menu.privacyInfo':
      'Bapa/Ibu tos masihan idin nyatet data. Bapa/Ibu tiasa ningali atanapi ngahapus data. Upami idin ditarik, data moal dianggo pikeun tikét énggal. Tikét nu nuju jalan tetep diréngsékeun.',
    'menu.privacyNoConsent':
      'Bapa/Ibu teu acan masihan idin nyatet data, atanapi tos narikna. Data ti tikét heubeul panginten masih disimpen. Bapa/Ibu tiasa ningali atanapi ngahapusna.',
    'menu.privacy.withdraw': 'Tarik idin',
    'menu.privacy.withdrawn': 'Idin Bapa/Ibu tos ditarik. Hatur nuhun.',
  },
  en: {
    'entry.askLanguage':
      'Welcome to the SLRT Puskesos service.\nSelamat datang. Wilujeng sumping.\n\nPilih bahasa / Pilih basa / Choose a language:',
    'entry.language.id': 'Bahasa Indonesia',
    'entry.language.su': 'Basa Sunda',
    'entry.language.en': 'English',
    'entry.askConsent':
      'Before we help, we need your permission.\n\nWhat we record: name, NIK, family card number, village, and document photos you send.\nWhy: to handle your request or complaint.\nWho sees it: the Puskesos staff of your village, and the partner who helps. Partners only see a masked NIK.\nData is stored encrypted.\nIn the "Privacy" menu, "See my data" shows your data and "Erase my data" erases it. You can also withdraw your permission there at any time.\n\nDo you agree?',
    'entry.consent.agree': 'I agree',
    'entry.consent.decline': 'I do not agree',
    'entry.consent.more': 'Tell me more',
    'entry.consentDetails':
      'Your data is protected by the Personal Data Protection Law No. 27 of 2022.\nIt is used only for social services, never sold, and not shared with others.\nIn the "Privacy" menu, choose "See my data" to see your data. Choose "Erase my data" to erase it.\nWithout permission you can still send an anonymous complaint and read service information.\n\nDo you agree?',
    'entry.consent.declined':
      'That is fine. You can still send an anonymous complaint and read service information.',
    'menu.choose': 'Main menu. How can we help?',
    'menu.greeting':
      'Hello, welcome to the SLRT Puskesos service. Tell us what you need, or choose a number below.',
    'menu.help': 'Ask for help',
    'menu.complaint': 'Make a complaint',
    'menu.status': 'Check a ticket',
    'menu.info': 'Service information',
    'menu.contact': 'Talk to staff',
    'menu.language': 'Change language',
    'menu.privacy': 'Privacy',
    'menu.needConsent':
      'For this we need to record your data (name, NIK, family card, village). It is stored encrypted and seen only by the staff and partners who help. Do you agree?',
    'menu.askLanguage': 'Choose a language:',
    'menu.privacyInfo':
      'You have allowed us to record your data. You can see or erase it. If you withdraw your permission, we will not use your data for new tickets. Open tickets are still finished.',
    'menu.privacyNoConsent':
      'You have not allowed us to record your data, or you withdrew it. Data from earlier tickets may still be stored. You can see or erase it.',
    'menu.privacy.withdraw': 'Withdraw permission',
    'menu.privacy.withdrawn': 'Your permission has been withdrawn. Thank you.',
  },
});
