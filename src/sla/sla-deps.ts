/** What every SLA job needs: the database, the cipher that seals outbox rows, and the holiday calendar. */
import type { Logger } from '../log.ts';
import type { SlaMeter } from '../metrics/meters.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';

export interface SlaDeps {
  prisma: Db;
  cipher: FieldCipher;
  ref: ReferenceData;
  logger: Logger;
  /** counts breaches acted on (METRICS_ENABLED) */
  metrics?: SlaMeter;
}

/**
 * The language of what the sweeper writes into the audit trail (an escalation's
 * reason, an automatic close). Messages to staff chats are written in each
 * chat's language instead (see staff-desk/staff-locale.ts).
 */
export const STAFF_LOCALE = 'id';

/** How many tickets one query reads; the sweep pages through all of them. */
export const PAGE = 200;
