/**
 * Argument readers shared by the commands (zod, so a wrong argument is a
 * parse failure that shows the command's usage line, never an exception).
 */
import { z } from 'zod';
import { parseTrackingCode } from '../core/tracking-code.ts';

/** Longest free text a command stores (a note, a message, a reason). */
export const MAX_COMMAND_TEXT = 1000;

function split(args: string): { code: string | null; rest: string } {
  const [first = '', ...rest] = args.split(/\s+/);
  return { code: parseTrackingCode(first), rest: rest.join(' ').trim() };
}

/** "PB-7K4M2Q" */
export const codeOnly = z.string().transform((args, ctx) => {
  const { code } = split(args);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: 'tracking code' });
    return z.NEVER;
  }
  return { code };
});

/** "PB-7K4M2Q some text", the text required or not */
export function codeAndText(textRequired: boolean) {
  return z.string().transform((args, ctx) => {
    const { code, rest } = split(args);
    if (!code || (textRequired && rest === '')) {
      ctx.addIssue({ code: 'custom', message: 'tracking code and text' });
      return z.NEVER;
    }
    return { code, text: rest.slice(0, MAX_COMMAND_TEXT) };
  });
}

/** nothing, or one word such as a status */
export const optionalWord = z
  .string()
  .transform((args) => ({ word: args.split(/\s+/)[0]?.toUpperCase() ?? '' }));

export const noArgs = z.string().transform(() => ({}));
