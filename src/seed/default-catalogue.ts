/**
 * The default service catalogue (layanan), after the SLRT SOPs of Kabupaten
 * Bandung and LAPOR!'s 3/5/10-day rules. SLA in working days; every category is
 * answered first within one working day. Admins can change it in the database;
 * the seed only adds what is missing and never overwrites an edited entry.
 */
export interface CatalogueDocument {
  id: string;
  su: string;
  en: string;
  required: boolean;
}

export interface CatalogueEntry {
  code: string;
  name: { id: string; su: string; en: string };
  description: { id: string; su: string; en: string };
  slaDays: number;
  urgent: boolean;
  documents: CatalogueDocument[];
}

const KTP: CatalogueDocument = { id: 'KTP', su: 'KTP', en: 'ID card (KTP)', required: true };
const KK: CatalogueDocument = {
  id: 'Kartu Keluarga (KK)',
  su: 'Kartu Kulawarga (KK)',
  en: 'Family card (KK)',
  required: true,
};
const SKTM: CatalogueDocument = {
  id: 'SKTM dari desa/kelurahan (sering diminta mitra)',
  su: 'SKTM ti desa/kalurahan (sok dipénta ku mitra)',
  en: 'Certificate of low income (SKTM) from the village (partners often ask for it)',
  required: false,
};

export const DEFAULT_CATALOGUE: CatalogueEntry[] = [
  {
    code: 'kesehatan',
    name: { id: 'Kesehatan', su: 'Kaséhatan', en: 'Health' },
    description: {
      id: 'Aktivasi PBI-JK/BPJS, bantuan biaya berobat, rujukan ke Puskesmas/RSUD',
      su: 'Aktivasi PBI-JK/BPJS, bantuan biaya ubar, rujukan ka Puskesmas/RSUD',
      en: 'PBI-JK/BPJS health insurance activation, medical cost aid, referral to Puskesmas/hospital',
    },
    slaDays: 3,
    urgent: false,
    documents: [
      KTP,
      KK,
      {
        id: 'Surat keterangan dokter/rujukan',
        su: 'Surat katerangan dokter/rujukan',
        en: "Doctor's letter or referral",
        required: true,
      },
      SKTM,
    ],
  },
  {
    code: 'pendidikan',
    name: { id: 'Pendidikan', su: 'Atikan', en: 'Education' },
    description: {
      id: 'KIP/PIP, biaya sekolah, seragam',
      su: 'KIP/PIP, biaya sakola, saragam',
      en: 'KIP/PIP school aid, school fees, uniforms',
    },
    slaDays: 10,
    urgent: false,
    documents: [
      KTP,
      KK,
      {
        id: 'Kartu pelajar/surat keterangan sekolah',
        su: 'Kartu palajar/surat katerangan sakola',
        en: 'Student card or school letter',
        required: true,
      },
      SKTM,
    ],
  },
  {
    code: 'adminduk',
    name: {
      id: 'Administrasi kependudukan',
      su: 'Administrasi kependudukan',
      en: 'Civil registration',
    },
    description: {
      id: 'KTP-el, Kartu Keluarga, akta kelahiran (Disdukcapil)',
      su: 'KTP-el, Kartu Kulawarga, akta kalahiran (Disdukcapil)',
      en: 'Electronic ID card, family card, birth certificate (Disdukcapil)',
    },
    slaDays: 5,
    urgent: false,
    documents: [
      KK,
      {
        id: 'Surat pengantar RT/RW',
        su: 'Surat pengantar RT/RW',
        en: 'Cover letter from RT/RW',
        required: true,
      },
    ],
  },
  {
    code: 'bansos',
    name: { id: 'Bantuan sosial', su: 'Bantuan sosial', en: 'Social assistance' },
    description: {
      id: 'PKH, BPNT/Sembako, BLT; perbaikan data DTKS/DTSEN',
      su: 'PKH, BPNT/Sembako, BLT; ngalereskeun data DTKS/DTSEN',
      en: 'PKH, BPNT/Sembako food aid, BLT cash aid; correcting DTKS/DTSEN data',
    },
    slaDays: 10,
    urgent: false,
    documents: [KTP, KK, SKTM],
  },
  {
    code: 'rehsos',
    name: { id: 'Rehabilitasi sosial', su: 'Rehabilitasi sosial', en: 'Social rehabilitation' },
    description: {
      id: 'Perbaikan rumah (RTLH), alat bantu disabilitas, perawatan lansia',
      su: 'Ngalereskeun imah (RTLH), alat bantu disabilitas, ngarawat kolot',
      en: 'House repair (RTLH), disability aids, elderly care',
    },
    slaDays: 20,
    urgent: false,
    documents: [
      KTP,
      KK,
      {
        id: 'Foto rumah/kondisi',
        su: 'Poto imah/kaayaan',
        en: 'Photo of the house or condition',
        required: true,
      },
      SKTM,
    ],
  },
  {
    code: 'ekonomi',
    name: { id: 'Pemberdayaan ekonomi', su: 'Pemberdayaan ékonomi', en: 'Economic empowerment' },
    description: {
      id: 'Pelatihan kerja, modal UMKM, rujukan KUR',
      su: 'Palatihan gawé, modal UMKM, rujukan KUR',
      en: 'Job training, small business capital, KUR loan referral',
    },
    slaDays: 15,
    urgent: false,
    documents: [KTP, KK],
  },
  {
    code: 'perlindungan',
    name: { id: 'Perlindungan', su: 'Panyalindungan', en: 'Protection' },
    description: {
      id: 'KDRT, perlindungan anak, perdagangan orang: ditangani segera',
      su: 'KDRT, panyalindungan budak, dagang jalma: diurus geura',
      en: 'Domestic violence, child protection, trafficking: handled urgently',
    },
    slaDays: 1,
    urgent: true,
    documents: [],
  },
  {
    code: 'lainnya',
    name: { id: 'Lainnya', su: 'Lianna', en: 'Other' },
    description: {
      id: 'Kebutuhan lain, dipilah oleh petugas Puskesos',
      su: 'Kaperluan séjén, dipilah ku patugas Puskesos',
      en: 'Anything else, triaged by the Puskesos staff',
    },
    slaDays: 5,
    urgent: false,
    documents: [KTP],
  },
];
