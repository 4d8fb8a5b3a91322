/**
 * Residents for Telegram tests: valid identity numbers and the typed path to a
 * given step, so each test walks only the part it is about.
 */
import { expect } from 'vitest';
import { t } from '../../../src/i18n/translate.ts';
import type { SentMessage } from '../../support/bot-api-emulator.ts';
import { answersUpToDesa, newResident } from '../../support/resident-scripts.ts';
import type { TelegramUser } from './telegram-user.ts';

export { NAME, NEED, newResident as person } from '../../support/resident-scripts.ts';
export const TRACKING_CODE = /PB-[0-9A-HJKMNP-TV-Z]{6}/;

export const texts = (replies: SentMessage[]) => replies.map((reply) => reply.text);

/** From a first message to the documents step of a kesehatan request, all typed. */
export async function typeUpToDocuments(user: TelegramUser, who = newResident()) {
  for (const answer of answersUpToDesa(who)) await user.say(answer);
  const documents = await user.say('cileunyi kulon');
  expect(documents.at(-1)?.text).toContain('Kartu Keluarga (KK)');
  return who;
}

export const say = t.bind(null, 'id');
