/** Texts of the runtime itself: restarts, global commands, re-prompts, dates. */
import { defineTexts } from '../define-texts.ts';

export const conversationTexts = defineTexts({
  id: {
    'runtime.restarted.idle':
      'Percakapan sebelumnya sudah lama berhenti, jadi kita mulai lagi dari menu.',
    'runtime.restarted.version':
      'Layanan ini baru saja diperbarui, jadi percakapan dimulai lagi dari menu. Maaf, ya.',
    'runtime.cancelled': 'Baik, dibatalkan. Tidak ada yang dikirim.',
    'runtime.help':
      'Cara memakai: ketik jawaban Anda atau pilih nomor. Ketik "kembali" untuk langkah sebelumnya, "menu" untuk menu utama, "batal" untuk berhenti, "petunjuk" untuk pesan ini.\nIngin mengajukan bantuan? Ketik "bantuan" di menu utama.',
    'runtime.aid.first':
      'Kami siap membantu. Jawab dulu pertanyaan di bawah, lalu pilih "Ajukan bantuan" di menu.',
    'runtime.aid.filling':
      'Anda sedang mengajukan bantuan. Silakan jawab pertanyaan di bawah. Ketik "petunjuk" untuk cara memakai layanan ini.',
    'runtime.aid.elsewhere':
      'Ingin mengajukan bantuan? Ketik "menu", lalu pilih "Ajukan bantuan". Ketik "petunjuk" untuk cara memakai layanan ini.',
    'runtime.backUnavailable': 'Ini sudah langkah pertama.',
    'runtime.error':
      'Maaf, ada gangguan di sistem kami. Pesan Anda sudah tersimpan. Silakan coba lagi sebentar lagi.',
    'runtime.flowUnavailable': 'Maaf, layanan ini belum tersedia. Silakan pilih yang lain.',
    'input.fileTooLarge':
      'Maaf, filenya terlalu besar untuk kami terima. Kirim sebagai foto biasa, satu halaman satu foto.',
    'input.fileType':
      'Maaf, kami hanya bisa menerima foto (JPG, PNG) atau PDF. Silakan foto dokumennya lalu kirim.',
    'input.unsupported':
      'Maaf, kami belum bisa membaca pesan jenis ini. Silakan ketik atau pilih nomor.',
    'input.notUnderstood': 'Maaf, kami belum mengerti jawaban itu.',
    'input.outOfRange': 'Nomor {number} tidak ada di pilihan. Pilih nomor 1 sampai {max}.',
    'input.choose': 'Silakan pilih salah satu nomor di bawah.',
    'input.tooShort': 'Jawabannya terlalu pendek. Mohon tulis sedikit lebih lengkap.',
    'input.tooLong': 'Jawabannya terlalu panjang. Mohon ringkas, paling banyak {max} huruf.',
    'input.emojiOnly': 'Mohon tulis dengan kata-kata, bukan hanya emoji.',
    'input.name': 'Mohon tulis nama lengkap sesuai KTP, dengan huruf.',
    'input.rating': 'Mohon pilih angka 1 sampai 5.',
    'input.trackingCode': 'Kode tiket tidak dikenali. Contohnya: PB-7K4M2Q.',
    'input.attachment': 'Mohon kirim foto, atau pilih "Selesai" jika tidak ada lagi.',
    'input.placeNotFound':
      'Maaf, "{typed}" tidak ada di daftar kami. Pilih dari daftar di bawah, atau ketik lagi namanya.',
    'input.placeUnclear': 'Ada beberapa nama yang mirip. Pilih salah satu di bawah.',
    'common.showList': 'Lihat daftar',
    'common.more': 'Lainnya',
    'place.kecamatan.matches':
      'Kecamatan mana yang Anda maksud dengan "{areaQuery}"? Pilih nomornya, atau ketik lagi namanya.',
    'place.kecamatan.list': 'Pilih kecamatan dari daftar, atau ketik namanya.',
    'place.desa.matches':
      'Desa atau kelurahan mana yang Anda maksud dengan "{areaQuery}"? Pilih nomornya, atau ketik lagi namanya.',
    'place.desa.list': 'Pilih desa atau kelurahan dari daftar, atau ketik namanya.',
    'common.yes': 'Ya',
    'common.no': 'Tidak',
    'common.done': 'Selesai',
    'common.skip': 'Lewati',
    'common.back': 'Kembali',
    'common.menu': 'Menu utama',
    'date.weekday.0': 'Minggu',
    'date.weekday.1': 'Senin',
    'date.weekday.2': 'Selasa',
    'date.weekday.3': 'Rabu',
    'date.weekday.4': 'Kamis',
    'date.weekday.5': 'Jumat',
    'date.weekday.6': 'Sabtu',
    'date.month.1': 'Januari',
    'date.month.2': 'Februari',
    'date.month.3': 'Maret',
    'date.month.4': 'April',
    'date.month.5': 'Mei',
    'date.month.6': 'Juni',
    'date.month.7': 'Juli',
    'date.month.8': 'Agustus',
    'date.month.9': 'September',
    'date.month.10': 'Oktober',
    'date.month.11': 'November',
    'date.month.12': 'Desember',
    'date.long': '{weekday}, {day} {month} {year}',
  },
  su: {
    'runtime.restarted.idle':
      'Obrolan saméméhna tos lami lirén, janten urang mimitian deui ti ménu.',
    'runtime.restarted.version':
      'Layanan ieu nembé dianyarkeun, janten obrolan dimimitian deui ti ménu. Hapunten.',
    'runtime.cancelled': 'Mangga, dibatalkeun. Teu aya nu dikintun.',
    'runtime.help':
      'Cara ngagunakeun: serat waleran atanapi pilih nomer. Serat "uih" pikeun léngkah saméméhna, "menu" pikeun ménu utama, "batal" pikeun eureun, "petunjuk" pikeun pesen ieu.\nBadé ngajukeun bantuan? Serat "bantuan" dina ménu utama.',
    'runtime.aid.first':
      'Abdi siap ngabantu. Mangga waler heula patarosan di handap, teras pilih "Ngajukeun bantuan" dina ménu.',
    'runtime.aid.filling':
      'Bapa/Ibu nuju ngajukeun bantuan. Mangga waler patarosan di handap. Serat "petunjuk" pikeun cara ngagunakeun layanan ieu.',
    'runtime.aid.elsewhere':
      'Badé ngajukeun bantuan? Serat "menu", teras pilih "Ngajukeun bantuan". Serat "petunjuk" pikeun cara ngagunakeun layanan ieu.',
    'runtime.backUnavailable': 'Ieu tos léngkah kahiji.',
    'runtime.error':
      'Hapunten, aya gangguan dina sistem. Pesen Bapa/Ibu tos disimpen. Mangga cobian deui sakedap deui.',
    'runtime.flowUnavailable': 'Hapunten, layanan ieu teu acan aya. Mangga pilih nu sanés.',
    'input.fileTooLarge':
      'Hapunten, filena kagedéan. Kintun janten poto biasa, hiji kaca hiji poto.',
    'input.fileType':
      'Hapunten, urang ngan ukur tiasa nampi poto (JPG, PNG) atanapi PDF. Mangga poto dokuménna teras kintun.',
    'input.unsupported':
      'Hapunten, pesen jinis ieu teu acan tiasa dibaca. Mangga serat atanapi pilih nomer.',
    'input.notUnderstood': 'Hapunten, waleran éta teu acan kahartos.',
    'input.outOfRange': 'Nomer {number} teu aya dina pilihan. Pilih nomer 1 dugi ka {max}.',
    'input.choose': 'Mangga pilih salah sahiji nomer di handap.',
    'input.tooShort': 'Waleranana pondok teuing. Mangga serat rada lengkep.',
    'input.tooLong': 'Waleranana panjang teuing. Mangga ringkes, paling seueur {max} hurup.',
    'input.emojiOnly': 'Mangga serat ku kecap, sanés ngan ukur emoji.',
    'input.name': 'Mangga serat nami lengkep saluyu sareng KTP, ku hurup.',
    'input.rating': 'Mangga pilih angka 1 dugi ka 5.',
    'input.trackingCode': 'Kode tikét teu kawanoh. Contona: PB-7K4M2Q.',
    'input.attachment': 'Mangga kintun poto, atanapi pilih "Réngsé" upami tos teu aya deui.',
    'input.placeNotFound':
      'Hapunten, "{typed}" teu aya dina daptar. Mangga pilih tina daptar di handap, atanapi serat deui namina.',
    'input.placeUnclear': 'Aya sababaraha nami nu mirip. Mangga pilih salah sahiji di handap.',
    'common.showList': 'Tingali daptar',
    'common.more': 'Nu sanésna',
    'place.kecamatan.matches':
      'Kacamatan mana nu dimaksad ku "{areaQuery}"? Pilih nomerna, atanapi serat deui namina.',
    'place.kecamatan.list': 'Mangga pilih kacamatan tina daptar, atanapi serat namina.',
    'place.desa.matches':
      'Désa atanapi kalurahan mana nu dimaksad ku "{areaQuery}"? Pilih nomerna, atanapi serat deui namina.',
    'place.desa.list': 'Mangga pilih désa atanapi kalurahan tina daptar, atanapi serat namina.',
    'common.yes': 'Leres',
    'common.no': 'Henteu',
    'common.done': 'Réngsé',
    'common.skip': 'Lewat',
    'common.back': 'Uih',
    'common.menu': 'Ménu utama',
    'date.weekday.0': 'Minggu',
    'date.weekday.1': 'Senén',
    'date.weekday.2': 'Salasa',
    'date.weekday.3': 'Rebo',
    'date.weekday.4': 'Kemis',
    'date.weekday.5': 'Jumaah',
    'date.weekday.6': 'Saptu',
    'date.month.1': 'Januari',
    'date.month.2': 'Pébruari',
    'date.month.3': 'Maret',
    'date.month.4': 'April',
    'date.month.5': 'Méi',
    'date.month.6': 'Juni',
    'date.month.7': 'Juli',
    'date.month.8': 'Agustus',
    'date.month.9': 'Séptémber',
    'date.month.10': 'Oktober',
    'date.month.11': 'Nopémber',
    'date.month.12': 'Désémber',
    'date.long': '{weekday}, {day} {month} {year}',
  },
  en: {
    'runtime.restarted.idle':
      'Our last conversation stopped a while ago, so we are starting again from the menu.',
    'runtime.restarted.version':
      'This service was just updated, so the conversation starts again from the menu. Sorry.',
    'runtime.cancelled': 'All right, cancelled. Nothing was sent.',
    'runtime.help':
      'How to use this: type your answer or choose a number. Type "back" for the previous step, "menu" for the main menu, "cancel" to stop. Type "help" or "petunjuk" to see this again.\nWant to ask for help? Type "bantuan" at the main menu.',
    'runtime.aid.first':
      'We are here to help. Please answer the question below first, then choose "Ask for help" in the menu.',
    'runtime.aid.filling':
      'You are asking for help now. Please answer the question below. Type "petunjuk" or "help" to see how to use this service.',
    'runtime.aid.elsewhere':
      'Want to ask for help? Type "menu", then choose "Ask for help". Type "petunjuk" or "help" to see how to use this service.',
    'runtime.backUnavailable': 'This is already the first step.',
    'runtime.error':
      'Sorry, something went wrong on our side. Your message is saved. Please try again in a moment.',
    'runtime.flowUnavailable': 'Sorry, this service is not available yet. Please choose another.',
    'input.fileTooLarge':
      'Sorry, that file is too large for us. Send it as a normal photo, one page per photo.',
    'input.fileType':
      'Sorry, we can only take photos (JPG, PNG) or PDF files. Please take a photo of the document and send it.',
    'input.unsupported':
      'Sorry, we cannot read this kind of message yet. Please type or choose a number.',
    'input.notUnderstood': 'Sorry, we did not understand that answer.',
    'input.outOfRange': 'Number {number} is not one of the choices. Choose 1 to {max}.',
    'input.choose': 'Please choose one of the numbers below.',
    'input.tooShort': 'That answer is too short. Please write a little more.',
    'input.tooLong': 'That answer is too long. Please keep it under {max} characters.',
    'input.emojiOnly': 'Please write in words, not only emoji.',
    'input.name': 'Please write your full name as on your ID card, in letters.',
    'input.rating': 'Please choose a number from 1 to 5.',
    'input.trackingCode': 'We do not recognise that ticket code. It looks like: PB-7K4M2Q.',
    'input.attachment': 'Please send a photo, or choose "Done" if there are no more.',
    'input.placeNotFound':
      'Sorry, "{typed}" is not on our list. Choose from the list below, or type the name again.',
    'input.placeUnclear': 'Several names are alike. Please choose one below.',
    'common.showList': 'See the list',
    'common.more': 'More',
    'place.kecamatan.matches':
      'Which kecamatan did you mean by "{areaQuery}"? Choose its number, or type the name again.',
    'place.kecamatan.list': 'Choose the kecamatan from the list, or type its name.',
    'place.desa.matches':
      'Which desa or kelurahan did you mean by "{areaQuery}"? Choose its number, or type the name again.',
    'place.desa.list': 'Choose the desa or kelurahan from the list, or type its name.',
    'common.yes': 'Yes',
    'common.no': 'No',
    'common.done': 'Done',
    'common.skip': 'Skip',
    'common.back': 'Back',
    'common.menu': 'Main menu',
    'date.weekday.0': 'Sunday',
    'date.weekday.1': 'Monday',
    'date.weekday.2': 'Tuesday',
    'date.weekday.3': 'Wednesday',
    'date.weekday.4': 'Thursday',
    'date.weekday.5': 'Friday',
    'date.weekday.6': 'Saturday',
    'date.month.1': 'January',
    'date.month.2': 'February',
    'date.month.3': 'March',
    'date.month.4': 'April',
    'date.month.5': 'May',
    'date.month.6': 'June',
    'date.month.7': 'July',
    'date.month.8': 'August',
    'date.month.9': 'September',
    'date.month.10': 'October',
    'date.month.11': 'November',
    'date.month.12': 'December',
    'date.long': '{weekday}, {day} {month} {year}',
  },
});
