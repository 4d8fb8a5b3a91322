/** What the chat platforms show around the conversation: command menus, button hints. */
import { defineTexts } from '../define-texts.ts';

export const channelTexts = defineTexts({
  id: {
    'channel.command.start': 'Mulai dan buka menu utama',
    'channel.command.menu': 'Kembali ke menu utama',
    'channel.command.kembali': 'Kembali ke langkah sebelumnya',
    'channel.command.batal': 'Batalkan yang sedang diisi',
    'channel.command.bantuan': 'Cara memakai layanan ini',
    'channel.optionsHint': 'Balas dengan nomor pilihan.',
  },
  su: {
    'channel.command.start': 'Mimitian sareng buka ménu utama',
    'channel.command.menu': 'Uih ka ménu utama',
    'channel.command.kembali': 'Uih ka léngkah saméméhna',
    'channel.command.batal': 'Bolaykeun nu nuju dieusian',
    'channel.command.bantuan': 'Cara ngagunakeun layanan ieu',
    'channel.optionsHint': 'Waler ku nomer pilihan.',
  },
  en: {
    'channel.command.start': 'Start and open the main menu',
    'channel.command.menu': 'Back to the main menu',
    'channel.command.kembali': 'Back to the previous step',
    'channel.command.batal': 'Cancel what you are filling in',
    'channel.command.bantuan': 'How to use this service',
    'channel.optionsHint': 'Reply with the number of your choice.',
  },
});
