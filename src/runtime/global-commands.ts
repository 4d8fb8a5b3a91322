/**
 * Words that work in every step, in Bahasa Indonesia, Sundanese and English.
 * Only a message that is exactly one of these counts, so "saya butuh bantuan"
 * is an answer, not a command.
 *
 * Residents say "bantuan" to mean aid, not help with the bot, so HELP has its
 * own words ("petunjuk", "cara pakai", "/help", "?") and "bantuan" is AID: at
 * the menu it starts a help request, elsewhere it says how to ask for aid.
 * "/bantuan" stays HELP: it is the Telegram command described as
 * "Cara memakai layanan ini".
 */
export type GlobalCommand = 'MENU' | 'CANCEL' | 'BACK' | 'HELP' | 'AID';

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
  HELP: [
    'petunjuk',
    'cara pakai',
    'cara memakai',
    'panduan',
    'pituduh',
    'help',
    'how to use',
    '/help',
    '/petunjuk',
    '/bantuan',
    '?',
  ],
  AID: ['bantuan', 'tolong', 'pitulung', 'bantosan', 'minta bantuan', 'butuh bantuan', 'aid'],
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
