/**
 * Figure 5, desk processes sharing one database: PostgreSQL, where each chat
 * is held by one process at a time, and one SQLite file, where the processes
 * take the file's write lock in turn (store/sqlite-write-lock.ts). Half the
 * residents are pinned to one process each; the other half are shared: each
 * message goes to the two processes by turns and is also delivered at once
 * to the other process (a webhook redelivery landing elsewhere), so the lock
 * and the processed-message id decide. A resident's next message leaves when its
 * previous one is answered, as a person waits for the reply. Per-chat order is
 * then read back: every chat's outbox rows, in id order, must follow its
 * message order, and each resident must have seen its code on the status card.
 * With `processes` 1 the one process gets both deliveries: the same work over
 * the same IPC, so the two figures say what a second process adds.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/store/database-url.ts';
import { ResidentProgress, TURNS_PER_RESIDENT } from './resident-script.ts';

export interface DeskProcessesResult {
  turns: number;
  seconds: number;
  residents: number;
  sharedResidents: number;
  completedResidents: number;
  chatsInOrder: number;
  chatsChecked: number;
  processes: number;
  /** messages delivered again inside the processes because the desk committed nothing */
  redelivered: number;
}

interface Reply {
  id: number;
  texts?: string[];
  error?: string;
  /** the worker's redeliveries so far */
  redelivered?: number;
}

class Worker {
  readonly #waiting = new Map<number, (reply: Reply) => void>();
  #next = 0;
  redelivered = 0;
  readonly ready: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`desk worker exited early (${code})`)));
      child.on('message', (raw) => {
        const message = raw as Reply & { ready?: boolean };
        if (message.ready) return resolve();
        this.redelivered = Math.max(this.redelivered, message.redelivered ?? 0);
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

interface OutboxLine {
  chatKey: string;
  dedupeKey: string;
}

/** Every outbox row of the run's chats, oldest first. */
async function outboxLines(url: string, prefix: string): Promise<OutboxLine[]> {
  const sql = 'SELECT "chatKey", "dedupeKey" FROM "Outbox" WHERE "chatKey" LIKE $1 ORDER BY id';
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const db = new BetterSqlite3(target.file, { readonly: true });
    try {
      return db.prepare<[string], OutboxLine>(sql.replace('$1', '?')).all(`${prefix}-%`);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<OutboxLine>(sql, [`${prefix}-%`])).rows;
  } finally {
    await client.end();
  }
}

/** True when every chat's outbox rows, oldest first, follow its message order. */
async function chatsInOrder(url: string, prefix: string): Promise<{ ok: number; checked: number }> {
  const steps = new Map<string, number[]>();
  for (const row of await outboxLines(url, prefix)) {
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
}

const WARM_CHATS = 20;
/** 'halo' to the category: past consent and the menu, before the need and the NIK */
const WARM_STEPS = 5;

export async function runDeskProcesses(
  url: string,
  keyHex: string,
  prefix: string,
  first: number,
  count: number,
  processes: 1 | 2 = 2,
): Promise<DeskProcessesResult> {
  const workers = Array.from({ length: processes }, () => startWorker(url, keyHex));
  await Promise.all(workers.map((w) => w.ready));
  // Untimed, so each process has compiled its queries and flows once: the
  // first steps of a request, which type no NIK that a measured resident's could meet.
  await Promise.all(
    workers.flatMap((worker, w) =>
      Array.from({ length: WARM_CHATS }, async (_, c) => {
        const chatKey = `${prefix}w-${w}-${c}`;
        const warm = new ResidentProgress(0);
        for (let step = 0; step < WARM_STEPS; step++)
          await worker.send(chatKey, warm.input(step), `${chatKey}-${step}`);
      }),
    ),
  );
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
        const main = workers[(shared ? step : r / 2) % processes] as Worker;
        const other = workers[(shared ? step + 1 : 0) % processes] as Worker;
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
    processes,
    redelivered: workers.reduce((sum, w) => sum + w.redelivered, 0),
  };
}
