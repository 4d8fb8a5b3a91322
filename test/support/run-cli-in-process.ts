/**
 * The admin CLI's own entry function in this process, for the many one-line
 * refusals: the same code path as `npm run slrt`, without a process start
 * (seconds each on a busy machine). Output is what the terminal would show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { type DeskHarness, startDeskHarness } from './desk-harness.ts';
import { TEST_KEY_HEX } from './test-cipher.ts';

export interface InProcessResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

export async function runCliInProcess(
  databaseUrl: string,
  ...args: string[]
): Promise<InProcessResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    args,
    { out: (line) => stdout.push(line), err: (line) => stderr.push(line) },
    { DATABASE_URL: databaseUrl, DATA_ENCRYPTION_KEY: TEST_KEY_HEX, LOG_LEVEL: 'silent' },
  );
  return { code, stdout, stderr };
}

/**
 * A describe block checking that each wrong request to `command` (its
 * arguments, and the line it must print) gets that one line on stderr,
 * nothing on stdout and exit code 1. Arguments are checked the same way
 * whatever the database, so SQLite is enough.
 */
export function describeCliRefusals(command: string, cases: [string[], string][]): void {
  describe(`${command} CLI refusals`, () => {
    let h: DeskHarness;
    beforeAll(async () => {
      h = await startDeskHarness('sqlite');
    });
    afterAll(() => h.close());

    it('answers a wrong request with one line and exit code 1', async () => {
      for (const [args, message] of cases) {
        const result = await runCliInProcess(h.url, command, ...args);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr, args.join(' ')).toEqual([expect.stringContaining(message)]);
        expect(result.stdout).toEqual([]);
      }
    }, 180_000);
  });
}
