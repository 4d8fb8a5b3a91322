/** What the SLA sweeper tells staff, partners and residents: reminders, automatic escalations, alerts and closings. */
import { defineTexts } from '../define-texts.ts';

export const slaTexts = defineTexts({
  id: {
    'sla.deadline.first_response': 'tanggapan pertama',
    'sla.deadline.resolution': 'penyelesaian',
    'sla.remind.ticket':
      '⏰ Pengingat: {percent}% waktu {deadline} tiket {code} sudah lewat. Batasnya {due}. Lihat: /tiket {code}',
    'sla.escalated.reason': 'batas waktu {deadline} terlewati ({due}), dieskalasi otomatis',
    'sla.escalated.from':
      '⚠️ Tiket {code} melewati batas waktu {deadline} ({due}) dan otomatis diteruskan ke {unit}.',
    'sla.breach.top':
      '⚠️ Tiket {code} melewati batas waktu {deadline} ({due}). Unit ini sudah paling atas, jadi tiket tidak diteruskan lagi: mohon segera ditangani. Lihat: /tiket {code}',
    'sla.breach.alert':
      '⚠️ Tiket {code} melewati batas waktu {deadline} ({due}). Mohon segera ditangani. Lihat: /tiket {code}',
    'sla.referral.remind':
      '⏰ Rujukan {code} dari {unit} belum dijawab. Batas jawaban {due}. Terima: /terima {code} · Tolak: /tolak {code} alasan',
    'sla.referral.breach':
      '⚠️ {partner} belum menjawab rujukan {code} sampai batasnya ({due}). Hubungi mitra, atau batalkan: /batalrujuk {code} alasan, lalu /rujuk ke mitra lain.',
    'sla.feedback.closed':
      'Tiket {code} kami tutup karena belum ada penilaian 7 hari setelah selesai. Terima kasih. Jika masih perlu bantuan, silakan ajukan permohonan baru.',
    'sla.feedback.event': 'ditutup otomatis: tidak ada penilaian 7 hari setelah selesai',
  },
  su: {
    'sla.deadline.first_response': 'tanggapan munggaran',
    'sla.deadline.resolution': 'panyelesaian',
    'sla.remind.ticket':
      '⏰ Panginget: {percent}% waktos {deadline} tikét {code} parantos liwat. Watesna {due}. Tingali: /tiket {code}',
    'sla.escalated.reason': 'wates waktos {deadline} kaliwat ({due}), diéskalasi otomatis',
    'sla.escalated.from':
      '⚠️ Tikét {code} ngaliwatan wates waktos {deadline} ({due}) sareng otomatis diteraskeun ka {unit}.',
    'sla.breach.top':
      '⚠️ Tikét {code} ngaliwatan wates waktos {deadline} ({due}). Unit ieu parantos pangluhurna, janten tikét henteu diteraskeun deui: mangga énggal ditanganan. Tingali: /tiket {code}',
    'sla.breach.alert':
      '⚠️ Tikét {code} ngaliwatan wates waktos {deadline} ({due}). Mangga énggal ditanganan. Tingali: /tiket {code}',
    'sla.referral.remind':
      '⏰ Rujukan {code} ti {unit} teu acan diwaler. Wates waleran {due}. Tampi: /terima {code} · Tolak: /tolak {code} alesan',
    'sla.referral.breach':
      '⚠️ {partner} teu acan ngawaler rujukan {code} dugi ka watesna ({due}). Hubungi mitra, atanapi bolaykeun: /batalrujuk {code} alesan, teras /rujuk ka mitra sanés.',
    'sla.feedback.closed':
      'Tikét {code} ditutup kusabab teu aya peunteun 7 dinten saatos réngsé. Hatur nuhun. Upami masih peryogi bantosan, mangga ngajukeun permohonan énggal.',
    'sla.feedback.event': 'ditutup otomatis: teu aya peunteun 7 dinten saatos réngsé',
  },
  en: {
    'sla.deadline.first_response': 'first response',
    'sla.deadline.resolution': 'resolution',
    'sla.remind.ticket':
      '⏰ Reminder: {percent}% of the {deadline} time for ticket {code} has passed. Due {due}. View: /tiket {code}',
    'sla.escalated.reason': 'the {deadline} deadline passed ({due}), escalated automatically',
    'sla.escalated.from':
      '⚠️ Ticket {code} passed its {deadline} deadline ({due}) and was passed up to {unit} automatically.',
    'sla.breach.top':
      '⚠️ Ticket {code} passed its {deadline} deadline ({due}). This is the top unit, so it is not passed up further: please handle it now. View: /tiket {code}',
    'sla.breach.alert':
      '⚠️ Ticket {code} passed its {deadline} deadline ({due}). Please handle it now. View: /tiket {code}',
    'sla.referral.remind':
      '⏰ Referral {code} from {unit} has not been answered. Answer by {due}. Accept: /terima {code} · Decline: /tolak {code} reason',
    'sla.referral.breach':
      '⚠️ {partner} has not answered referral {code} by its deadline ({due}). Contact the partner, or cancel it: /batalrujuk {code} reason, then /rujuk to another partner.',
    'sla.feedback.closed':
      'We closed ticket {code} because no rating came within 7 days of it being finished. Thank you. If you still need help, please file a new request.',
    'sla.feedback.event': 'closed automatically: no rating within 7 days of being finished',
  },
});
