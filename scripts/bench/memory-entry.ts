/**
 * Runs the memory figure in a fresh process (node --expose-gc --import tsx),
 * so the earlier figures' garbage and caches do not blur the RSS it reports.
 * Arguments: <conversations> <turn budget seconds>; prints the result as JSON on the last line.
 */
import { z } from 'zod';
import { createBenchDatabase } from './bench-databases.ts';
import { openBenchDesk, randomKeyHex, seedBenchDatabase } from './bench-desk.ts';
import { runMemory } from './memory.ts';

const [conversations, seconds] = z
  .tuple([z.coerce.number().int().positive(), z.coerce.number().positive()])
  .parse(process.argv.slice(2));
const database = await createBenchDatabase('sqlite', 'slrt-bench-memory');
try {
  await seedBenchDatabase(database.url);
  const desk = await openBenchDesk(database.url, randomKeyHex());
  try {
    console.log(JSON.stringify(await runMemory(desk, conversations, seconds)));
  } finally {
    await desk.close();
  }
} finally {
  await database.drop();
}
