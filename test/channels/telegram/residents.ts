/**
 * Residents for Telegram tests: valid identity numbers and the typed path to a
 * given step, so each test walks only the part it is about.
 */
import { expect } from 'vitest';
import { t } from '../../../src/i18n/translate.ts';
import type { SentMessage } from '../../support/bot-api-emulator.ts';
import type { TelegramUser } from './telegram-user.ts';

export const NEED = 'Ibu saya sakit paru-paru, butuh bantuan biaya berobat ke RSUD.';
export const NAME = 'Siti Aminah';
export const TRACKING_CODE = /PB-[0-9A-HJKMNP-TV-Z]{6}/;

let serial = 0;
/**
 * A fresh NIK and KK that pass validation (Kabupaten Bandung, Cileunyi; a woman
 * born 5 Dec 1990), different for each resident so the duplicate rule only
 * bites where a test means it to.
 */
export function person() {
  serial += 1;
  const tail = String(serial).padStart(4, '0');
  return { nik: `320405451290${tail}`, kk: `320405123456${tail}` };
}

export const texts = (replies: SentMessage[]) => replies.map((reply) => reply.text);

/** From a first message to the documents step of a kesehatan request, all typed. */
export async function typeUpToDocuments(user: TelegramUser, who = person()) {
  for (const answer of [
    'halo',
    '1',
    '1',
    '1',
    'kesehatan',
    NEED,
    NAME,
    who.nik,
    who.kk,
    'cileunyi',
  ]) {
    await user.say(answer);
  }
  const documents = await user.say('cileunyi kulon');
  expect(documents.at(-1)?.text).toContain('Kartu Keluarga (KK)');
  return who;
}

export const say = t.bind(null, 'id');
