/**
 * The SLA sweeper of a test desk: the harness's database, holidays and clock,
 * so a test moves time and sweeps when it wants (runOnce), with no timer.
 */
import { createLogger } from '../../src/log.ts';
import { SlaSweeper } from '../../src/sla/sla-sweeper.ts';
import type { DeskHarness } from './desk-harness.ts';
import { testCipher } from './test-cipher.ts';

export function deskSweeper(h: DeskHarness): SlaSweeper {
  return new SlaSweeper({
    prisma: h.db.prisma,
    cipher: testCipher(),
    ref: h.ref,
    logger: createLogger('silent'),
    everyMs: 60_000,
    clock: () => h.clock.now,
  });
}
