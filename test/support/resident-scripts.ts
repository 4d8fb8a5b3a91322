/**
 * What a resident types to reach a result, shared by the tests that need a
 * ticket to exist before they test something else.
 */
import type { OutboundMessage } from '../../src/runtime/messages.ts';

export interface ChatLike {
  send(input: string): Promise<OutboundMessage[]>;
}

let serial = 0;
/** A fresh valid NIK and KK of Kabupaten Bandung (Cileunyi) for each resident. */
export function newResident(): { nik: string; kk: string } {
  serial += 1;
  const tail = String(9000 - serial).padStart(4, '0');
  return { nik: `320405451290${tail}`, kk: `320405123456${tail}` };
}

export const TRACKING_CODE = /P[BG]-[0-9A-HJKMNP-TV-Z]{6}/;

/**
 * Language, consent, a health help request for Cileunyi Kulon, confirmed.
 * Returns the tracking code from the confirmation.
 */
export async function fileHelpRequest(
  chat: ChatLike,
  who = newResident(),
  need = 'Ibu saya sakit paru-paru, butuh bantuan biaya berobat ke RSUD.',
): Promise<string> {
  for (const answer of [
    'halo',
    '1',
    '1',
    '1',
    'kesehatan',
    need,
    'Siti Aminah',
    who.nik,
    who.kk,
    'cileunyi',
    'cileunyi kulon',
    'selesai',
  ]) {
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
