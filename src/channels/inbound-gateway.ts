/**
 * Where every adapter hands over what a resident or staff member sent. It keeps
 * files (so a flow only ever sees attachment ids), passes the message to the
 * conversation runtime and wakes the dispatcher so the reply leaves at once.
 */
import type { AttachmentStore, StoreResult } from '../attachments/attachment-store.ts';
import type { Logger } from '../log.ts';
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import type { Channel, InboundMessageInput } from '../runtime/messages.ts';
import type { TurnOutcome } from '../runtime/run-turn.ts';
import type { Db } from '../store/database.ts';

export interface IncomingFile {
  bytes: Uint8Array;
  mimeType: string;
}

export interface InboundGatewayDeps {
  runtime: ConversationRuntime;
  prisma: Db;
  attachments: AttachmentStore;
  logger: Logger;
  /** called after a turn has queued replies (the outbox dispatcher's wake-up) */
  onReplies?: (channel: Channel) => void;
}

export class InboundGateway {
  constructor(private readonly deps: InboundGatewayDeps) {}

  /** Why a file would be refused, checked before downloading it. */
  refusal(mimeType: string, sizeBytes: number | undefined) {
    return this.deps.attachments.refusal(mimeType, sizeBytes);
  }

  /** Keeps a file the sender sent, tied to their chat identity when they have one already. */
  async storeFile(channel: Channel, senderId: string, file: IncomingFile): Promise<StoreResult> {
    const identity = await this.deps.prisma.channelIdentity.findUnique({
      where: { channel_externalId: { channel, externalId: senderId } },
      select: { id: true },
    });
    return this.deps.attachments.save(this.deps.prisma, {
      bytes: file.bytes,
      mimeType: file.mimeType,
      identityId: identity?.id ?? null,
    });
  }

  /**
   * Hands one message to the runtime. Group chats are not resident
   * conversations; they are dropped here until staff rooms route them.
   */
  async receive(input: InboundMessageInput): Promise<TurnOutcome> {
    if (input.chatType === 'group') return { status: 'ignored', replies: [] };
    const outcome = await this.deps.runtime.handle(input);
    if (outcome.status === 'handled') this.deps.onReplies?.(input.channel);
    return outcome;
  }
}
