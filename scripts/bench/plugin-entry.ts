/**
 * Runs figure 6 in a fresh process (the bench's own flags), as fresh as the
 * desk is for figure 1: timed at the end of the bench's own process, after
 * the other figures' heap, files and server load, the plugin made 14–20%
 * fewer turns/s than alone (1,950 against 2,256–2,442 on 5 December).
 * Arguments: <residents> <warm-up residents>; prints the result as JSON on the last line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { runConversationsPluginBench } from './conversations-plugin.ts';

const [residents, warmup] = z
  .tuple([z.coerce.number().int().positive(), z.coerce.number().int().nonnegative()])
  .parse(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'slrt-bench-plugin-'));
try {
  console.log(JSON.stringify(await runConversationsPluginBench({ residents, dir, warmup })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
