/**
 * Nothing of an inbound message was written: not its turn, not even the
 * apology, because the database is unreachable or locked. The channel must not
 * acknowledge the message, so the platform delivers it again once the
 * database is back (Telegram: webhook 503, or the getUpdates offset held
 * below it). The redelivery is handled once: a turn that did commit after all
 * recorded the message id.
 *
 * @example
 * try {
 *   await gateway.receive(input);
 * } catch (error) {
 *   if (error instanceof NotCommitted) return answer(503);
 *   throw error;
 * }
 */
export class NotCommitted extends Error {
  override name = 'NotCommitted';
}
