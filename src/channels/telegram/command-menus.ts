/**
 * The command menus Telegram shows next to the message box ("/" button). Each
 * menu is a scope (all private chats, one staff member's chat, …) and its
 * commands, described in the catalog so they appear in the user's language:
 * Indonesian is the default, Sundanese and English are published for Telegram
 * users whose app speaks them. Staff menus are added to the list, not here.
 */
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import { type Key, type Locale, t } from '../../i18n/translate.ts';

export interface CommandMenu {
  scope: BotCommandScope;
  commands: readonly { command: string; description: Key }[];
}

/** What every resident can type at any step; the runtime reads these words in every flow. */
export const RESIDENT_MENU: CommandMenu = {
  scope: { type: 'all_private_chats' },
  commands: [
    { command: 'start', description: 'channel.command.start' },
    { command: 'menu', description: 'channel.command.menu' },
    { command: 'kembali', description: 'channel.command.kembali' },
    { command: 'batal', description: 'channel.command.batal' },
    { command: 'bantuan', description: 'channel.command.bantuan' },
  ],
};

/** Locales published with their own language_code; 'id' is the menu for everyone else. */
const TRANSLATED: readonly Locale[] = ['su', 'en'];

/** The setMyCommands calls that publish `menus`, default language first. */
export function commandMenuCalls(menus: readonly CommandMenu[]) {
  return menus.flatMap((menu) => [
    { scope: menu.scope, language_code: undefined, commands: commandsIn('id', menu) },
    ...TRANSLATED.map((locale) => ({
      scope: menu.scope,
      language_code: locale,
      commands: commandsIn(locale, menu),
    })),
  ]);
}

/**
 * Publishes the menus. Telegram keeps them until replaced, so doing this at
 * every start is how a changed description reaches users.
 *
 * @example
 * await publishCommandMenus(bot.api, [RESIDENT_MENU]);
 */
export async function publishCommandMenus(api: Api, menus: readonly CommandMenu[]): Promise<void> {
  for (const call of commandMenuCalls(menus)) {
    await api.setMyCommands(call.commands, {
      scope: call.scope,
      ...(call.language_code ? { language_code: call.language_code } : {}),
    });
  }
}

function commandsIn(locale: Locale, menu: CommandMenu): BotCommand[] {
  return menu.commands.map((c) => ({ command: c.command, description: t(locale, c.description) }));
}
