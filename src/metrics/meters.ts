/**
 * The small ports the desk's hot paths report to. They name what happened
 * with a few bounded words (never a tracking code, chat key or number), and
 * know nothing of Prometheus: DeskMetrics implements them, and a desk without
 * metrics passes nothing.
 */
import type { Channel } from '../runtime/messages.ts';

/** A resident's conversation turn, or a staff or partner command. */
export type TurnKind = 'resident' | 'staff';

/**
 * - handled: committed (an answer or nothing to answer);
 * - duplicate: a redelivered message, dropped;
 * - failed: the turn failed and the sender got an apology;
 * - not_committed: nothing was written (database unavailable); the platform delivers it again.
 */
export type TurnResult = 'handled' | 'duplicate' | 'failed' | 'not_committed';

/** The deadline whose breach the SLA sweeper acted on. */
export type SlaDeadline = 'first_response' | 'resolution' | 'referral';

export interface TurnMeter {
  turnDone(kind: TurnKind, channel: Channel, result: TurnResult, seconds: number): void;
}

export interface SlaMeter {
  /** called once the breach's escalation or alert is committed */
  slaBreach(deadline: SlaDeadline): void;
}
