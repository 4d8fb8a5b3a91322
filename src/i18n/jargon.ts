/**
 * Plain explanations of the acronyms in a text a resident is about to read
 * (SKTM, DTKS/DTSEN, PBI-JK, KIP, PKH, BPNT…), so "PBI-JK" is not a wall.
 * The catalogue is editable by admins, so the text is scanned rather than
 * each service being given fixed notes: a new description that uses a known
 * acronym is explained too.
 *
 * @example
 * explainJargon('id', 'KTP, KK, SKTM dari desa');
 * // 'Arti singkatan:\n- SKTM: surat dari desa/kelurahan bahwa keluarga Anda kurang mampu.'
 */
import { type Key, type Locale, t } from './translate.ts';

/** Each explanation and the acronyms that call for it (whole words, as written). */
const GLOSSARY: readonly { key: Key; terms: readonly string[] }[] = [
  { key: 'jargon.PBI', terms: ['PBI-JK', 'PBI'] },
  { key: 'jargon.BPJS', terms: ['BPJS'] },
  { key: 'jargon.KIP', terms: ['KIP', 'PIP'] },
  { key: 'jargon.PKH', terms: ['PKH'] },
  { key: 'jargon.BPNT', terms: ['BPNT'] },
  { key: 'jargon.BLT', terms: ['BLT'] },
  { key: 'jargon.DTKS', terms: ['DTKS', 'DTSEN'] },
  { key: 'jargon.RTLH', terms: ['RTLH'] },
  { key: 'jargon.UMKM', terms: ['UMKM'] },
  { key: 'jargon.KUR', terms: ['KUR'] },
  { key: 'jargon.KDRT', terms: ['KDRT'] },
  { key: 'jargon.RSUD', terms: ['RSUD'] },
  { key: 'jargon.SKTM', terms: ['SKTM'] },
];

const PATTERNS = GLOSSARY.map(({ key, terms }) => ({
  key,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
}));

/** The explanations `text` needs, one line each; [] when it uses no known acronym. */
export function jargonLines(locale: Locale, text: string): string[] {
  return PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ key }) => t(locale, key));
}

/** A short block to put under `text`, or '' when nothing in it needs explaining. */
export function explainJargon(locale: Locale, text: string): string {
  const lines = jargonLines(locale, text);
  return lines.length === 0
    ? ''
    : [t(locale, 'jargon.heading'), ...lines.map((line) => `- ${line}`)].join('\n');
}
