/**
 * What a resident types to reach a result, shared by the tests that need a
 * ticket to exist before they test something else.
 */
import type { OutboundMessage } from '../../src/runtime/messages.ts';

export interface ChatLike {
  send(input: string): Promise<OutboundMessage[]>;
}

export const NEED = 'Ibu saya sakit paru-paru, butuh bantuan biaya berobat ke RSUD.';
export const NAME = 'Siti Aminah';

let serial = 0;
/**
 * A fresh NIK and KK that pass validation (Kabupaten Bandung, Cileunyi; a woman
 * born 5 Dec 1990), different for each resident so the duplicate rule only
 * bites where a test means it to.
 */
export function newResident(): { nik: string; kk: string } {
  serial += 1;
  const tail = String(serial).padStart(4, '0');
  return { nik: `320405451290${tail}`, kk: `320405123456${tail}` };
}

/** What a resident types from a first "halo" to the desa question of a kesehatan request. */
export function answersUpToDesa(who: { nik: string; kk: string }, need = NEED): string[] {
  return ['halo', '1', '1', '1', 'kesehatan', need, NAME, who.nik, who.kk, 'cileunyi'];
}

export const TRACKING_CODE = /P[BG]-[0-9A-HJKMNP-TV-Z]{6}/;

/**
 * Language, consent, a health help request for Cileunyi Kulon, confirmed.
 * Returns the tracking code from the confirmation.
 */
export async function fileHelpRequest(
  chat: ChatLike,
  who = newResident(),
  need = NEED,
): Promise<string> {
  for (const answer of [...answersUpToDesa(who, need), 'cileunyi kulon', 'selesai']) {
    await chat.send(answer);
  }
  const confirmed = await chat.send('1');
  const code = confirmed
    .map((m) => m.text)
    .join('\n')
    .match(TRACKING_CODE)?.[0];
  if (!code) throw new Error(`no tracking code in: ${confirmed.map((m) => m.text).join(' | ')}`);
  return code;
}
