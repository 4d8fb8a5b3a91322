/** A pino logger whose lines a test can read back. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/log.ts';

export interface CapturedLogs {
  logger: Logger;
  /** every line so far, parsed */
  lines(): { level: number; msg: string; [field: string]: unknown }[];
  /** everything written, as one string, to check nothing private leaked */
  raw(): string;
}

export function captureLogs(level = 'debug'): CapturedLogs {
  let written = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines: () =>
      written
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line)),
    raw: () => written,
  };
}
