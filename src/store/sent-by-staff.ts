/**
 * What db.inChat throws, before anything is written, when the message it was
 * to record came from an active staff member: such a message is the staff
 * desk's, and the gateway hands it over. The resident turn asks in its own
 * first round trip instead of in a query of its own before every message.
 */
export class SentByStaff extends Error {
  constructor() {
    super("an active staff member's message is the staff desk's");
    this.name = 'SentByStaff';
  }
}
