/** Service information: what each service covers, how long it takes and which documents to bring. */
import { defineTexts } from '../define-texts.ts';

export const serviceInfoTexts = defineTexts({
  id: {
    'serviceInfo.choose': 'Info layanan. Pilih layanan untuk melihat syarat dan dokumennya:',
    'serviceInfo.show': '{serviceText}\n\nApa yang ingin Anda lakukan?',
    'serviceInfo.sla': 'Diproses paling lama {days} hari kerja.',
    'serviceInfo.firstResponse': 'Petugas menanggapi paling lama 1 hari kerja.',
    'serviceInfo.urgent': 'Ini mendesak. Petugas segera menangani.',
    'serviceInfo.required': 'Dokumen yang perlu disiapkan:',
    'serviceInfo.optional': 'Dokumen tambahan, bila ada:',
    'serviceInfo.noDocuments': 'Tidak perlu dokumen untuk mulai.',
    'serviceInfo.photosLater': 'Foto dokumen boleh dikirim menyusul.',
    'serviceInfo.another': 'Lihat layanan lain',
    'serviceInfo.apply': 'Ajukan bantuan ini',
  },
  su: {
    'serviceInfo.choose':
      'Info layanan. Mangga pilih layanan pikeun ningali syarat sareng dokuménna:',
    'serviceInfo.show': '{serviceText}\n\nNaon nu badé dilakukeun ku Bapa/Ibu?',
    'serviceInfo.sla': 'Diolah paling lami {days} dinten damel.',
    'serviceInfo.firstResponse': 'Patugas ngawaler paling lami 1 dinten damel.',
    'serviceInfo.urgent': 'Ieu penting pisan. Patugas langsung ngurus.',
    'serviceInfo.required': 'Dokumén nu kedah disiapkeun:',
    'serviceInfo.optional': 'Dokumén tambihan, upami aya:',
    'serviceInfo.noDocuments': 'Teu peryogi dokumén kanggo ngamimitian.',
    'serviceInfo.photosLater': 'Poto dokumén tiasa dikintun engké.',
    'serviceInfo.another': 'Tingali layanan sanés',
    'serviceInfo.apply': 'Ajukeun bantuan ieu',
  },
  en: {
    'serviceInfo.choose':
      'Service information. Choose a service to see its requirements and documents:',
    'serviceInfo.show': '{serviceText}\n\nWhat would you like to do?',
    'serviceInfo.sla': 'Handled within {days} working days at most.',
    'serviceInfo.firstResponse': 'Staff respond within 1 working day at most.',
    'serviceInfo.urgent': 'This is urgent. Staff act right away.',
    'serviceInfo.required': 'Documents to prepare:',
    'serviceInfo.optional': 'Extra documents, if you have them:',
    'serviceInfo.noDocuments': 'No documents are needed to start.',
    'serviceInfo.photosLater': 'Photos of documents may be sent later.',
    'serviceInfo.another': 'See another service',
    'serviceInfo.apply': 'Apply for this help',
  },
});
