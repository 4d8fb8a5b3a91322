/**
 * What went wrong, fit for a log line. Only the message is kept: Baileys'
 * errors (Boom) carry the stanza or message that failed in `data`, and those
 * hold JIDs, phone numbers and text that must not reach the logs.
 *
 * @example
 * logger.warn({ reason: errorReason(error) }, 'WhatsApp send failed');
 */
export function errorReason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
