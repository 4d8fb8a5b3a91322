/**
 * Reads what a resident means when they write their own words at the main
 * menu instead of a number: "saya butuh bantuan beras" asks for aid (and
 * points to bansos), "mau lapor" is a complaint, "cek status PB-7K4M2Q" a
 * status check, "syarat BPJS" service information, "punten" a greeting. Words in Bahasa Indonesia, Sundanese
 * and English. Only used where a step lists `intents` (flows/flow-kit.ts).
 *
 * @example
 * readIntent('saya butuh bantuan beras', ['kesehatan', 'bansos']);
 * // { value: 'help', start: { serviceCode: 'bansos' } }
 */
import type { IntentStart } from '../../flows/flow-kit.ts';
import { parseTrackingCode } from '../core/tracking-code.ts';

export type MenuIntent = 'help' | 'complaint' | 'status' | 'info' | 'greeting';

export interface ReadIntent {
  value: MenuIntent;
  start: IntentStart;
}

/** Words that say "I want to know how my ticket is doing". */
const STATUS = [
  'status',
  'cek tiket',
  'cek status',
  'cek kode',
  'cek permohonan',
  'cek pengaduan',
  'cek laporan',
  'kode tiket',
  'tiket',
  'lacak',
  'sampai mana',
  'sudah sampai mana',
  'progres',
  'dugi ka mana',
  'parios tiket',
  'mariksa tiket',
  'track',
  'tracking',
  'check status',
  'my ticket',
];

/** Words that say "I want to complain" (they win over aid words: "lapor bantuan tidak sampai"). */
const COMPLAINT = [
  'aduan',
  'pengaduan',
  'adu',
  'mengadu',
  'lapor',
  'laporan',
  'melapor',
  'melaporkan',
  'keluhan',
  'mengeluh',
  'komplain',
  'protes',
  'pungli',
  'pangaduan',
  'ngadu',
  'wadul',
  'ngawadul',
  'complain',
  'complaint',
  'report',
  'grievance',
];

/** Words that ask what a service needs, not for the service itself: "syarat BPJS apa?". */
const INFO = [
  'info',
  'informasi',
  'syarat',
  'persyaratan',
  'cara daftar',
  'cara mendaftar',
  'katerangan',
  'sarat',
  'information',
  'requirements',
  'requirement',
];

/**
 * Words that ask for aid without naming a service. Polite fillers ("mohon",
 * "minta", "perlu") are left out: "mohon maaf salah kirim" asks for nothing.
 */
const AID = [
  'bantuan',
  'bantu',
  'dibantu',
  'butuh',
  'membutuhkan',
  'tolong',
  'ajukan',
  'mengajukan',
  'permohonan',
  'bantosan',
  'pitulung',
  'peryogi',
  'nyuhunkeun bantosan',
  'aid',
  'assistance',
  'need help',
  'help me',
  'i need',
];

/**
 * Words that point to one service of the default catalogue (src/seed/default-catalogue.ts).
 * A code the desk's catalogue does not have is ignored; words of two services are no guess.
 */
const SERVICE_WORDS: Record<string, readonly string[]> = {
  kesehatan: [
    'bpjs',
    'kis',
    'pbi',
    'berobat',
    'obat',
    'sakit',
    'rumah sakit',
    'rsud',
    'puskesmas',
    'dokter',
    'operasi',
    'ubar',
    'gering',
    'udur',
    'kasehatan',
    'sick',
    'hospital',
    'medicine',
    'medical',
    'health',
    'doctor',
  ],
  pendidikan: [
    'sekolah',
    'pip',
    'kip',
    'beasiswa',
    'seragam',
    'spp',
    'kuliah',
    'sakola',
    'atikan',
    'school',
    'scholarship',
    'uniform',
    'tuition',
    'education',
  ],
  adminduk: [
    'ktp',
    'akta',
    'akte',
    'kartu keluarga',
    'dukcapil',
    'disdukcapil',
    'kartu kulawarga',
    'id card',
    'birth certificate',
  ],
  bansos: [
    'beras',
    'beas',
    'sembako',
    'pkh',
    'bpnt',
    'blt',
    'bansos',
    'bantuan sosial',
    'dtks',
    'dtsen',
    'bantuan tunai',
    'rice',
    'food',
    'cash aid',
  ],
  rehsos: [
    'rtlh',
    'bedah rumah',
    'rumah rusak',
    'perbaikan rumah',
    'atap',
    'disabilitas',
    'kursi roda',
    'lansia',
    'imah',
    'wheelchair',
    'disability',
    'elderly',
  ],
  ekonomi: [
    'modal',
    'usaha',
    'umkm',
    'pelatihan',
    'pekerjaan',
    'kur',
    'warung',
    'job',
    'training',
    'business',
  ],
  perlindungan: [
    'kdrt',
    'kekerasan',
    'dipukul',
    'pelecehan',
    'perdagangan orang',
    'trafficking',
    'violence',
    'abuse',
  ],
};

const GREETING = [
  'halo',
  'hallo',
  'helo',
  'hai',
  'hi',
  'hello',
  'hey',
  'p',
  'assalamualaikum',
  'asalamualaikum',
  'assalamu alaikum',
  'salam',
  'punten',
  'sampurasun',
  'permisi',
  'selamat pagi',
  'selamat siang',
  'selamat sore',
  'selamat malam',
  'pagi',
  'siang',
  'sore',
  'malam',
  'wilujeng enjing',
  'wilujeng siang',
  'wilujeng sonten',
  'wilujeng wengi',
  'good morning',
  'good afternoon',
  'good evening',
];

/** Lower case, accents and punctuation gone, single spaces, padded so " word " finds whole words. */
function words(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${plain} `;
}

const says = (text: string, list: readonly string[]) =>
  list.some((word) => text.includes(` ${word} `));

/** The one service the words point to, among those the catalogue has; none when two fit. */
function guessService(text: string, serviceCodes: readonly string[]): string | undefined {
  const fits = serviceCodes.filter((code) => says(text, SERVICE_WORDS[code] ?? []));
  return fits.length === 1 ? fits[0] : undefined;
}

/** What the words ask for, or null when they say none of it. Long texts are read too. */
export function readIntent(text: string, serviceCodes: readonly string[]): ReadIntent | null {
  const ticketCode = parseTrackingCode(text);
  const plain = words(text);
  if (ticketCode) return { value: 'status', start: { ticketCode } };
  if (says(plain, STATUS)) return { value: 'status', start: {} };
  if (says(plain, COMPLAINT)) return { value: 'complaint', start: {} };
  const serviceCode = guessService(plain, serviceCodes);
  const start = serviceCode ? { serviceCode } : {};
  if (says(plain, INFO)) return { value: 'info', start };
  if (serviceCode) return { value: 'help', start };
  if (says(plain, AID)) return { value: 'help', start: {} };
  if (says(plain, GREETING)) return { value: 'greeting', start: {} };
  return null;
}
