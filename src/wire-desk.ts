/**
 * The desk's message path, wired once: the conversation runtime, the staff
 * desk and the gateway in front of them. The app, the test harness and the
 * benchmark build it here, so what they test and measure is what runs.
 */
import type { AttachmentStore } from './attachments/attachment-store.ts';
import { InboundGateway } from './channels/inbound-gateway.ts';
import type { Logger } from './log.ts';
import type { TurnMeter } from './metrics/meters.ts';
import { ConversationRuntime } from './runtime/conversation-runtime.ts';
import type { Channel } from './runtime/messages.ts';
import type { ReferenceData } from './runtime/reference-data.ts';
import type { FieldCipher } from './security/field-cipher.ts';
import { StaffDesk } from './staff-desk/staff-desk.ts';
import type { Database } from './store/database.ts';

export interface DeskParts {
  db: Database;
  cipher: FieldCipher;
  ref: ReferenceData;
  logger: Logger;
  attachments: AttachmentStore;
  clock?: () => Date;
  metrics?: TurnMeter;
  /** validity of invites made with /undang */
  inviteTtlHours?: number;
  /** the desk's web address for links it sends */
  publicUrl?: () => string;
  /** called after a turn has queued replies (the outbox dispatcher's wake-up) */
  onReplies?: (channel: Channel) => void;
}

export interface WiredDesk {
  runtime: ConversationRuntime;
  staffDesk: StaffDesk;
  gateway: InboundGateway;
}

export function wireDesk(parts: DeskParts): WiredDesk {
  const { db, cipher, ref, logger, attachments } = parts;
  const optional = {
    ...(parts.clock ? { clock: parts.clock } : {}),
    ...(parts.metrics ? { metrics: parts.metrics } : {}),
  };
  const runtime = new ConversationRuntime({ db, cipher, ref, logger, attachments, ...optional });
  const staffDesk = new StaffDesk({
    db,
    cipher,
    ref,
    runtime,
    logger,
    attachments,
    ...optional,
    ...(parts.inviteTtlHours !== undefined ? { inviteTtlHours: parts.inviteTtlHours } : {}),
    ...(parts.publicUrl ? { publicUrl: parts.publicUrl } : {}),
  });
  const gateway = new InboundGateway({
    runtime,
    staffDesk,
    prisma: db.prisma,
    attachments,
    logger,
    ...(parts.onReplies ? { onReplies: parts.onReplies } : {}),
  });
  return { runtime, staffDesk, gateway };
}
