/** Talking to the staff of the resident's Puskesos, and staff replies coming back. */
import { defineTexts } from '../define-texts.ts';

export const contactStaffTexts = defineTexts({
  id: {
    'contact.chooseTicket': 'Pesan Anda tentang tiket yang mana? Atau pilih "Hal lain".',
    'contact.other': 'Hal lain',
    'contact.askKecamatan':
      'Pesan akan kami teruskan ke Puskesos desa Anda. Di kecamatan mana Anda tinggal? Ketik namanya, atau pilih dari daftar.',
    'contact.askDesa': 'Di desa atau kelurahan mana? Ketik namanya, atau pilih dari daftar.',
    'contact.askMessage': 'Silakan tulis pesan Anda untuk petugas. Anda juga boleh mengirim foto.',
    'contact.chat.opened':
      'Pesan Anda sudah dikirim ke {unitName}. Balasan petugas akan masuk di sini. Tulis lagi bila perlu, atau ketik "menu" untuk selesai.',
    'contact.chat.sent': 'Terkirim ke {unitName}.',
    'contact.chat.waiting': 'Tulis pesan untuk {unitName}, atau ketik "menu" untuk selesai.',
    'contact.unitUnknown':
      'Maaf, kami belum menemukan petugas untuk pesan ini. Silakan pilih kecamatan Anda.',
    'contact.staffReply': 'Balasan dari {unit}:\n{text}',
    'contact.chat.closed': 'Percakapan ditutup. Pesan yang sudah terkirim tetap diterima petugas.',
  },
  su: {
    'contact.chooseTicket':
      'Pesen Bapa/Ibu ngeunaan tikét nu mana? Atanapi pilih "Perkawis sanés".',
    'contact.other': 'Perkawis sanés',
    'contact.askKecamatan':
      'Pesen badé diteraskeun ka Puskesos désa Bapa/Ibu. Di kacamatan mana Bapa/Ibu cicing? Mangga serat namina, atanapi pilih tina daptar.',
    'contact.askDesa':
      'Di désa atanapi kalurahan mana? Mangga serat namina, atanapi pilih tina daptar.',
    'contact.askMessage':
      'Mangga serat pesen Bapa/Ibu kanggo patugas. Bapa/Ibu ogé tiasa ngintun poto.',
    'contact.chat.opened':
      'Pesen Bapa/Ibu parantos dikintun ka {unitName}. Waleran patugas badé lebet di dieu. Mangga serat deui upami peryogi, atanapi serat "menu" pikeun réngsé.',
    'contact.chat.sent': 'Parantos dikintun ka {unitName}.',
    'contact.chat.waiting':
      'Mangga serat pesen kanggo {unitName}, atanapi serat "menu" pikeun réngsé.',
    'contact.unitUnknown':
      'Hapunten, patugas kanggo pesen ieu teu acan kapendak. Mangga pilih kacamatan Bapa/Ibu.',
    'contact.staffReply': 'Waleran ti {unit}:\n{text}',
    'contact.chat.closed': 'Obrolan ditutup. Pesen nu parantos dikintun tetep katampi ku patugas.',
  },
  en: {
    'contact.chooseTicket': 'Which ticket is your message about? Or choose "Something else".',
    'contact.other': 'Something else',
    'contact.askKecamatan':
      'We will pass your message to the Puskesos of your village. Which kecamatan do you live in? Type its name, or choose from the list.',
    'contact.askDesa': 'Which desa or kelurahan? Type its name, or choose from the list.',
    'contact.askMessage': 'Please write your message for the staff. You may also send photos.',
    'contact.chat.opened':
      'Your message was sent to {unitName}. Staff replies will arrive here. Write again if needed, or type "menu" to finish.',
    'contact.chat.sent': 'Sent to {unitName}.',
    'contact.chat.waiting': 'Write a message for {unitName}, or type "menu" to finish.',
    'contact.unitUnknown':
      'Sorry, we could not find the staff for this message. Please choose your kecamatan.',
    'contact.staffReply': 'Reply from {unit}:\n{text}',
    'contact.chat.closed': 'The chat is closed. Messages already sent still reach the staff.',
  },
});
