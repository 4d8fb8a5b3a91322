/**
 * Structured logging (pino). Personal data must never reach a log line: the
 * redact list is the safety net for fields that carry it, not a licence to
 * log whole records.
 */
import { pino } from 'pino';

export type Logger = pino.Logger;

const PERSONAL_FIELDS = [
  'nik',
  'kk',
  'name',
  'phone',
  'text',
  'displayName',
  'externalId',
  'altExternalId',
  'token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [...PERSONAL_FIELDS, ...PERSONAL_FIELDS.map((f) => `*.${f}`)],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
