/**
 * A channel that lives in the same process: it builds InboundMessages the way
 * the Telegram and WhatsApp adapters do and collects replies from the outbox
 * the way the dispatcher does. Tests and the browser simulator drive the desk
 * through it.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, InboundMessageInput, OutboundMessage } from '../../runtime/messages.ts';
import { openOutboxPayload } from '../../runtime/outbox-payload.ts';
import type { FieldCipher } from '../../security/field-cipher.ts';
import type { Database } from '../../store/database.ts';

export type ChatInput =
  | string
  | { optionId: string; text?: string }
  | Omit<Partial<InboundMessageInput>, 'channel' | 'conversationKey' | 'sender'>;

/** Whatever takes inbound messages: the runtime itself, or the gateway in front of it. */
export interface MessageReceiver {
  handle(input: InboundMessageInput): Promise<unknown>;
}

export class InProcessChat {
  constructor(
    private readonly runtime: MessageReceiver,
    private readonly db: Database,
    private readonly cipher: FieldCipher,
    readonly channel: Channel,
    readonly chatKey: string,
    readonly senderId: string,
    private readonly clock: () => Date,
    readonly chatType: 'private' | 'group' = 'private',
  ) {}

  /** Sends one message and returns the replies it produced. */
  async send(input: ChatInput, messageId: string = randomUUID()): Promise<OutboundMessage[]> {
    await this.runtime.handle(this.#inbound(input, messageId));
    return this.drain();
  }

  /** Builds the inbound message without sending it (to deliver it twice, say). */
  inbound(input: ChatInput, messageId: string = randomUUID()): InboundMessageInput {
    return this.#inbound(input, messageId);
  }

  /** Takes the queued replies for this chat out of the outbox, oldest first, and marks them sent. */
  async drain(): Promise<OutboundMessage[]> {
    const rows = await this.db.takeReplies(
      { channel: this.channel, chatKey: this.chatKey },
      this.clock(),
    );
    return rows.map((row) => openOutboxPayload(this.cipher, row.payload));
  }

  #inbound(input: ChatInput, messageId: string): InboundMessageInput {
    const base = {
      channel: this.channel,
      conversationKey: this.chatKey,
      messageId,
      sender: { id: this.senderId },
      chatType: this.chatType,
      receivedAt: this.clock(),
    };
    if (typeof input === 'string') return { ...base, kind: 'text', text: input };
    if ('optionId' in input && typeof input.optionId === 'string' && !('kind' in input)) {
      return { ...base, kind: 'option', optionId: input.optionId, text: input.text ?? '' };
    }
    return { ...base, kind: 'text', ...input } as InboundMessageInput;
  }
}

export class InProcessChannel {
  constructor(
    private readonly runtime: MessageReceiver,
    private readonly db: Database,
    private readonly cipher: FieldCipher,
    private readonly channel: Channel = 'test',
    private readonly clock: () => Date = () => new Date(),
  ) {}

  chat(chatKey: string, senderId: string = chatKey): InProcessChat {
    return new InProcessChat(
      this.runtime,
      this.db,
      this.cipher,
      this.channel,
      chatKey,
      senderId,
      this.clock,
    );
  }

  /** A group chat (a unit's staff room) as seen by one of its members. */
  groupChat(chatKey: string, senderId: string): InProcessChat {
    return new InProcessChat(
      this.runtime,
      this.db,
      this.cipher,
      this.channel,
      chatKey,
      senderId,
      this.clock,
      'group',
    );
  }
}
