/**
 * Two moments of a ticket that reports measure from, kept on the ticket itself
 * in the transaction that writes the event, so a report over a month at a
 * million tickets reads one indexed table instead of joining every ticket to
 * its events: the first time staff acted on it, and the last time the unit
 * resolved it (SELESAI or DITOLAK, where its SLA clock stops).
 */

/** Who answering a ticket counts as its first response (a partner, the resident or the system does not). */
const RESPONDING_KINDS = ['petugas', 'koordinator', 'admin'];

/** Events by staff that answer nobody: a private note, or reading the resident's data. */
const NOT_A_RESPONSE = ['note', 'personal_data_viewed'];

/** The unit finished the case: done (waiting for the resident's confirmation) or rejected. */
const RESOLVED_STATUSES = ['SELESAI', 'DITOLAK'];

export interface MilestoneEvent {
  type: string;
  actorKind: string;
  toStatus?: string | null | undefined;
  at: Date;
}

/** True when this event is staff answering the ticket. */
export function isResponse(event: Pick<MilestoneEvent, 'type' | 'actorKind'>): boolean {
  return RESPONDING_KINDS.includes(event.actorKind) && !NOT_A_RESPONSE.includes(event.type);
}

/**
 * The ticket columns an event sets, given the ticket's first response so far:
 * empty when the event marks neither moment.
 */
export function milestonesOf(
  event: MilestoneEvent,
  firstRespondedAt: Date | null,
): { firstRespondedAt?: Date; resolvedAt?: Date } {
  return {
    ...(firstRespondedAt === null && isResponse(event) ? { firstRespondedAt: event.at } : {}),
    ...(event.toStatus && RESOLVED_STATUSES.includes(event.toStatus)
      ? { resolvedAt: event.at }
      : {}),
  };
}
