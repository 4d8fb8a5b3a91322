/**
 * The "/" menu a chat gets once someone there joins with a role: the commands
 * that role may use, each described by the first clause of its /bantuan line
 * ("/ambil KODE: pegang tiket ini. Contoh: …" → "pegang tiket ini").
 */
import { type Locale, t } from '../i18n/translate.ts';
import type { StaffRole } from '../staff/roles.ts';
import { COMMANDS } from './command-registry.ts';

/** Telegram's limit for a command description. */
const MAX_DESCRIPTION = 256;

export function commandMenuFor(role: StaffRole, locale: Locale) {
  return COMMANDS.filter((command) => command.roles.includes(role)).map((command) => {
    const usage = t(
      locale,
      role === 'mitra' && command.name === 'tolak' ? 'staff.usage.tolakRujukan' : command.usage,
    );
    const clause = /^\/\S+[^:]*:\s*(.+?)(?:\.\s|$)/.exec(usage)?.[1] ?? usage;
    return { command: command.name, description: clause.slice(0, MAX_DESCRIPTION) };
  });
}
