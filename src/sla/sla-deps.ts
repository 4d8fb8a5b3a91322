/** What every SLA job needs: the database, the cipher that seals outbox rows, and the holiday calendar. */
import type { Logger } from '../log.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Db } from '../store/database.ts';

export interface SlaDeps {
  prisma: Db;
  cipher: FieldCipher;
  ref: ReferenceData;
  logger: Logger;
}

/** Staff texts are Indonesian, like the other announcements: they often land in shared group chats. */
export const STAFF_LOCALE = 'id';

/** How many tickets one query reads; the sweep pages through all of them. */
export const PAGE = 200;
