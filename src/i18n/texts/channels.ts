/** What the chat platforms show around the conversation: command menus, button hints, transport trouble. */
import { defineTexts } from '../define-texts.ts';

export const channelTexts = defineTexts({
  id: {
    'channel.command.start': 'Mulai dan buka menu utama',
    'channel.command.menu': 'Kembali ke menu utama',
    'channel.command.kembali': 'Kembali ke langkah sebelumnya',
    'channel.command.batal': 'Batalkan yang sedang diisi',
    'channel.command.bantuan': 'Cara memakai layanan ini',
    'channel.optionsHint': 'Balas dengan nomor pilihan.',
    'channel.fileNotReceived':
      'Maaf, file Anda belum berhasil kami terima karena gangguan jaringan. Silakan kirim sekali lagi.',
  },
  su: {
    'channel.command.start': 'Mimitian sareng buka ménu utama',
    'channel.command.menu': 'Uih ka ménu utama',
    'channel.command.kembali': 'Uih ka léngkah saméméhna',
    'channel.command.batal': 'Bolaykeun nu nuju dieusian',
    'channel.command.bantuan': 'Cara ngagunakeun layanan ieu',
    'channel.optionsHint': 'Waler ku nomer pilihan.',
    'channel.fileNotReceived':
      'Hapunten, file ti Bapa/Ibu teu acan katampi kusabab gangguan jaringan. Mangga kintun sakali deui.',
  },
  en: {
    'channel.command.start': 'Start and open the main menu',
    'channel.command.menu': 'Back to the main menu',
    'channel.command.kembali': 'Back to the previous step',
    'channel.command.batal': 'Cancel what you are filling in',
    'channel.command.bantuan': 'How to use this service',
    'channel.optionsHint': 'Reply with the number of your choice.',
    'channel.fileNotReceived':
      'Sorry, your file did not reach us because of a network problem. Please send it once more.',
  },
});
