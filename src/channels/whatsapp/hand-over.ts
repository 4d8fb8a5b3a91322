/**
 * Hands fetched WhatsApp messages to the desk, holding each one the database
 * could not take (WhatsApp will not deliver it again once Baileys has it) and
 * trying it again until it is written.
 *
 * @example
 * const handOver = handOverInbound({ gateway, logger });
 * await handOver.submit(chatJid, await fetchMedia(message, mapped, media));
 */
import type { Logger } from '../../log.ts';
import type { InboundGateway } from '../inbound-gateway.ts';
import { errorReason } from './error-reason.ts';
import { HeldMessages, type HoldBackoff } from './held-messages.ts';
import { type FetchedMessage, storeFetched } from './inbound-media.ts';

export function handOverInbound(deps: {
  gateway: Pick<InboundGateway, 'receive' | 'storeFile'>;
  logger: Logger;
  backoff?: HoldBackoff | undefined;
  maxHeld?: number | undefined;
}): HeldMessages<FetchedMessage> {
  const { gateway, logger } = deps;
  return new HeldMessages<FetchedMessage>({
    logger,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    ...(deps.maxHeld ? { maxHeld: deps.maxHeld } : {}),
    async attempt(fetched) {
      if (fetched.file) {
        // Kept on the held message: a later try must not store the same file twice.
        fetched.input = await storeFetched(gateway, fetched);
        fetched.file = undefined;
      }
      await gateway.receive(fetched.input);
    },
    onFailed(fetched, error) {
      logger.error(
        { messageId: fetched.input.messageId, reason: errorReason(error) },
        'WhatsApp message was not handled',
      );
    },
  });
}
