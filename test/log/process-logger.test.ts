/**
 * `npm start`'s log: readable lines when a person watches it in a terminal,
 * JSON lines when a program reads it (CI, a pipe), personal data in neither,
 * and a last "stopped" line only once the desk has really stopped.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProcessLogger, type LogOutput } from '../../src/log.ts';
import { stopOnSignals } from '../../src/stop-on-signals.ts';
import { childEnv, finished, lines, startNode } from '../support/run-process.ts';

const NIK = '3204054512900001';

/** Stands in for stdout: a terminal or a pipe, and everything written to it. */
function output(isTTY: boolean): { stream: LogOutput; written: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, written: () => text };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the desk log', () => {
  it('writes readable lines, not JSON, to a terminal', async () => {
    const out = output(true);
    const logger = createProcessLogger('info', out.stream);
    logger.info({ url: 'http://localhost:3000/', nik: NIK }, 'SLRT Desk is running');
    await settle();
    // The message first, then each field on a line of its own.
    const lines = out.written().trim().split('\n');
    expect(lines[0]).toContain('SLRT Desk is running');
    expect(lines[0]).toContain('INFO');
    expect(() => JSON.parse(lines[0] ?? '')).toThrow();
    expect(out.written()).toContain('http://localhost:3000/');
    expect(out.written()).not.toContain(NIK);
  });

  it('writes one JSON object per line anywhere else', async () => {
    const out = output(false);
    const logger = createProcessLogger('info', out.stream);
    logger.info({ url: 'http://localhost:3000/', nik: NIK }, 'SLRT Desk is running');
    logger.debug('below the level');
    await settle();
    const lines = out.written().trim().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'SLRT Desk is running',
        url: 'http://localhost:3000/',
        nik: '[redacted]',
      }),
    ]);
  });
});

describe('stopping on a signal', () => {
  function desk(stop: () => Promise<void>) {
    const out = output(false);
    const signals = new EventEmitter();
    const events: string[] = [];
    const handler = stopOnSignals(
      { stop: async () => stop().then(() => void events.push('desk stopped')) },
      createProcessLogger('info', out.stream),
      signals,
      (code) => events.push(`exit ${code}`),
    );
    const messages = () =>
      out
        .written()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
    return { signals, events, messages, handler };
  }

  it('logs "stopped" after everything closed, then exits 0', async () => {
    let release = () => {};
    const closing = new Promise<void>((resolve) => {
      release = resolve;
    });
    const d = desk(() => closing);
    d.signals.emit('SIGTERM', 'SIGTERM');
    // A second Ctrl+C while the first stop runs neither stops twice nor exits early.
    const again = d.handler('SIGINT');
    await settle();
    expect(d.messages()).toEqual(['stopping']);
    expect(d.events).toEqual([]);
    release();
    await again;
    await settle();
    expect(d.events).toEqual(['desk stopped', 'exit 0']);
    expect(d.messages()).toEqual(['stopping', 'stopped']);
  });

  // A log collector reads stdout through a pipe. Written on libuv's pool, "stopping" waited
  // behind its busy threads and reached the pipe after "stopped", written at exit.
  it('ends a piped log with "stopped", in order, when the thread pool is busy at the stop', {
    timeout: 30_000,
  }, async () => {
    const result = await finished(
      startNode('test/support/stop-logging-entry.ts', [], childEnv({})),
    );
    expect(result, result.stderr).toMatchObject({ code: 0, signal: null });
    const messages = lines(result.stdout).map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(['stopping', 'stopped']);
  });

  it('says the stop was unclean, not "stopped", when something failed to close, and exits 1', async () => {
    const d = desk(() => Promise.reject(new Error('database busy')));
    await d.handler('SIGINT');
    await settle();
    expect(d.events).toEqual(['exit 1']);
    expect(d.messages()).toEqual(['stopping', 'unclean stop']);
  });
});
