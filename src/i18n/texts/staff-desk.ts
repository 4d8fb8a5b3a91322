/**
 * The staff and partner desk: command answers, announcements to staff and
 * partner chats, and the status updates residents receive. Answers are one
 * short line where possible: staff read them on cheap phones between visits.
 */
import { defineTexts } from '../define-texts.ts';

export const staffDeskTexts = defineTexts({
  id: {
    'staff.role.petugas': 'petugas',
    'staff.role.koordinator': 'koordinator',
    'staff.role.mitra': 'mitra',
    'staff.role.admin': 'admin',
    'staff.unknownCommand':
      'Perintah "{command}" tidak dikenal. Ketik /bantuan untuk daftar perintah.',
    'staff.notAllowed':
      'Perintah /{command} bukan untuk {role}. Ketik /bantuan untuk perintah Anda.',
    'staff.notStaff':
      'Perintah ini khusus petugas dan mitra. Gabung dulu dengan /masuk KODE dari admin Dinas Sosial.',
    'staff.usage': 'Cara pakai: {usage}',
    'staff.notCommand': 'Ini chat petugas. Ketik /bantuan untuk daftar perintah.',
    'staff.ticketNotFound': 'Tiket {code} tidak ada di wilayah Anda.',
    'staff.illegalMove': '{code} berstatus "{status}", jadi tidak bisa {action}.',
    'staff.failed':
      'Maaf, perintah gagal karena gangguan sistem. Tidak ada yang berubah. Coba lagi.',
    'staff.join.ok':
      'Selamat bergabung sebagai {role} di {unit}{partner}. Ketik /bantuan untuk daftar perintah.',
    'staff.join.partner': ' untuk {partner}',
    'staff.join.invalid':
      'Kode undangan tidak berlaku: salah, sudah dipakai, atau kedaluwarsa. Minta kode baru ke admin Dinas Sosial.',
    'staff.join.lockedOut':
      'Terlalu banyak kode salah dari chat ini. Coba lagi setelah {minutes} menit.',
    'staff.join.already': 'Anda sudah terdaftar sebagai {role} di {unit}.',
    'staff.join.room':
      'Grup ini sekarang ruang petugas {unit}: tiket baru diumumkan di sini. NIK dan KK di grup selalu disamarkan.',
    'staff.queue.header': 'Antrian {count} tiket{filter}, paling mendesak dulu:',
    'staff.queue.filter': ' berstatus "{status}"',
    'staff.queue.line': '{code} · {status} · {about} · {desa} · batas {due}{urgency}{assignee}',
    'staff.queue.assignee': ' · dipegang {name}',
    'staff.queue.empty': 'Tidak ada tiket{filter} di antrian Anda.',
    'staff.queue.more': '…dan {count} lagi. Saring dengan /antrian STATUS.',
    'staff.unknownStatus': 'Status "{status}" tidak dikenal. Pilih salah satu: {statuses}.',
    'staff.ticket.detail':
      '{code} · {kind} · {status}\nTentang: {about}\nDesa: {desa} · Unit: {unit}\nPelapor: {person}\nNIK: {nik} · KK: {kk}\nBatas: {due} ({left}) · Dipegang: {assignee}\nIsi: {description}\nDokumen: {documents}',
    'staff.ticket.kind.permohonan': 'permohonan',
    'staff.ticket.kind.pengaduan': 'pengaduan',
    'staff.ticket.anonymous': 'tanpa nama',
    'staff.ticket.confidential': 'rahasia',
    'staff.ticket.nobody': 'belum ada',
    'staff.ticket.none': '-',
    'staff.ticket.document': '{kind}{label} {size}',
    'staff.ticket.photo': 'foto',
    'staff.ticket.pdf': 'PDF',
    'staff.ticket.documentCaption': '{code} · {kind} {n}/{total}',
    'staff.ticket.timeline': 'Riwayat:',
    'staff.ticket.event': '{when} · {who} · {what}',
    'staff.ticket.internal': '(internal) ',
    'staff.ticket.related': 'Tiket lain dengan NIK/KK sama:\n{list}',
    'staff.ticket.relatedLine': '{code} · {status} · {about} · {relation}',
    'staff.ticket.sameNik': 'NIK sama',
    'staff.ticket.sameKk': 'satu KK',
    'staff.ticket.noRelated': 'Tidak ada tiket lain dengan NIK/KK sama.',
    'staff.ticket.nikClaim':
      '⚠ NIK ini milik warga yang terdaftar lewat chat lain. Chat pelapor ini tidak dihubungkan ke warga itu. Data warga tidak diubah; pelapor, NIK dan KK di atas adalah data tersimpan. Periksa identitas pelapor sebelum menindaklanjuti.',
    'staff.ticket.nikClaimDiffers': 'Yang diketik pelapor berbeda: {fields}.',
    'staff.ticket.nikClaimSame': 'Nama dan KK yang diketik pelapor sama dengan data tersimpan.',
    'staff.ticket.nikClaimTyped': 'Diketik pelapor: nama {name} · KK {kk}',
    'staff.ticket.nikClaimPrivate':
      'Yang diketik pelapor hanya ditampilkan di chat pribadi: /tiket {code}',
    'staff.ticket.field.name': 'nama',
    'staff.ticket.field.kk': 'KK',
    'staff.actor.warga': 'Warga',
    'staff.actor.anonim': 'Pelapor tanpa nama',
    'staff.actor.sistem': 'Sistem',
    'staff.actor.staff': '{role} {name}',
    'staff.ticket.residentMessage': 'pesan:',
    'staff.ticket.rating': 'nilai {rating}/5',
    'staff.ticket.ratingWithComment': 'nilai {rating}/5: {comment}',
    'staff.claim.ok': '{code} sekarang Anda pegang.',
    'staff.claim.taken': '{code} sekarang Anda pegang (sebelumnya {name}).',
    'staff.claim.already': '{code} sudah Anda pegang.',
    'staff.verify.ok': '{code} terverifikasi.',
    'staff.refer.ok': '{code} dirujuk ke {partner}. Mitra sudah diberi tahu.',
    'staff.refer.choose':
      'Mitra yang menawarkan {about} di {desa}:\n{list}\nRujuk dengan: /rujuk {code} KODE_MITRA catatan',
    'staff.refer.partnerLine': '{partnerCode} · {partner}',
    'staff.refer.none': 'Belum ada mitra aktif yang menawarkan {about} di {desa}.',
    'staff.refer.noService':
      '{code} adalah pengaduan ({about}), bukan layanan, jadi tidak ada mitra yang menawarkannya. Bila tetap perlu: /rujuk {code} KODE_MITRA catatan',
    'staff.refer.unknownPartner':
      'Mitra "{partnerCode}" tidak ada. Ketik /rujuk {code} untuk daftar mitra.',
    'staff.refer.stillOpen': '{code} masih punya rujukan terbuka ke {partner}.',
    'staff.request.ok': 'Permintaan dikirim ke pelapor {code}. Status: menunggu warga.',
    'staff.reply.ok': 'Pesan terkirim ke pelapor {code}.',
    'staff.noResident': '{code} tidak punya kontak pelapor (tanpa nama): pesan tidak bisa dikirim.',
    'staff.told.resident': 'Pelapor sudah diberi tahu.',
    'staff.told.rating': 'Pelapor diminta menilai layanan.',
    'staff.told.reason': 'Alasannya dikirim ke pelapor.',
    'staff.told.anonymous': 'Pengaduan tanpa nama: tidak ada pelapor yang bisa diberi tahu.',
    'staff.told.unreachable': 'Pelapor tidak bisa diberi tahu: chat pelapor sudah tidak ada.',
    'staff.residentGone': '{code}: chat pelapor sudah tidak ada, jadi pesan tidak bisa dikirim.',
    'staff.note.ok': 'Catatan internal disimpan di {code}. Warga dan mitra tidak melihatnya.',
    'staff.status.ok': '{code}: "{from}" → "{to}".',
    'staff.status.useCommand': 'Untuk status {status} pakai {command}.',
    'staff.escalate.ok': '{code} diteruskan ke {unit}.',
    'staff.escalate.top': '{unit} sudah unit tertinggi; tidak bisa diteruskan lagi.',
    'staff.complete.ok': '{code} selesai.',
    'staff.close.ok': '{code} ditutup.',
    'staff.reject.ok': '{code} ditolak.',
    'staff.help.header': 'Perintah untuk {role}:',
    'staff.help.noTicket':
      'Belum ada tiket yang bisa Anda buka: {code} di contoh hanya bentuk kode tiket.',
    'staff.help.partnerWord': 'KODE_MITRA',
    'staff.help.join': 'Belum terdaftar? Gabung dengan /masuk KODE dari admin Dinas Sosial.',
    'staff.usage.masuk': '/masuk KODE: gabung dengan kode undangan. Contoh: /masuk K7M2Q-9XAPR',
    'staff.usage.antrian':
      '/antrian [STATUS]: antrian, paling mendesak dulu. Contoh: /antrian BARU',
    'staff.usage.tiket': '/tiket KODE: rincian, riwayat, dokumen. Contoh: /tiket {code}',
    'staff.usage.ambil': '/ambil KODE: pegang tiket ini. Contoh: /ambil {code}',
    'staff.usage.verifikasi': '/verifikasi KODE: data sudah diperiksa. Contoh: /verifikasi {code}',
    'staff.usage.rujuk':
      '/rujuk KODE [MITRA] [catatan]: rujuk ke mitra; tanpa MITRA muncul daftar mitra. Contoh: /rujuk {code} {partner} mohon dibantu biaya sekolah',
    'staff.usage.minta':
      '/minta KODE pesan: minta dokumen ke warga. Contoh: /minta {code} Mohon kirim foto KK',
    'staff.usage.balas':
      '/balas KODE pesan: kirim pesan ke warga. Contoh: /balas {code} Besok jam 9 ke kantor desa',
    'staff.usage.catatan':
      '/catatan KODE teks: catatan internal. Contoh: /catatan {code} sudah survei rumah',
    'staff.usage.status':
      '/status KODE STATUS [pesan]: ubah status. Contoh: /status {code} DIPROSES',
    'staff.usage.eskalasi':
      '/eskalasi KODE alasan: teruskan ke unit di atas. Contoh: /eskalasi {code} butuh anggaran kabupaten',
    'staff.usage.selesai':
      '/selesai KODE ringkasan: selesaikan atau tutup. Contoh: /selesai {code} bantuan sudah diterima',
    'staff.usage.tolak':
      '/tolak KODE alasan: tolak tiket. Contoh: /tolak {code} bukan warga desa ini',
    'staff.usage.bantuan': '/bantuan: daftar perintah ini',
    'staff.usage.rujukan': '/rujukan: rujukan yang masuk dan masih terbuka',
    'staff.usage.terima': '/terima KODE: terima rujukan. Contoh: /terima {code}',
    'staff.usage.tolakRujukan':
      '/tolak KODE alasan: tolak rujukan. Contoh: /tolak {code} kuota habis',
    'staff.usage.tuntas':
      '/tuntas KODE hasil: berhasil, atau tidak berhasil dengan alasan. Contoh: /tuntas {code} berhasil',
    'staff.announce.ticket': 'Tiket baru {code} · {kind} · {about} · {desa}. Batas {due}.',
    'staff.announce.nikClaim':
      '⚠ NIK pelapor milik warga terdaftar dari chat lain; {fields} yang diketik berbeda. Periksa di /tiket {code} sebelum menindaklanjuti.',
    'staff.announce.nikClaimSame':
      '⚠ NIK pelapor milik warga terdaftar dari chat lain. Periksa di /tiket {code} sebelum menindaklanjuti.',
    'staff.announce.escalated': 'Tiket {code} diteruskan dari {unit}: {reason}',
    'staff.announce.view': 'Lihat',
    'staff.announce.claim': 'Ambil',
    'staff.announce.residentMessage': 'Pesan pelapor {code}:\n{text}\nBalas: /balas {code} pesan',
    'staff.announce.referralAccepted': '{partner} menerima rujukan {code}.',
    'staff.announce.referralRejected':
      '{partner} menolak rujukan {code}: {reason}. Tiket kembali ke antrian.',
    'staff.announce.referralDone': '{partner} menuntaskan rujukan {code}: {outcome}.',
    'partner.referrals.header': 'Rujukan untuk {partner} ({count}):',
    'partner.referrals.line': '{code} · {status} · {about} · {desa} · dikirim {sent}',
    'partner.referrals.empty': 'Tidak ada rujukan terbuka untuk {partner}.',
    'partner.referral.detail':
      'Rujukan {code} · {status}\nTentang: {about}\nDesa: {desa} · Dari: {unit}\nPelapor: {person} · NIK: {nik}\nIsi: {description}\nCatatan unit: {note}',
    'partner.notFound': 'Rujukan {code} tidak ada untuk {partner}.',
    'partner.inactive':
      'Kemitraan {partner} dengan SLRT sudah tidak aktif, jadi perintah mitra tidak bisa dipakai lagi. Hubungi Dinas Sosial bila ini keliru.',
    'partner.accept.ok': 'Rujukan {code} diterima. Unit sudah diberi tahu.',
    'partner.reject.ok': 'Rujukan {code} ditolak; tiket kembali ke antrian {unit}.',
    'partner.finish.ok': 'Rujukan {code} tuntas: {outcome}.',
    'partner.finish.outcome':
      'Tulis hasilnya: berhasil, atau tidak berhasil diikuti alasannya. Contoh: /tuntas {code} tidak berhasil kuota habis',
    'partner.announce.referral':
      'Rujukan baru {code} dari {unit}: {about} · {desa}.\nCatatan: {note}\nTerima: /terima {code} · Tolak: /tolak {code} alasan',
    'partner.announce.cancelled': 'Rujukan {code} dibatalkan oleh {unit}.',
    'partner.announce.withdrawn': 'Rujukan {code} dibatalkan: warga meminta datanya dihapus.',
    'staff.usage.batalrujuk':
      '/batalrujuk KODE alasan: batalkan rujukan yang masih terbuka; tiket kembali ke antrian. Contoh: /batalrujuk {code} mitra tidak bisa dihubungi',
    'staff.cancelReferral.ok':
      'Rujukan {code} ke {partner} dibatalkan; tiket kembali ke antrian. Rujuk lagi dengan /rujuk {code}.',
    'staff.cancelReferral.none': '{code} tidak punya rujukan terbuka untuk dibatalkan.',
    'staff.alert.reopened':
      '⚠ Pelapor membuka kembali tiket {code}: masalahnya belum selesai. Batas baru {due}.',
    'staff.alert.lowRating': '⚠ Pelapor {code} memberi nilai {rating} dari 5.',
    'staff.alert.withdrawn':
      'Tiket {code} ditutup: pelapor meminta datanya dihapus. Rujukan yang masih berjalan dibatalkan.',
    'staff.alert.answered':
      'Pelapor {code} menjawab permintaan petugas; tiket kembali berjalan ({status}).',
    'staff.queue.overdue': ' · ⚠ lewat batas {days} hari kerja',
    'staff.queue.nearDue': ' · ⏳ sisa {days} hari kerja',
    'staff.queue.paused': ' · dijeda',
    'staff.time.left': 'sisa {days} hari kerja',
    'staff.time.late': 'lewat {days} hari kerja',
    'staff.time.paused': 'dijeda: menunggu warga',
    'notify.verified': 'Kabar tiket {code}: data Anda sudah diperiksa petugas {unit}.',
    'notify.referred': 'Kabar tiket {code}: permohonan Anda dirujuk ke {partner}.',
    'notify.referralAccepted':
      'Kabar tiket {code}: {partner} menerima rujukan dan sedang mengerjakannya.',
    'notify.referralReturned':
      'Kabar tiket {code}: petugas {unit} sedang mencarikan jalan lain untuk Anda.',
    'notify.waiting':
      'Petugas {unit} butuh bantuan Anda untuk tiket {code}:\n{message}\nKirim lewat menu "Hubungi petugas".',
    'notify.statusChanged': 'Kabar tiket {code}: status sekarang "{status}".',
    'notify.withMessage': '{text}\nPesan petugas: {message}',
    'notify.escalated': 'Kabar tiket {code}: diteruskan ke {unit} supaya bisa ditangani.',
    'notify.completed': 'Kabar tiket {code}: selesai. {summary}',
    'notify.closed': 'Tiket {code} ditutup. Terima kasih sudah memakai layanan SLRT.',
    'notify.rejected': 'Mohon maaf, tiket {code} tidak bisa dilanjutkan. Alasannya: {reason}',
  },
  su: {
    'staff.role.petugas': 'patugas',
    'staff.role.koordinator': 'koordinator',
    'staff.role.mitra': 'mitra',
    'staff.role.admin': 'admin',
    'staff.unknownCommand':
      'Paréntah "{command}" teu dikenal. Serat /bantuan kanggo daptar paréntah.',
    'staff.notAllowed':
      'Paréntah /{command} sanés kanggo {role}. Serat /bantuan kanggo paréntah anjeun.',
    'staff.notStaff':
      'Paréntah ieu khusus patugas sareng mitra. Gabung heula ku /masuk KODE ti admin Dinas Sosial.',
    'staff.usage': 'Cara ngagunakeun: {usage}',
    'staff.notCommand': 'Ieu chat patugas. Serat /bantuan kanggo daptar paréntah.',
    'staff.ticketNotFound': 'Tikét {code} teu aya di wilayah anjeun.',
    'staff.illegalMove': '{code} statusna "{status}", janten teu tiasa {action}.',
    'staff.failed':
      'Hapunten, paréntah gagal kusabab gangguan sistem. Teu aya nu robih. Cobian deui.',
    'staff.join.ok':
      'Wilujeng gabung salaku {role} di {unit}{partner}. Serat /bantuan kanggo daptar paréntah.',
    'staff.join.partner': ' kanggo {partner}',
    'staff.join.invalid':
      'Kode uleman teu lumaku: lepat, parantos dianggo, atanapi kadaluwarsa. Nyuhunkeun kode énggal ka admin Dinas Sosial.',
    'staff.join.lockedOut':
      'Seueur teuing kode lepat ti chat ieu. Cobian deui saatos {minutes} menit.',
    'staff.join.already': 'Anjeun parantos kadaptar salaku {role} di {unit}.',
    'staff.join.room':
      'Grup ieu ayeuna rohangan patugas {unit}: tikét énggal diumumkeun di dieu. NIK sareng KK di grup salawasna disamarkeun.',
    'staff.queue.header': 'Antrian {count} tikét{filter}, nu pangmendesakna heula:',
    'staff.queue.filter': ' statusna "{status}"',
    'staff.queue.line': '{code} · {status} · {about} · {desa} · wates {due}{urgency}{assignee}',
    'staff.queue.assignee': ' · dicepeng {name}',
    'staff.queue.empty': 'Teu aya tikét{filter} dina antrian anjeun.',
    'staff.queue.more': '…sareng {count} deui. Saring ku /antrian STATUS.',
    'staff.unknownStatus': 'Status "{status}" teu dikenal. Pilih salah sahiji: {statuses}.',
    'staff.ticket.detail':
      '{code} · {kind} · {status}\nPerkawis: {about}\nDésa: {desa} · Unit: {unit}\nNu ngalaporkeun: {person}\nNIK: {nik} · KK: {kk}\nWates: {due} ({left}) · Dicepeng: {assignee}\nEusi: {description}\nDokumén: {documents}',
    'staff.ticket.kind.permohonan': 'pamohonan',
    'staff.ticket.kind.pengaduan': 'pangaduan',
    'staff.ticket.anonymous': 'tanpa nami',
    'staff.ticket.confidential': 'rusiah',
    'staff.ticket.nobody': 'teu acan aya',
    'staff.ticket.none': '-',
    'staff.ticket.document': '{kind}{label} {size}',
    'staff.ticket.photo': 'poto',
    'staff.ticket.pdf': 'PDF',
    'staff.ticket.documentCaption': '{code} · {kind} {n}/{total}',
    'staff.ticket.timeline': 'Riwayat:',
    'staff.ticket.event': '{when} · {who} · {what}',
    'staff.ticket.internal': '(internal) ',
    'staff.ticket.related': 'Tikét sanés kalayan NIK/KK sami:\n{list}',
    'staff.ticket.relatedLine': '{code} · {status} · {about} · {relation}',
    'staff.ticket.sameNik': 'NIK sami',
    'staff.ticket.sameKk': 'hiji KK',
    'staff.ticket.noRelated': 'Teu aya tikét sanés kalayan NIK/KK sami.',
    'staff.ticket.nikClaim':
      '⚠ NIK ieu kagungan warga nu kadaptar ngalangkungan chat sanés. Chat nu ngalaporkeun ieu henteu dihubungkeun ka warga éta. Data warga henteu dirobih; nu ngalaporkeun, NIK sareng KK di luhur mangrupikeun data nu disimpen. Parios idéntitas nu ngalaporkeun sateuacan ditindaklanjutan.',
    'staff.ticket.nikClaimDiffers': 'Nu diserat ku nu ngalaporkeun bénten: {fields}.',
    'staff.ticket.nikClaimSame':
      'Nami sareng KK nu diserat ku nu ngalaporkeun sami sareng data nu disimpen.',
    'staff.ticket.nikClaimTyped': 'Diserat ku nu ngalaporkeun: nami {name} · KK {kk}',
    'staff.ticket.nikClaimPrivate':
      'Nu diserat ku nu ngalaporkeun ngan ukur ditingalikeun dina chat pribadi: /tiket {code}',
    'staff.ticket.field.name': 'nami',
    'staff.ticket.field.kk': 'KK',
    'staff.actor.warga': 'Warga',
    'staff.actor.anonim': 'Nu ngalaporkeun tanpa nami',
    'staff.actor.sistem': 'Sistem',
    'staff.actor.staff': '{role} {name}',
    'staff.ticket.residentMessage': 'pesen:',
    'staff.ticket.rating': 'peunteun {rating}/5',
    'staff.ticket.ratingWithComment': 'peunteun {rating}/5: {comment}',
    'staff.claim.ok': '{code} ayeuna dicepeng ku anjeun.',
    'staff.claim.taken': '{code} ayeuna dicepeng ku anjeun (saméméhna {name}).',
    'staff.claim.already': '{code} parantos dicepeng ku anjeun.',
    'staff.verify.ok': '{code} parantos diverifikasi.',
    'staff.refer.ok': '{code} dirujuk ka {partner}. Mitra parantos dibéjaan.',
    'staff.refer.choose':
      'Mitra nu nawiskeun {about} di {desa}:\n{list}\nRujuk ku: /rujuk {code} KODE_MITRA catetan',
    'staff.refer.partnerLine': '{partnerCode} · {partner}',
    'staff.refer.none': 'Teu acan aya mitra aktif nu nawiskeun {about} di {desa}.',
    'staff.refer.noService':
      '{code} téh pangaduan ({about}), sanés layanan, janten teu aya mitra nu nawiskeunana. Upami tetep peryogi: /rujuk {code} KODE_MITRA catetan',
    'staff.refer.unknownPartner':
      'Mitra "{partnerCode}" teu aya. Serat /rujuk {code} kanggo daptar mitra.',
    'staff.refer.stillOpen': '{code} masih gaduh rujukan kabuka ka {partner}.',
    'staff.request.ok': 'Pamundut dikintun ka nu ngalaporkeun {code}. Status: ngantosan warga.',
    'staff.reply.ok': 'Pesen dikintun ka nu ngalaporkeun {code}.',
    'staff.noResident':
      '{code} teu gaduh kontak nu ngalaporkeun (tanpa nami): pesen teu tiasa dikintun.',
    'staff.told.resident': 'Nu ngalaporkeun parantos dibéjaan.',
    'staff.told.rating': 'Nu ngalaporkeun dipénta méré peunteun.',
    'staff.told.reason': 'Alesanana dikintun ka nu ngalaporkeun.',
    'staff.told.anonymous': 'Pangaduan tanpa nami: teu aya nu ngalaporkeun nu tiasa dibéjaan.',
    'staff.told.unreachable': 'Nu ngalaporkeun teu tiasa dibéjaan: chatna parantos teu aya.',
    'staff.residentGone':
      '{code}: chat nu ngalaporkeun parantos teu aya, janten pesen teu tiasa dikintun.',
    'staff.note.ok': 'Catetan internal disimpen di {code}. Warga sareng mitra teu ningali.',
    'staff.status.ok': '{code}: "{from}" → "{to}".',
    'staff.status.useCommand': 'Kanggo status {status} anggo {command}.',
    'staff.escalate.ok': '{code} diteraskeun ka {unit}.',
    'staff.escalate.top': '{unit} parantos unit pangluhurna; teu tiasa diteraskeun deui.',
    'staff.complete.ok': '{code} réngsé.',
    'staff.close.ok': '{code} ditutup.',
    'staff.reject.ok': '{code} ditolak.',
    'staff.help.header': 'Paréntah kanggo {role}:',
    'staff.help.noTicket':
      'Teu acan aya tikét nu tiasa dibuka: {code} dina conto ukur wangun kode tikét.',
    'staff.help.partnerWord': 'KODE_MITRA',
    'staff.help.join': 'Teu acan kadaptar? Gabung ku /masuk KODE ti admin Dinas Sosial.',
    'staff.usage.masuk': '/masuk KODE: gabung ku kode uleman. Conto: /masuk K7M2Q-9XAPR',
    'staff.usage.antrian':
      '/antrian [STATUS]: antrian, nu pangmendesakna heula. Conto: /antrian BARU',
    'staff.usage.tiket': '/tiket KODE: rincian, riwayat, dokumén. Conto: /tiket {code}',
    'staff.usage.ambil': '/ambil KODE: cepeng tikét ieu. Conto: /ambil {code}',
    'staff.usage.verifikasi':
      '/verifikasi KODE: data parantos dipariksa. Conto: /verifikasi {code}',
    'staff.usage.rujuk':
      '/rujuk KODE [MITRA] [catetan]: rujuk ka mitra; tanpa MITRA muncul daptar mitra. Conto: /rujuk {code} {partner} mangga dibantos biaya sakola',
    'staff.usage.minta':
      '/minta KODE pesen: nyuhunkeun dokumén ka warga. Conto: /minta {code} Mangga kintun poto KK',
    'staff.usage.balas':
      '/balas KODE pesen: kintun pesen ka warga. Conto: /balas {code} Enjing jam 9 ka kantor désa',
    'staff.usage.catatan':
      '/catatan KODE téks: catetan internal. Conto: /catatan {code} parantos survéy bumi',
    'staff.usage.status':
      '/status KODE STATUS [pesen]: robih status. Conto: /status {code} DIPROSES',
    'staff.usage.eskalasi':
      '/eskalasi KODE alesan: teraskeun ka unit di luhur. Conto: /eskalasi {code} peryogi anggaran kabupatén',
    'staff.usage.selesai':
      '/selesai KODE ringkesan: réngsékeun atanapi tutup. Conto: /selesai {code} bantosan parantos katampi',
    'staff.usage.tolak':
      '/tolak KODE alesan: tolak tikét. Conto: /tolak {code} sanés warga désa ieu',
    'staff.usage.bantuan': '/bantuan: daptar paréntah ieu',
    'staff.usage.rujukan': '/rujukan: rujukan nu asup sareng masih kabuka',
    'staff.usage.terima': '/terima KODE: tampi rujukan. Conto: /terima {code}',
    'staff.usage.tolakRujukan':
      '/tolak KODE alesan: tolak rujukan. Conto: /tolak {code} kuota béak',
    'staff.usage.tuntas':
      '/tuntas KODE hasil: berhasil, atanapi tidak berhasil sareng alesanana. Conto: /tuntas {code} berhasil',
    'staff.announce.ticket': 'Tikét énggal {code} · {kind} · {about} · {desa}. Wates {due}.',
    'staff.announce.nikClaim':
      '⚠ NIK nu ngalaporkeun kagungan warga kadaptar ti chat sanés; {fields} nu diserat bénten. Parios dina /tiket {code} sateuacan ditindaklanjutan.',
    'staff.announce.nikClaimSame':
      '⚠ NIK nu ngalaporkeun kagungan warga kadaptar ti chat sanés. Parios dina /tiket {code} sateuacan ditindaklanjutan.',
    'staff.announce.escalated': 'Tikét {code} diteraskeun ti {unit}: {reason}',
    'staff.announce.view': 'Tingali',
    'staff.announce.claim': 'Cepeng',
    'staff.announce.residentMessage':
      'Pesen nu ngalaporkeun {code}:\n{text}\nWaler: /balas {code} pesen',
    'staff.announce.referralAccepted': '{partner} nampi rujukan {code}.',
    'staff.announce.referralRejected':
      '{partner} nolak rujukan {code}: {reason}. Tikét uih ka antrian.',
    'staff.announce.referralDone': '{partner} nuntaskeun rujukan {code}: {outcome}.',
    'partner.referrals.header': 'Rujukan kanggo {partner} ({count}):',
    'partner.referrals.line': '{code} · {status} · {about} · {desa} · dikintun {sent}',
    'partner.referrals.empty': 'Teu aya rujukan kabuka kanggo {partner}.',
    'partner.referral.detail':
      'Rujukan {code} · {status}\nPerkawis: {about}\nDésa: {desa} · Ti: {unit}\nNu ngalaporkeun: {person} · NIK: {nik}\nEusi: {description}\nCatetan unit: {note}',
    'partner.notFound': 'Rujukan {code} teu aya kanggo {partner}.',
    'partner.inactive':
      'Kamitraan {partner} sareng SLRT parantos teu aktif, janten paréntah mitra teu tiasa dianggo deui. Hubungi Dinas Sosial upami ieu lepat.',
    'partner.accept.ok': 'Rujukan {code} katampi. Unit parantos dibéjaan.',
    'partner.reject.ok': 'Rujukan {code} ditolak; tikét uih ka antrian {unit}.',
    'partner.finish.ok': 'Rujukan {code} tuntas: {outcome}.',
    'partner.finish.outcome':
      'Serat hasilna: berhasil, atanapi tidak berhasil sareng alesanana. Conto: /tuntas {code} tidak berhasil kuota béak',
    'partner.announce.referral':
      'Rujukan énggal {code} ti {unit}: {about} · {desa}.\nCatetan: {note}\nTampi: /terima {code} · Tolak: /tolak {code} alesan',
    'partner.announce.cancelled': 'Rujukan {code} dibatalkeun ku {unit}.',
    'partner.announce.withdrawn': 'Rujukan {code} dibolaykeun: warga nyuhunkeun datana dihapus.',
    'staff.usage.batalrujuk':
      '/batalrujuk KODE alesan: bolaykeun rujukan nu masih kabuka; tikét uih ka antrian. Conto: /batalrujuk {code} mitra teu tiasa dihubungi',
    'staff.cancelReferral.ok':
      'Rujukan {code} ka {partner} dibolaykeun; tikét uih ka antrian. Rujuk deui ku /rujuk {code}.',
    'staff.cancelReferral.none': '{code} teu gaduh rujukan kabuka nu tiasa dibolaykeun.',
    'staff.alert.reopened':
      '⚠ Nu ngalaporkeun muka deui tikét {code}: masalahna teu acan réngsé. Wates énggal {due}.',
    'staff.alert.lowRating': '⚠ Nu ngalaporkeun {code} masihan peunteun {rating} ti 5.',
    'staff.alert.withdrawn':
      'Tikét {code} ditutup: nu ngalaporkeun nyuhunkeun datana dihapus. Rujukan nu masih jalan dibolaykeun.',
    'staff.alert.answered':
      'Nu ngalaporkeun {code} ngawaler pamundut patugas; tikét dilajengkeun deui ({status}).',
    'staff.queue.overdue': ' · ⚠ langkung ti wates {days} dinten damel',
    'staff.queue.nearDue': ' · ⏳ sésana {days} dinten damel',
    'staff.queue.paused': ' · direureuhkeun',
    'staff.time.left': 'sésana {days} dinten damel',
    'staff.time.late': 'langkung {days} dinten damel',
    'staff.time.paused': 'direureuhkeun: ngantosan warga',
    'notify.verified': 'Béja tikét {code}: data anjeun parantos dipariksa ku patugas {unit}.',
    'notify.referred': 'Béja tikét {code}: pamohonan anjeun dirujuk ka {partner}.',
    'notify.referralAccepted': 'Béja tikét {code}: {partner} nampi rujukan sareng nuju ngagarap.',
    'notify.referralReturned':
      'Béja tikét {code}: patugas {unit} nuju milarian jalan sanés kanggo anjeun.',
    'notify.waiting':
      'Patugas {unit} peryogi bantosan anjeun kanggo tikét {code}:\n{message}\nKintun ngalangkungan ménu "Hubungi patugas".',
    'notify.statusChanged': 'Béja tikét {code}: status ayeuna "{status}".',
    'notify.withMessage': '{text}\nPesen patugas: {message}',
    'notify.escalated': 'Béja tikét {code}: diteraskeun ka {unit} supados tiasa ditanganan.',
    'notify.completed': 'Béja tikét {code}: réngsé. {summary}',
    'notify.closed': 'Tikét {code} ditutup. Hatur nuhun parantos ngagunakeun layanan SLRT.',
    'notify.rejected': 'Hapunten, tikét {code} teu tiasa dilajengkeun. Alesanana: {reason}',
  },
  en: {
    'staff.role.petugas': 'staff member',
    'staff.role.koordinator': 'coordinator',
    'staff.role.mitra': 'partner',
    'staff.role.admin': 'administrator',
    'staff.unknownCommand': 'Unknown command "{command}". Type /bantuan for the list of commands.',
    'staff.notAllowed':
      'The command /{command} is not for a {role}. Type /bantuan for your commands.',
    'staff.notStaff':
      'This command is for staff and partners only. Join first with /masuk CODE from the Dinas Sosial administrator.',
    'staff.usage': 'Usage: {usage}',
    'staff.notCommand': 'This is a staff chat. Type /bantuan for the list of commands.',
    'staff.ticketNotFound': 'Ticket {code} is not in your area.',
    'staff.illegalMove': '{code} is "{status}", so it cannot be {action}.',
    'staff.failed':
      'Sorry, the command failed because of a system problem. Nothing changed. Please try again.',
    'staff.join.ok':
      'Welcome, you joined as {role} at {unit}{partner}. Type /bantuan for the list of commands.',
    'staff.join.partner': ' for {partner}',
    'staff.join.invalid':
      'This invite code is not valid: wrong, already used or expired. Ask the Dinas Sosial administrator for a new one.',
    'staff.join.lockedOut': 'Too many wrong codes from this chat. Try again in {minutes} minutes.',
    'staff.join.already': 'You are already registered as {role} at {unit}.',
    'staff.join.room':
      'This group is now the staff room of {unit}: new tickets are announced here. NIK and KK are always masked in groups.',
    'staff.queue.header': 'Queue of {count} tickets{filter}, most urgent first:',
    'staff.queue.filter': ' with status "{status}"',
    'staff.queue.line': '{code} · {status} · {about} · {desa} · due {due}{urgency}{assignee}',
    'staff.queue.assignee': ' · held by {name}',
    'staff.queue.empty': 'No tickets{filter} in your queue.',
    'staff.queue.more': '…and {count} more. Filter with /antrian STATUS.',
    'staff.unknownStatus': 'Unknown status "{status}". Choose one of: {statuses}.',
    'staff.ticket.detail':
      '{code} · {kind} · {status}\nAbout: {about}\nDesa: {desa} · Unit: {unit}\nFiled by: {person}\nNIK: {nik} · KK: {kk}\nDue: {due} ({left}) · Held by: {assignee}\nText: {description}\nDocuments: {documents}',
    'staff.ticket.kind.permohonan': 'help request',
    'staff.ticket.kind.pengaduan': 'complaint',
    'staff.ticket.anonymous': 'anonymous',
    'staff.ticket.confidential': 'confidential',
    'staff.ticket.nobody': 'nobody yet',
    'staff.ticket.none': '-',
    'staff.ticket.document': '{kind}{label} {size}',
    'staff.ticket.photo': 'photo',
    'staff.ticket.pdf': 'PDF',
    'staff.ticket.documentCaption': '{code} · {kind} {n}/{total}',
    'staff.ticket.timeline': 'History:',
    'staff.ticket.event': '{when} · {who} · {what}',
    'staff.ticket.internal': '(internal) ',
    'staff.ticket.related': 'Other tickets with the same NIK/KK:\n{list}',
    'staff.ticket.relatedLine': '{code} · {status} · {about} · {relation}',
    'staff.ticket.sameNik': 'same NIK',
    'staff.ticket.sameKk': 'same household',
    'staff.ticket.noRelated': 'No other tickets with the same NIK/KK.',
    'staff.ticket.nikClaim':
      '⚠ This NIK belongs to a resident registered from another chat. This chat is not linked to that resident. Their record was not changed; the person, NIK and KK above are the stored record. Check who is asking before acting on it.',
    'staff.ticket.nikClaimDiffers': 'What this chat typed differs: {fields}.',
    'staff.ticket.nikClaimSame': 'The name and KK this chat typed match the stored record.',
    'staff.ticket.nikClaimTyped': 'Typed in this chat: name {name} · KK {kk}',
    'staff.ticket.nikClaimPrivate':
      'What this chat typed is shown in a private chat only: /tiket {code}',
    'staff.ticket.field.name': 'name',
    'staff.ticket.field.kk': 'KK',
    'staff.actor.warga': 'Resident',
    'staff.actor.anonim': 'Anonymous resident',
    'staff.actor.sistem': 'System',
    'staff.actor.staff': '{role} {name}',
    'staff.ticket.residentMessage': 'message:',
    'staff.ticket.rating': 'rated {rating}/5',
    'staff.ticket.ratingWithComment': 'rated {rating}/5: {comment}',
    'staff.claim.ok': 'You now hold {code}.',
    'staff.claim.taken': 'You now hold {code} (before: {name}).',
    'staff.claim.already': 'You already hold {code}.',
    'staff.verify.ok': '{code} is verified.',
    'staff.refer.ok': '{code} is referred to {partner}. The partner has been told.',
    'staff.refer.choose':
      'Partners offering {about} in {desa}:\n{list}\nRefer with: /rujuk {code} PARTNER_CODE note',
    'staff.refer.partnerLine': '{partnerCode} · {partner}',
    'staff.refer.none': 'No active partner offers {about} in {desa} yet.',
    'staff.refer.noService':
      '{code} is a complaint ({about}), not a service, so no partner offers it. If it still needs one: /rujuk {code} PARTNER_CODE note',
    'staff.refer.unknownPartner':
      'There is no partner "{partnerCode}". Type /rujuk {code} for the list.',
    'staff.refer.stillOpen': '{code} still has an open referral to {partner}.',
    'staff.request.ok':
      'The request was sent to the resident of {code}. Status: waiting for the resident.',
    'staff.reply.ok': 'Message sent to the resident of {code}.',
    'staff.noResident':
      '{code} has no contact for the resident (anonymous): the message cannot be sent.',
    'staff.told.resident': 'The resident has been told.',
    'staff.told.rating': 'The resident is asked to rate the service.',
    'staff.told.reason': 'The reason was sent to the resident.',
    'staff.told.anonymous': 'Anonymous complaint: there is no resident who could be told.',
    'staff.told.unreachable': 'The resident could not be told: their chat no longer exists.',
    'staff.residentGone':
      "{code}: the resident's chat no longer exists, so the message cannot be sent.",
    'staff.note.ok': 'Internal note saved on {code}. Residents and partners do not see it.',
    'staff.status.ok': '{code}: "{from}" → "{to}".',
    'staff.status.useCommand': 'For status {status} use {command}.',
    'staff.escalate.ok': '{code} is passed up to {unit}.',
    'staff.escalate.top': '{unit} is the top unit; it cannot be passed further up.',
    'staff.complete.ok': '{code} is done.',
    'staff.close.ok': '{code} is closed.',
    'staff.reject.ok': '{code} is rejected.',
    'staff.help.header': 'Commands for a {role}:',
    'staff.help.noTicket':
      'No ticket you can open yet. {code} in the examples only shows what a code looks like.',
    'staff.help.partnerWord': 'PARTNER_CODE',
    'staff.help.join':
      'Not registered yet? Join with /masuk CODE from the Dinas Sosial administrator.',
    'staff.usage.masuk': '/masuk CODE: join with an invite code. Example: /masuk K7M2Q-9XAPR',
    'staff.usage.antrian':
      '/antrian [STATUS]: your queue, most urgent first. Example: /antrian BARU',
    'staff.usage.tiket': '/tiket CODE: details, history, documents. Example: /tiket {code}',
    'staff.usage.ambil': '/ambil CODE: take this ticket. Example: /ambil {code}',
    'staff.usage.verifikasi': '/verifikasi CODE: the data is checked. Example: /verifikasi {code}',
    'staff.usage.rujuk':
      '/rujuk CODE [PARTNER] [note]: refer to a partner; without PARTNER you get the list. Example: /rujuk {code} {partner} please help with school fees',
    'staff.usage.minta':
      '/minta CODE message: ask the resident for documents. Example: /minta {code} Please send a photo of the KK',
    'staff.usage.balas':
      '/balas CODE message: message the resident. Example: /balas {code} Come to the village office tomorrow at 9',
    'staff.usage.catatan':
      '/catatan CODE text: internal note. Example: /catatan {code} home visit done',
    'staff.usage.status':
      '/status CODE STATUS [message]: change the status. Example: /status {code} DIPROSES',
    'staff.usage.eskalasi':
      '/eskalasi CODE reason: pass up to the unit above. Example: /eskalasi {code} needs the regency budget',
    'staff.usage.selesai':
      '/selesai CODE summary: complete or close. Example: /selesai {code} aid received',
    'staff.usage.tolak':
      '/tolak CODE reason: reject the ticket. Example: /tolak {code} not a resident of this desa',
    'staff.usage.bantuan': '/bantuan: this list of commands',
    'staff.usage.rujukan': '/rujukan: incoming and open referrals',
    'staff.usage.terima': '/terima CODE: accept a referral. Example: /terima {code}',
    'staff.usage.tolakRujukan':
      '/tolak CODE reason: decline a referral. Example: /tolak {code} quota used up',
    'staff.usage.tuntas':
      '/tuntas CODE outcome: berhasil (succeeded), or tidak berhasil (did not) with the reason. Example: /tuntas {code} berhasil',
    'staff.announce.ticket': 'New ticket {code} · {kind} · {about} · {desa}. Due {due}.',
    'staff.announce.nikClaim':
      '⚠ The NIK belongs to a resident registered from another chat; the {fields} typed differ. Check /tiket {code} before acting on it.',
    'staff.announce.nikClaimSame':
      '⚠ The NIK belongs to a resident registered from another chat. Check /tiket {code} before acting on it.',
    'staff.announce.escalated': 'Ticket {code} was passed up from {unit}: {reason}',
    'staff.announce.view': 'View',
    'staff.announce.claim': 'Take',
    'staff.announce.residentMessage':
      'Message from the resident of {code}:\n{text}\nReply: /balas {code} message',
    'staff.announce.referralAccepted': '{partner} accepted the referral of {code}.',
    'staff.announce.referralRejected':
      '{partner} declined the referral of {code}: {reason}. The ticket is back in the queue.',
    'staff.announce.referralDone': '{partner} finished the referral of {code}: {outcome}.',
    'partner.referrals.header': 'Referrals for {partner} ({count}):',
    'partner.referrals.line': '{code} · {status} · {about} · {desa} · sent {sent}',
    'partner.referrals.empty': 'No open referrals for {partner}.',
    'partner.referral.detail':
      'Referral {code} · {status}\nAbout: {about}\nDesa: {desa} · From: {unit}\nResident: {person} · NIK: {nik}\nText: {description}\nNote from the unit: {note}',
    'partner.notFound': 'There is no referral {code} for {partner}.',
    'partner.inactive':
      'The partnership of {partner} with SLRT has ended, so partner commands no longer work. Contact the Dinas Sosial if this is a mistake.',
    'partner.accept.ok': 'Referral {code} accepted. The unit has been told.',
    'partner.reject.ok': 'Referral {code} declined; the ticket is back in the queue of {unit}.',
    'partner.finish.ok': 'Referral {code} finished: {outcome}.',
    'partner.finish.outcome':
      'Write the outcome: berhasil, or tidak berhasil followed by the reason. Example: /tuntas {code} tidak berhasil quota used up',
    'partner.announce.referral':
      'New referral {code} from {unit}: {about} · {desa}.\nNote: {note}\nAccept: /terima {code} · Decline: /tolak {code} reason',
    'partner.announce.cancelled': 'Referral {code} was cancelled by {unit}.',
    'partner.announce.withdrawn':
      'Referral {code} was cancelled: the resident asked for their data to be erased.',
    'staff.usage.batalrujuk':
      '/batalrujuk KODE reason: cancel an open referral; the ticket returns to the queue. Example: /batalrujuk {code} partner cannot be reached',
    'staff.cancelReferral.ok':
      'Referral of {code} to {partner} cancelled; the ticket is back in the queue. Refer again with /rujuk {code}.',
    'staff.cancelReferral.none': '{code} has no open referral to cancel.',
    'staff.alert.reopened':
      '⚠ The resident reopened ticket {code}: the problem is not solved. New due date {due}.',
    'staff.alert.lowRating': '⚠ The resident of {code} rated it {rating} out of 5.',
    'staff.alert.withdrawn':
      'Ticket {code} was closed: the resident asked for their data to be erased. Any open referral was cancelled.',
    'staff.alert.answered':
      'The resident of {code} answered the request; the ticket runs again ({status}).',
    'staff.queue.overdue': ' · ⚠ overdue by {days} working days',
    'staff.queue.nearDue': ' · ⏳ {days} working days left',
    'staff.queue.paused': ' · paused',
    'staff.time.left': '{days} working days left',
    'staff.time.late': '{days} working days late',
    'staff.time.paused': 'paused: waiting for the resident',
    'notify.verified': 'Update on ticket {code}: staff at {unit} have checked your data.',
    'notify.referred': 'Update on ticket {code}: your request was referred to {partner}.',
    'notify.referralAccepted':
      'Update on ticket {code}: {partner} accepted the referral and is working on it.',
    'notify.referralReturned':
      'Update on ticket {code}: staff at {unit} are looking for another way to help you.',
    'notify.waiting':
      'Staff at {unit} need your help with ticket {code}:\n{message}\nSend it through the "Contact staff" menu.',
    'notify.statusChanged': 'Update on ticket {code}: the status is now "{status}".',
    'notify.withMessage': '{text}\nMessage from staff: {message}',
    'notify.escalated': 'Update on ticket {code}: passed on to {unit} so it can be handled.',
    'notify.completed': 'Update on ticket {code}: done. {summary}',
    'notify.closed': 'Ticket {code} is closed. Thank you for using the SLRT service.',
    'notify.rejected': 'We are sorry, ticket {code} cannot go further. The reason: {reason}',
  },
});
