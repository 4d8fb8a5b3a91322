/**
 * A desk in a child process for crash tests: reads one JSON message per line
 * on stdin ({ chatKey, messageId, text }), runs the turn, and prints the
 * replies as one JSON line. The test kills it with SIGKILL wherever it likes.
 */
import { createInterface } from 'node:readline';
import { prepareFoundation } from '../../src/bootstrap.ts';
import { InProcessChannel } from '../../src/channels/in-process/in-process-channel.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';
import { ConversationRuntime } from '../../src/runtime/conversation-runtime.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';

const config = loadConfig();
const logger = createLogger('silent');
const { db, cipher } = await prepareFoundation(config, logger);
const runtime = new ConversationRuntime({
  db,
  cipher,
  ref: await ReferenceData.load(db.prisma),
  logger,
});
const channel = new InProcessChannel(runtime, db, cipher);
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const { chatKey, messageId, text } = JSON.parse(line) as {
    chatKey: string;
    messageId: string;
    text: string;
  };
  const replies = await channel.chat(chatKey).send(text, messageId);
  process.stdout.write(`${JSON.stringify(replies)}\n`);
}
