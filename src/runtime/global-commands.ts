/**
 * Words that work in every step, in Bahasa Indonesia, Sundanese and English.
 * Only a message that is exactly one of these counts, so "saya butuh bantuan"
 * is an answer, not a call for help.
 */
export type GlobalCommand = 'MENU' | 'CANCEL' | 'BACK' | 'HELP';

const WORDS: Record<GlobalCommand, readonly string[]> = {
  MENU: ['menu', 'menu utama', 'ménu', 'home', 'start', '/start', '/menu', 'mulai'],
  CANCEL: [
    'batal',
    'batalkan',
    'cancel',
    'stop',
    'berhenti',
    'bolay',
    'teu jadi',
    'wurung',
    '/batal',
  ],
  BACK: ['kembali', 'balik', 'mundur', 'back', 'uih', 'mulang', 'wangsul', '/kembali'],
  HELP: ['bantuan', 'tolong', 'help', 'pitulung', 'bantosan', '/help', '/bantuan', '?'],
};

const LOOKUP = new Map<string, GlobalCommand>(
  Object.entries(WORDS).flatMap(([command, words]) =>
    words.map((word) => [word, command as GlobalCommand] as const),
  ),
);

export function globalCommand(text: string): GlobalCommand | null {
  const normalised = text
    .trim()
    .toLowerCase()
    .replace(/[.!,\s]+$/u, '')
    .replace(/\s+/g, ' ');
  return LOOKUP.get(normalised) ?? null;
}
