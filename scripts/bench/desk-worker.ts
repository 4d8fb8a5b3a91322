/**
 * One desk process for the two-process figure: a whole desk over the shared
 * database (BENCH_URL, with the shared cipher key BENCH_KEY) that
 * takes messages from its parent over IPC and answers with the replies it
 * drained from the outbox. Run as: node --import tsx scripts/bench/desk-worker.ts
 */
import { z } from 'zod';
import { openBenchDesk } from './bench-desk.ts';
import { redeliveries, sendTurn } from './send-turn.ts';

const env = z.object({ BENCH_URL: z.string().min(1), BENCH_KEY: z.string().length(64) });
const request = z.union([
  z.object({ id: z.number(), chatKey: z.string(), text: z.string(), messageId: z.string() }),
  z.object({ close: z.literal(true) }),
]);

const { BENCH_URL, BENCH_KEY } = env.parse(process.env);
const desk = await openBenchDesk(BENCH_URL, BENCH_KEY);
const send = (message: unknown) => process.send?.(message);

process.on('message', (raw) => {
  const message = request.parse(raw);
  if ('close' in message) {
    void desk.close().then(() => process.exit(0));
    return;
  }
  sendTurn(desk.channel.chat(message.chatKey), message.text, message.messageId).then(
    (replies) =>
      send({
        id: message.id,
        texts: replies.map((r) => r.text),
        redelivered: redeliveries.count,
      }),
    (error: unknown) => send({ id: message.id, error: String(error) }),
  );
});
send({ ready: true });
