/**
 * Ids that sort in the order they were made, like the cuids Prisma makes for
 * model inserts: consent rows are read newest first by (createdAt, id), and a
 * grant and a withdrawal can share a createdAt (a test's fixed clock, two
 * taps in one millisecond). Time, then a per-process counter, then randomness
 * so two processes never collide.
 */
import { randomBytes } from 'node:crypto';

let counter = 0;

export function sortableId(): string {
  counter = (counter + 1) % 36 ** 4;
  return [
    Date.now().toString(36).padStart(9, '0'),
    counter.toString(36).padStart(4, '0'),
    randomBytes(6).toString('hex'),
  ].join('');
}
