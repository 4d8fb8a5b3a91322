/**
 * An SLA sweeper in a child process for the kill test: sweeps at the fixed
 * instant SLA_TEST_NOW until a sweep finds nothing left to do, printing one
 * line per sweep and "done" at the end. The test SIGKILLs it wherever it likes.
 */
import { createLogger } from '../../src/log.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';
import { FieldCipher } from '../../src/security/field-cipher.ts';
import { SlaSweeper } from '../../src/sla/sla-sweeper.ts';
import { openDatabase } from '../../src/store/database.ts';

const env = process.env as Record<string, string>;
const db = await openDatabase(env.DATABASE_URL as string);
const now = new Date(env.SLA_TEST_NOW as string);
const sweeper = new SlaSweeper({
  prisma: db.prisma,
  cipher: new FieldCipher(Buffer.from(env.DATA_ENCRYPTION_KEY as string, 'hex')),
  ref: await ReferenceData.load(db.prisma),
  logger: createLogger('silent'),
  everyMs: 60_000,
  // Short, so a killed holder's lease passes to the next process quickly.
  leaseMs: 300,
  clock: () => now,
});
process.stdout.write('ready\n');
for (;;) {
  const counts = await sweeper.runOnce();
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  if (counts && counts.deadlines + counts.referrals + counts.closed === 0) break;
  if (!counts) await new Promise((resolve) => setTimeout(resolve, 50));
}
await db.close();
process.stdout.write('done\n');
