/**
 * Where every adapter hands over what a resident or staff member sent. It keeps
 * files (so a flow only ever sees attachment ids), passes the message to the
 * conversation runtime and wakes the dispatcher so the reply leaves at once.
 */
import type { AttachmentStore, StoreResult } from '../attachments/attachment-store.ts';
import type { Logger } from '../log.ts';
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import {
  type Channel,
  type InboundMessageInput,
  inboundMessageSchema,
} from '../runtime/messages.ts';
import { NotCommitted } from '../runtime/not-committed.ts';
import type { TurnOutcome } from '../runtime/run-turn.ts';
import type { StaffDesk } from '../staff-desk/staff-desk.ts';
import type { Db } from '../store/database.ts';
import { SentByStaff } from '../store/sent-by-staff.ts';

export interface IncomingFile {
  bytes: Uint8Array;
  mimeType: string;
}

export interface InboundGatewayDeps {
  runtime: ConversationRuntime;
  prisma: Db;
  attachments: AttachmentStore;
  logger: Logger;
  /** staff and partner commands; without it every message is a resident's */
  staffDesk?: Pick<StaffDesk, 'claims' | 'handle' | 'standingAlone'>;
  /** called after a turn has queued replies (the outbox dispatcher's wake-up) */
  onReplies?: (channel: Channel) => void;
}

export class InboundGateway {
  constructor(private readonly deps: InboundGatewayDeps) {}

  /** Why a file would be refused, checked before downloading it. */
  refusal(mimeType: string, sizeBytes: number | undefined) {
    return this.deps.attachments.refusal(mimeType, sizeBytes);
  }

  /**
   * Keeps a file the sender sent, tied to their chat identity when they have one
   * already. A file that cannot be kept is NotCommitted: the platform sends it again.
   */
  async storeFile(channel: Channel, senderId: string, file: IncomingFile): Promise<StoreResult> {
    return notCommittedOnFailure('the file could not be kept', async () => {
      // One raw row, like the staff lookup (staff-standing.ts): Prisma merges the
      // findUnique calls of a burst into one query past SQLite's parameter limit.
      const [identity] = await this.deps.prisma.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "ChannelIdentity"
        WHERE "channel" = ${channel} AND "externalId" = ${senderId} LIMIT 1`;
      return this.deps.attachments.save(this.deps.prisma, {
        bytes: file.bytes,
        mimeType: file.mimeType,
        identityId: identity?.id ?? null,
      });
    });
  }

  /** A stored file to send out (an outbound message's attachment). */
  openAttachment(attachmentId: string) {
    return this.deps.attachments.open(this.deps.prisma, attachmentId);
  }

  /**
   * Hands one message to the staff desk (commands, staff chats) or to the
   * resident's conversation. Group chats are staff rooms, never resident
   * conversations: what the staff desk does not claim there is dropped.
   * Throws NotCommitted when the database took nothing of the message.
   */
  async receive(input: InboundMessageInput): Promise<TurnOutcome> {
    const message = inboundMessageSchema.parse(input);
    const staffDesk = this.deps.staffDesk;
    let outcome: TurnOutcome;
    if (staffDesk && message.chatType === 'private' && staffDesk.standingAlone(message)) {
      // The resident turn asks whether an active staff member wrote, in its first round trip.
      outcome = await this.deps.runtime
        .handleParsed(message, { unlessStaff: true })
        .catch((error: unknown) => {
          if (error instanceof SentByStaff) return staffDesk.handle(message);
          throw error;
        });
    } else if (
      staffDesk &&
      (await notCommittedOnFailure('could not tell whether a staff member wrote', () =>
        staffDesk.claims(message),
      ))
    )
      outcome = await staffDesk.handle(message);
    else if (message.chatType === 'group') return { status: 'ignored', replies: [] };
    else outcome = await this.deps.runtime.handleParsed(message);
    if (outcome.status === 'handled') this.deps.onReplies?.(message.channel);
    return outcome;
  }
}

/** Runs a database step that comes before any turn: its failure means nothing was kept. */
async function notCommittedOnFailure<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof NotCommitted) throw error;
    throw new NotCommitted(what, { cause: error });
  }
}
