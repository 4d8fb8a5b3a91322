/**
 * Figure 5, two desk processes on one PostgreSQL database. Half the residents
 * are pinned to one process each; the other half are shared: each message goes
 * to the two processes by turns and is also delivered at once to the other
 * process (a webhook redelivery landing elsewhere), so the per-chat lock and
 * the processed-message id decide. A resident's next message leaves when its
 * previous one is answered, as a person waits for the reply. Per-chat order is
 * then read back: every chat's outbox rows, in id order, must follow its
 * message order, and each resident must have seen its code on the status card.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ResidentProgress, TURNS_PER_RESIDENT } from './resident-script.ts';

export interface TwoDesksResult {
  turns: number;
  seconds: number;
  residents: number;
  sharedResidents: number;
  completedResidents: number;
  chatsInOrder: number;
  chatsChecked: number;
}

interface Reply {
  id: number;
  texts?: string[];
  error?: string;
}

class Worker {
  readonly #waiting = new Map<number, (reply: Reply) => void>();
  #next = 0;
  readonly ready: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`desk worker exited early (${code})`)));
      child.on('message', (raw) => {
        const message = raw as Reply & { ready?: boolean };
        if (message.ready) return resolve();
        this.#waiting.get(message.id)?.(message);
        this.#waiting.delete(message.id);
      });
    });
  }

  send(chatKey: string, text: string, messageId: string): Promise<string[]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (reply) =>
        reply.error ? reject(new Error(reply.error)) : resolve(reply.texts ?? []),
      );
      this.child.send({ id, chatKey, text, messageId });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.removeAllListeners('exit');
      this.child.once('exit', () => resolve());
      this.child.send({ close: true });
    });
  }
}

function startWorker(url: string, keyHex: string): Worker {
  const entry = fileURLToPath(new URL('./desk-worker.ts', import.meta.url));
  const child = fork(entry, [], {
    // The bench's own Node flags (the desk's, from `npm run bench`).
    execArgv: process.execArgv,
    env: { ...process.env, BENCH_URL: url, BENCH_KEY: keyHex },
  });
  return new Worker(child);
}

/** True when every chat's outbox rows, oldest first, follow its message order. */
async function chatsInOrder(url: string, prefix: string): Promise<{ ok: number; checked: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ chatKey: string; dedupeKey: string }>(
      'SELECT "chatKey", "dedupeKey" FROM "Outbox" WHERE "chatKey" LIKE $1 ORDER BY id',
      [`${prefix}-%`],
    );
    const steps = new Map<string, number[]>();
    for (const row of rows) {
      // dedupeKey: in:<channel>:<messageId>#<n>, messageId: <chatKey>-<step>
      const step = Number(/-(\d+)#\d+$/.exec(row.dedupeKey)?.[1]);
      const list = steps.get(row.chatKey) ?? [];
      list.push(step);
      steps.set(row.chatKey, list);
    }
    let ok = 0;
    for (const list of steps.values()) {
      const ordered = list.every((step, i) => i === 0 || step >= (list[i - 1] as number));
      const complete = new Set(list).size === TURNS_PER_RESIDENT;
      if (ordered && complete) ok += 1;
    }
    return { ok, checked: steps.size };
  } finally {
    await client.end();
  }
}

export async function runTwoDesks(
  url: string,
  keyHex: string,
  prefix: string,
  first: number,
  count: number,
): Promise<TwoDesksResult> {
  const workers = [startWorker(url, keyHex), startWorker(url, keyHex)] as const;
  await Promise.all(workers.map((w) => w.ready));
  const residents = Array.from({ length: count }, (_, i) => new ResidentProgress(first + i));
  let turns = 0;
  const started = performance.now();
  await Promise.all(
    residents.map(async (resident, r) => {
      const chatKey = `${prefix}-${resident.index}`;
      const shared = r % 2 === 1;
      for (let step = 0; step < TURNS_PER_RESIDENT; step++) {
        const messageId = `${chatKey}-${step}`;
        const text = resident.input(step);
        const main = workers[shared ? step % 2 : (r / 2) % 2] as Worker;
        const other = workers[shared ? (step + 1) % 2 : 0] as Worker;
        const answers = await Promise.all([
          main.send(chatKey, text, messageId),
          ...(shared ? [other.send(chatKey, text, messageId)] : []),
        ]);
        turns += 1;
        resident.replied(step, answers.flat());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.close()));
  const order = await chatsInOrder(url, prefix);
  return {
    turns,
    seconds,
    residents: count,
    sharedResidents: Math.floor(count / 2),
    completedResidents: residents.filter((x) => x.completed).length,
    chatsInOrder: order.ok,
    chatsChecked: order.checked,
  };
}
