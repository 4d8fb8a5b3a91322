/**
 * The first call at start: getMe proves the token works and tells us the
 * bot's @username for the start-up log. A refused token stops the desk with a
 * message that says what to fix; an unreachable Telegram fails within a
 * deadline instead of retrying silently forever.
 */
import { type Bot, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { apiSignal } from './api-signal.ts';

const GET_ME_DEADLINE_MS = 30_000;

export class TelegramTokenRefused extends Error {
  override name = 'TelegramTokenRefused';
}

/**
 * Calls getMe and stores the answer on the bot (grammY then skips its own
 * init call, which would retry network errors without end).
 *
 * @example
 * const me = await identifyBot(bot, apiRoot); // me.username === 'slrt_desk_bot'
 */
export async function identifyBot(
  bot: Bot,
  apiRoot: string,
  deadlineMs = GET_ME_DEADLINE_MS,
): Promise<UserFromGetMe> {
  try {
    const me = await bot.api.getMe(apiSignal(AbortSignal.timeout(deadlineMs)));
    bot.botInfo = me;
    return me;
  } catch (error) {
    // 401: unknown or revoked token; 404: a token Telegram cannot even parse.
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new TelegramTokenRefused(
        'TELEGRAM_BOT_TOKEN was refused by Telegram: check the token from @BotFather',
        { cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Telegram did not answer getMe at ${apiRoot} within ${deadlineMs / 1000} s (${reason}): check the network or TELEGRAM_API_ROOT`,
      { cause: error },
    );
  }
}
