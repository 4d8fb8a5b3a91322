/**
 * The admin CLI's own entry function in this process, for the many one-line
 * refusals: the same code path as `npm run slrt`, without a process start
 * (seconds each on a busy machine). Output is what the terminal would show.
 */
import { runCli } from '../../src/cli/run-cli.ts';
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
