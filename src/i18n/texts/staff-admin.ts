/**
 * Staff administration from chat: inviting (/undang), listing (/petugas) and
 * revoking (/cabut) staff and partner contacts, and what a revoked person is
 * told. Names never appear here unmasked; invite codes only in a private chat.
 */
import { defineTexts } from '../define-texts.ts';

export const staffAdminTexts = defineTexts({
  id: {
    'staff.usage.undang':
      '/undang PERAN UNIT [MITRA]: buat kode undangan sekali pakai (petugas, koordinator, mitra, admin). Contoh: /undang petugas {unit}',
    'staff.usage.petugas':
      '/petugas [UNIT]: daftar petugas dan mitra di wilayah Anda. Contoh: /petugas {ownUnit}',
    'staff.usage.cabut':
      '/cabut ID alasan: cabut akses petugas atau mitra; alasannya dikirim ke orang itu. Contoh: /cabut {staffId} pindah tugas',
    'staffAdmin.privateOnly':
      'Kode undangan itu rahasia: ketik /undang di chat pribadi dengan bot, bukan di grup.',
    'staffAdmin.badRole': 'Peran "{role}" tidak dikenal. Pilih salah satu: {roles}.',
    'staffAdmin.roleNotYours':
      'Koordinator bisa mengundang petugas dan mitra di wilayahnya, dan koordinator unit di bawah {unit}. Peran {role} di {target} diundang oleh unit di atasnya atau admin.',
    'staffAdmin.unknownUnit':
      'Unit {unit} tidak ada. Pakai kode wilayah, misalnya 32.04.05.2001 (desa) atau 32.04.05 (kecamatan).',
    'staffAdmin.outOfScope': 'Unit {unit} di luar wilayah Anda ({own}).',
    'staffAdmin.wrongLevel':
      '{role} ditempatkan di unit {levels}, sedangkan {unit} adalah {level}.',
    'staffAdmin.partnerMissing':
      'Undangan mitra perlu kode mitra. Contoh: /undang mitra 32.04 contoh-baznas',
    'staffAdmin.unknownPartner': 'Mitra "{partner}" tidak ada atau sudah tidak aktif.',
    'staffAdmin.partnerNotForRole': 'Kode mitra hanya untuk peran mitra, bukan {role}.',
    'staffAdmin.invite.ok':
      'Kode undangan {role} untuk {unit}{partner}:\n{code}\nBerlaku sekali, sampai {expires}. Kirim secara pribadi; orang itu mengetik di chat bot: /masuk {code}',
    'staffAdmin.invite.partner': ' (mitra {partner})',
    'staffAdmin.dateTime': '{date} pukul {time} WIB',
    'staffAdmin.list.header': 'Petugas dan mitra{filter}: {count} orang.',
    'staffAdmin.list.filter': ' di {unit}',
    'staffAdmin.list.line': '{id} · {role} · {unit}{partner} · {name} · {state}',
    'staffAdmin.list.partner': ' ({partner})',
    'staffAdmin.list.active': 'aktif',
    'staffAdmin.list.lastSeen': 'aktif, terakhir {date}',
    'staffAdmin.list.revoked': 'dicabut {date}',
    'staffAdmin.list.inactive': 'nonaktif',
    'staffAdmin.list.more': '…dan {count} lagi. Saring per unit: /petugas KODE_UNIT',
    'staffAdmin.list.empty': 'Belum ada petugas atau mitra{filter}.',
    'staffAdmin.list.footer': 'Cabut akses: /cabut ID alasan',
    'staffAdmin.notFound': 'Tidak ada petugas dengan ID {id} di wilayah Anda. Lihat /petugas.',
    'staffAdmin.ambiguous': 'ID {id} cocok untuk lebih dari satu orang. Ketik ID lebih panjang.',
    'staffAdmin.revoke.self':
      'Anda tidak bisa mencabut akses Anda sendiri. Minta unit di atas Anda atau admin.',
    'staffAdmin.revoke.notYours':
      'Akses {role} {unit} hanya bisa dicabut oleh unit di atasnya atau admin.',
    'staffAdmin.revoke.already': '{id} ({role}, {unit}) sudah tidak aktif.',
    'staffAdmin.revoke.ok':
      'Akses {id} ({role}, {unit}) dicabut. Perintahnya ditolak mulai sekarang dan chat pribadinya tidak lagi menerima pengumuman.{held}{invites}',
    'staffAdmin.revoke.held':
      ' Masih ada {count} tiket terbuka yang dipegangnya: ambil alih dengan /ambil KODE (lihat /antrian).',
    'staffAdmin.revoke.invites': ' {count} kode undangan buatannya yang belum dipakai dibatalkan.',
    'staffAdmin.revoke.notice':
      'Akses Anda sebagai {role} di {unit} dicabut oleh {by}.{reason} Perintah petugas tidak bisa dipakai lagi.',
    'staffAdmin.revoke.reason': ' Alasan: {reason}.',
    'staffAdmin.revoke.byAdmin': 'admin Dinas Sosial',
    'staffAdmin.revoked':
      'Akses Anda sebagai petugas atau mitra sudah dicabut, jadi perintah ini tidak bisa dipakai. Bila keliru, minta kode undangan baru ke koordinator atau admin Dinas Sosial. Untuk layanan warga, ketik menu.',
  },
  su: {
    'staff.usage.undang':
      '/undang PERAN UNIT [MITRA]: damel kode uleman sakali pakai (petugas, koordinator, mitra, admin). Conto: /undang petugas {unit}',
    'staff.usage.petugas':
      '/petugas [UNIT]: daptar patugas sareng mitra di wilayah anjeun. Conto: /petugas {ownUnit}',
    'staff.usage.cabut':
      '/cabut ID alesan: cabut aksés patugas atanapi mitra; alesanana dikintunkeun ka jalmi éta. Conto: /cabut {staffId} pindah tugas',
    'staffAdmin.privateOnly':
      'Kode uleman téh rusiah: ketik /undang dina obrolan pribadi sareng bot, sanés di grup.',
    'staffAdmin.badRole': 'Peran "{role}" teu dikenal. Pilih salah sahiji: {roles}.',
    'staffAdmin.roleNotYours':
      'Koordinator tiasa ngondang patugas sareng mitra di wilayahna, sareng koordinator unit di handapeun {unit}. Peran {role} di {target} diondang ku unit di luhurna atanapi admin.',
    'staffAdmin.unknownUnit':
      'Unit {unit} teu aya. Anggo kode wilayah, contona 32.04.05.2001 (désa) atanapi 32.04.05 (kacamatan).',
    'staffAdmin.outOfScope': 'Unit {unit} di luar wilayah anjeun ({own}).',
    'staffAdmin.wrongLevel':
      '{role} ditempatkeun di unit {levels}, sedengkeun {unit} mangrupi {level}.',
    'staffAdmin.partnerMissing':
      'Uleman mitra peryogi kode mitra. Conto: /undang mitra 32.04 contoh-baznas',
    'staffAdmin.unknownPartner': 'Mitra "{partner}" teu aya atanapi parantos teu aktif.',
    'staffAdmin.partnerNotForRole': 'Kode mitra ngan kanggo peran mitra, sanés {role}.',
    'staffAdmin.invite.ok':
      'Kode uleman {role} kanggo {unit}{partner}:\n{code}\nLaku sakali, dugi ka {expires}. Kintunkeun sacara pribadi; jalmi éta ngetik dina obrolan bot: /masuk {code}',
    'staffAdmin.invite.partner': ' (mitra {partner})',
    'staffAdmin.dateTime': '{date} tabuh {time} WIB',
    'staffAdmin.list.header': 'Patugas sareng mitra{filter}: {count} urang.',
    'staffAdmin.list.filter': ' di {unit}',
    'staffAdmin.list.line': '{id} · {role} · {unit}{partner} · {name} · {state}',
    'staffAdmin.list.partner': ' ({partner})',
    'staffAdmin.list.active': 'aktif',
    'staffAdmin.list.lastSeen': 'aktif, pamungkas {date}',
    'staffAdmin.list.revoked': 'dicabut {date}',
    'staffAdmin.list.inactive': 'teu aktif',
    'staffAdmin.list.more': '…sareng {count} deui. Saring per unit: /petugas KODE_UNIT',
    'staffAdmin.list.empty': 'Teu acan aya patugas atanapi mitra{filter}.',
    'staffAdmin.list.footer': 'Cabut aksés: /cabut ID alesan',
    'staffAdmin.notFound': 'Teu aya patugas kalayan ID {id} di wilayah anjeun. Tingali /petugas.',
    'staffAdmin.ambiguous':
      'ID {id} cocog kanggo langkung ti hiji jalmi. Ketik ID nu langkung panjang.',
    'staffAdmin.revoke.self':
      'Anjeun teu tiasa nyabut aksés anjeun nyalira. Suhunkeun ka unit di luhur anjeun atanapi admin.',
    'staffAdmin.revoke.notYours':
      'Aksés {role} {unit} ngan tiasa dicabut ku unit di luhurna atanapi admin.',
    'staffAdmin.revoke.already': '{id} ({role}, {unit}) parantos teu aktif.',
    'staffAdmin.revoke.ok':
      'Aksés {id} ({role}, {unit}) dicabut. Paréntahna ditolak ti ayeuna sareng obrolan pribadina teu nampi deui béja.{held}{invites}',
    'staffAdmin.revoke.held':
      ' Masih aya {count} tikét kabuka nu dicepengna: candak alih ku /ambil KODE (tingali /antrian).',
    'staffAdmin.revoke.invites': ' {count} kode uleman damelanana nu teu acan dianggo dibolaykeun.',
    'staffAdmin.revoke.notice':
      'Aksés anjeun salaku {role} di {unit} dicabut ku {by}.{reason} Paréntah patugas teu tiasa dianggo deui.',
    'staffAdmin.revoke.reason': ' Alesan: {reason}.',
    'staffAdmin.revoke.byAdmin': 'admin Dinas Sosial',
    'staffAdmin.revoked':
      'Aksés anjeun salaku patugas atanapi mitra parantos dicabut, janten paréntah ieu teu tiasa dianggo. Upami lepat, suhunkeun kode uleman énggal ka koordinator atanapi admin Dinas Sosial. Kanggo layanan warga, ketik menu.',
  },
  en: {
    'staff.usage.undang':
      '/undang ROLE UNIT [PARTNER]: create a one-time invite code (petugas, koordinator, mitra, admin). Example: /undang petugas {unit}',
    'staff.usage.petugas':
      '/petugas [UNIT]: staff and partner contacts in your area. Example: /petugas {ownUnit}',
    'staff.usage.cabut':
      '/cabut ID reason: revoke a staff member or partner contact; the reason is sent to them. Example: /cabut {staffId} moved to another post',
    'staffAdmin.privateOnly':
      'Invite codes are secret: send /undang in a private chat, not in a group.',
    'staffAdmin.badRole': 'Unknown role "{role}". Choose one of: {roles}.',
    'staffAdmin.roleNotYours':
      'Coordinators invite staff and partners in their area, and coordinators below {unit}. A {role} at {target} is invited by the unit above or an administrator.',
    'staffAdmin.unknownUnit':
      'There is no unit {unit}. Use an area code, e.g. 32.04.05.2001 (desa) or 32.04.05 (kecamatan).',
    'staffAdmin.outOfScope': 'Unit {unit} is outside your area ({own}).',
    'staffAdmin.wrongLevel': 'A {role} belongs to a {levels} unit, but {unit} is a {level}.',
    'staffAdmin.partnerMissing':
      'A partner invite needs the partner code. Example: /undang mitra 32.04 contoh-baznas',
    'staffAdmin.unknownPartner': 'Partner "{partner}" does not exist or is no longer active.',
    'staffAdmin.partnerNotForRole': 'A partner code is only for role mitra, not {role}.',
    'staffAdmin.invite.ok':
      'Invite code for a {role} of {unit}{partner}:\n{code}\nWorks once, until {expires}. Send it privately; the person types in the bot chat: /masuk {code}',
    'staffAdmin.invite.partner': ' (partner {partner})',
    'staffAdmin.dateTime': '{date} at {time} WIB',
    'staffAdmin.list.header': 'Staff and partner contacts{filter}: {count}.',
    'staffAdmin.list.filter': ' in {unit}',
    'staffAdmin.list.line': '{id} · {role} · {unit}{partner} · {name} · {state}',
    'staffAdmin.list.partner': ' ({partner})',
    'staffAdmin.list.active': 'active',
    'staffAdmin.list.lastSeen': 'active, last seen {date}',
    'staffAdmin.list.revoked': 'revoked {date}',
    'staffAdmin.list.inactive': 'inactive',
    'staffAdmin.list.more': '…and {count} more. Filter by unit: /petugas UNIT_CODE',
    'staffAdmin.list.empty': 'No staff or partner contacts{filter} yet.',
    'staffAdmin.list.footer': 'Revoke access: /cabut ID reason',
    'staffAdmin.notFound': 'No staff member with ID {id} in your area. See /petugas.',
    'staffAdmin.ambiguous': 'ID {id} matches more than one person. Type a longer ID.',
    'staffAdmin.revoke.self':
      'You cannot revoke your own access. Ask the unit above you or an administrator.',
    'staffAdmin.revoke.notYours':
      'Only the unit above or an administrator may revoke a {role} of {unit}.',
    'staffAdmin.revoke.already': '{id} ({role}, {unit}) is already inactive.',
    'staffAdmin.revoke.ok':
      'Access of {id} ({role}, {unit}) revoked. Their commands are refused from now on and their private chat no longer gets announcements.{held}{invites}',
    'staffAdmin.revoke.held':
      ' They still hold {count} open ticket(s): take one over with /ambil CODE (see /antrian).',
    'staffAdmin.revoke.invites': ' {count} unused invite code(s) they made were voided.',
    'staffAdmin.revoke.notice':
      'Your {role} access at {unit} was revoked by {by}.{reason} Staff commands no longer work.',
    'staffAdmin.revoke.reason': ' Reason: {reason}.',
    'staffAdmin.revoke.byAdmin': 'the Dinas Sosial administrator',
    'staffAdmin.revoked':
      'Your staff or partner access was revoked, so this command cannot be used. If this is a mistake, ask a coordinator or Dinas Sosial for a new invite. For resident services, type menu.',
  },
});
