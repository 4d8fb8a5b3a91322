/** The browser simulator page: two phones side by side for demos and training. */
import { defineTexts } from '../define-texts.ts';

export const simulatorTexts = defineTexts({
  id: {
    'simulator.title': 'SLRT Desk: simulator',
    'simulator.resident': 'HP warga',
    'simulator.staff': 'HP petugas',
    'simulator.placeholder': 'Ketik pesan…',
    'simulator.send': 'Kirim',
  },
  su: {
    'simulator.title': 'SLRT Desk: simulator',
    'simulator.resident': 'HP warga',
    'simulator.staff': 'HP petugas',
    'simulator.placeholder': 'Serat pesen…',
    'simulator.send': 'Kintun',
  },
  en: {
    'simulator.title': 'SLRT Desk: simulator',
    'simulator.resident': "Resident's phone",
    'simulator.staff': "Staff member's phone",
    'simulator.placeholder': 'Type a message…',
    'simulator.send': 'Send',
  },
});
