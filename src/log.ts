/**
 * Structured logging (pino). Personal data must never reach a log line: the
 * redact list is the safety net for fields that carry it, not a licence to
 * log whole records.
 */
import { pino } from 'pino';
import pretty from 'pino-pretty';

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

/** Where the desk's own log goes: stdout, or a stand-in for it in tests. */
export type LogOutput = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * The desk's log as `npm start` writes it: readable lines in a terminal, where
 * a person watches the desk start; JSON lines anywhere else (CI, a pipe, a log
 * collector), where a program reads them. Redaction happens before either.
 */
export function createProcessLogger(level: string, output: LogOutput = process.stdout): Logger {
  if (!output.isTTY) {
    // Synchronous, as in a terminal: pino's default destination writes on libuv's thread pool,
    // and with the pool busy "stopping" reached the pipe after "stopped", which pino's exit
    // hook wrote directly. A stalled reader now holds the desk, as it would hold console.log.
    return createLogger(
      level,
      output === process.stdout ? pino.destination({ dest: 1, sync: true }) : output,
    );
  }
  return createLogger(
    level,
    pretty({
      destination: output,
      // Written before the next line of code runs, so a line logged just before exit is not lost.
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
    }),
  );
}
