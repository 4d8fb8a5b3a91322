/**
 * The Telegram channel: a grammY bot that hands residents' messages to the
 * inbound gateway and sends the outbox's replies. Long polling by default;
 * webhook mode when a public URL and secret are configured.
 */
import type { RunnerHandle } from '@grammyjs/runner';
import { sequentialize } from '@grammyjs/runner';
import { GrammyError } from 'grammy';
import type { Logger } from '../../log.ts';
import { type ChannelAdapter, DeliveryError } from '../channel-adapter.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import { StatusClock } from '../status-clock.ts';
import { ChatHolds } from './chat-holds.ts';
import { publishCommandMenus, RESIDENT_MENU } from './command-menus.ts';
import { identifyBot } from './identify-bot.ts';
import { InFlight } from './in-flight.ts';
import { inboundHandlers } from './inbound-handlers.ts';
import { leftForRedelivery } from './left-for-redelivery.ts';
import { startLongPolling, stopLongPolling } from './long-polling.ts';
import { sendOutbound } from './send-message.ts';
import { createTelegramBot } from './telegram-bot.ts';
import { registerWebhook, WEBHOOK_PATH, type WebhookConfig, webhookRoute } from './webhook.ts';

export interface TelegramDeps {
  gateway: InboundGateway;
  logger: Logger;
  /** from @BotFather */
  token: string;
  /** https://api.telegram.org, or a local Bot API server / test emulator */
  apiRoot: string;
  /** set for webhook mode; long polling otherwise */
  webhook?: WebhookConfig | undefined;
}

/**
 * @example
 * const telegram = createTelegramChannel({ gateway, logger, token, apiRoot: 'https://api.telegram.org' });
 * await telegram.start(); // logs "Telegram connected as @slrt_desk_bot (long polling)"
 */
export function createTelegramChannel(deps: TelegramDeps): ChannelAdapter {
  const logger = deps.logger.child({ channel: 'telegram' });
  const apiRoot = deps.apiRoot.replace(/\/+$/, '');
  const bot = createTelegramBot(deps.token, apiRoot, logger);
  const inFlight = new InFlight();
  bot.use(inFlight.middleware);
  // Updates of one chat wait for each other; different chats run side by side.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  if (!deps.webhook) bot.use(new ChatHolds().middleware);
  bot
    .errorBoundary((error) => {
      // Not committed: Telegram must keep the update, so the webhook or poller has to see it.
      if (leftForRedelivery(error)) throw error.error;
      // The error only, not the context: it holds the resident's message.
      logger.error(
        { updateId: error.ctx.update.update_id, err: safeError(error.error) },
        'update failed',
      );
    })
    .use(
      inboundHandlers({
        gateway: deps.gateway,
        logger,
        files: { api: bot.api, gateway: deps.gateway, token: deps.token, apiRoot },
      }),
    );

  let runner: RunnerHandle | undefined;
  let open = false;
  // Up once started; down while getUpdates or a send cannot reach Telegram, or after polling ended.
  const status = new StatusClock<'connecting' | 'up' | 'down'>('connecting');
  const reached = (ok: boolean) => status.set(ok ? 'up' : 'down');
  const webhook = deps.webhook;

  return {
    channel: 'telegram',
    routes: webhook
      ? { [`POST ${WEBHOOK_PATH}`]: webhookRoute(bot, webhook.secret, () => open, logger) }
      : undefined,

    async start() {
      const me = await identifyBot(bot, apiRoot);
      await publishCommandMenus(bot.api, [RESIDENT_MENU]).catch((error: unknown) => {
        // A missing "/" menu is cosmetic; typing the commands still works.
        logger.warn({ err: safeError(error) }, 'could not publish the command menu');
      });
      open = true;
      status.set('up');
      if (webhook) {
        await registerWebhook(bot, webhook, logger);
        logger.info(`Telegram connected as @${me.username} (webhook ${webhook.url})`);
      } else {
        runner = await startLongPolling(bot, logger, reached);
        logger.info(`Telegram connected as @${me.username} (long polling)`);
      }
    },

    status: () => status.read(),

    async stop() {
      open = false;
      status.set('down');
      if (runner) await stopLongPolling(runner);
      runner = undefined;
      await inFlight.settled();
    },

    async deliver(chatKey, message) {
      if (message.commandMenu) {
        // Staff commands appear in the "/" menu of this chat only; residents keep theirs.
        await bot.api.setMyCommands(message.commandMenu, {
          scope: { type: 'chat', chat_id: Number(chatKey) },
        });
      }
      const file = message.attachment
        ? await deps.gateway.openAttachment(message.attachment.attachmentId)
        : null;
      try {
        const sent = await sendOutbound(bot.api, chatKey, message, undefined, file);
        reached(true);
        return sent;
      } catch (error) {
        // Telegram answering with an error is reachable; only a failed connection means down.
        if (error instanceof DeliveryError && error.options.unreachable) reached(false);
        throw error;
      }
    },
  };
}

/** What a log line may say about an error: never a Bot API payload or update. */
function safeError(error: unknown) {
  if (error instanceof GrammyError) {
    return {
      name: error.name,
      method: error.method,
      code: error.error_code,
      message: error.description,
    };
  }
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { message: String(error) };
}
