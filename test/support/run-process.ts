/** Runs the real entry points as child processes, the way an admin or a supervisor would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_KEY_HEX } from './test-cipher.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: only what the child needs, never the developer's own DATABASE_URL. */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...vars };
}

/** Starts `node --import tsx <script> ...args` in the project root. */
export function startNode(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects the output of a started process until it exits. */
export function finished(child: ChildProcess): Promise<ProcessResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Non-empty lines of an output stream. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** `npm run slrt -- <args>` as an admin runs it, against `databaseUrl`, to its exit. */
export function runCli(databaseUrl: string, ...args: string[]): Promise<ProcessResult> {
  const env = childEnv({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    DATA_ENCRYPTION_KEY: TEST_KEY_HEX,
  });
  return finished(startNode('src/cli/main.ts', args, env));
}
