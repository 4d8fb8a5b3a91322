/**
 * Reads "/rujuk@slrt_bot PB-7K4M2Q baznas mohon dibantu" as the command name
 * and its argument text. Telegram adds "@botname" in groups; phones add
 * capital letters and stray spaces.
 */
export interface ParsedCommand {
  name: string;
  args: string;
}

export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\s*\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return null;
  return { name: (match[1] as string).toLowerCase(), args: (match[2] ?? '').trim() };
}
