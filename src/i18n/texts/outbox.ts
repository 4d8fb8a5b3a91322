/** What staff are told when the desk gave up delivering a message to a resident. */
import { defineTexts } from '../define-texts.ts';

export const outboxTexts = defineTexts({
  id: {
    'outbox.undelivered.alert':
      '⚠️ Pesan untuk warga tiket {code} tidak terkirim lewat {channel} (sudah dicoba {attempts} kali). Warga mungkin tidak tahu kabar terbaru tiketnya: hubungi warga dengan cara lain bila perlu. Lihat: /tiket {code}',
  },
  su: {
    'outbox.undelivered.alert':
      '⚠️ Pesen kanggo warga tikét {code} teu kakirim ngalangkungan {channel} (parantos dicobian {attempts} kali). Warga panginten teu terang béja panganyarna tikétna: hubungi warga ku cara sanés upami perlu. Tingali: /tiket {code}',
  },
  en: {
    'outbox.undelivered.alert':
      '⚠️ A message to the resident of ticket {code} was not delivered via {channel}. Tried {attempts} times. The resident may not know the latest on their ticket: reach them another way if needed. View: /tiket {code}',
  },
});
