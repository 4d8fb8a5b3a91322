/**
 * Opens the Prisma client for whichever database DATABASE_URL names. Both
 * generated clients come from the same models (prisma/models.prisma), so the
 * rest of the code uses one client type regardless of provider.
 */
import { setImmediate } from 'node:timers/promises';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/index.js';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/index.js';
import { type DatabaseTarget, parseDatabaseUrl } from './database-url.ts';
import { pgForgetProcessed, sqliteForgetChunk } from './forget-processed.ts';
import { GroupCommit } from './group-commit.ts';
import { pgRawQueries } from './pg-raw-queries.ts';
import { TransactionConnectionPool } from './pg-transaction-connection.ts';
import { pgTurnStatements } from './pg-turn-statements.ts';
import { prismaTurnStatements } from './prisma-turn-statements.ts';
import { SentByStaff } from './sent-by-staff.ts';
import { type SqliteCheckpointer, startSqliteCheckpointer } from './sqlite-checkpointer.ts';
import { prepareSqliteFile, secureSqliteCompanions } from './sqlite-files.ts';
import { perConnectionAndKey } from './sqlite-prepared.ts';
import { sqliteRawQueries } from './sqlite-raw-queries.ts';
import { sqliteTurnStatements } from './sqlite-turn-statements.ts';
import { sqliteCode, startWriteLocked } from './sqlite-write-lock.ts';
import { lettingGoWhenEndFails, pgLettingGoWhenEndFails } from './transaction-end-guard.ts';
import type { OutboxTaken, TurnStatements } from './turn-statements.ts';

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface ChatKey {
  channel: string;
  chatKey: string;
}

/** An inbound message's id in its chat's channel, and when it was handled. */
export interface ProcessedMessage {
  messageId: string;
  now: Date;
  /**
   * The sender, when an active staff member's message is not to be handled
   * here: inChat then throws SentByStaff (sent-by-staff.ts) before writing anything.
   */
  unlessStaff?: string;
}

/** Takes the write lock and changes nothing: a write with no row to write (sqlite-write-lock.ts). */
const TAKE_WRITE_LOCK = 'DELETE FROM "ProcessedMessage" WHERE 0';

/** Long enough for a batch of turns behind a CLI command holding SQLite's write lock. */
const TRANSACTION_LIMITS = { timeout: 30_000, maxWait: 30_000 };

export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: Db;
  /**
   * The statements every turn runs, inside `tx` (or on their own without it).
   * On SQLite they ignore `tx`: the one connection already carries the open transaction.
   */
  statements(tx?: Tx): TurnStatements;
  /**
   * Runs one chat's work in a transaction. On PostgreSQL the chat is held
   * against other desk processes first (pg-turn-statements.ts) and the
   * turn's statements run on the transaction's own connection
   * (pg-transaction-connection.ts); on SQLite the work is committed together
   * with other chats' work waiting at the same moment (group-commit.ts).
   * Resolves once committed. `processed`: the inbound message the work
   * answers, its id recorded before the work runs (on PostgreSQL in the
   * statement that holds the chat), so a message handled before fails the
   * transaction with a unique violation; with `unlessStaff`, one from an
   * active staff member throws SentByStaff, on PostgreSQL in that same statement.
   */
  inChat<T>(
    chat: ChatKey,
    work: (tx: Tx, sql: TurnStatements) => Promise<T>,
    processed?: ProcessedMessage,
  ): Promise<T>;
  /**
   * Marks a chat's pending replies sent and hands them back, oldest first (the
   * in-process channel's delivery). On SQLite this shares the commit of the
   * turns waiting at the same moment: on its own, each take was a write
   * transaction of its own, a tenth of the desk's time under load.
   */
  takeReplies(chat: ChatKey, sentAt: Date): Promise<OutboxTaken[]>;
  /**
   * Deletes the ids of messages handled before `cutoff`; returns how many.
   * On SQLite a chunk at a time, each sharing a commit with the turns then
   * waiting (forget-processed.ts).
   */
  forgetProcessedBefore(cutoff: Date): Promise<number>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /**
   * False while another process holds the SQLite file's write lock, asked
   * without waiting. A write would wait out the busy timeout with the whole
   * desk stopped, so background passes skip their turn instead. Always true
   * on PostgreSQL, where a waiting statement stops nothing else.
   */
  writeLockFree(): boolean;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * How long a SQLite write waits for another connection's lock before it
   * fails (default 10 s: a CLI command and the running desk may write at the
   * same moment). Tests of a locked database set it shorter.
   */
  sqliteBusyTimeoutMs?: number;
}

export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const target = parseDatabaseUrl(url);
  let prisma: Db;
  let statements: (tx?: Tx) => TurnStatements;
  let inChat: Database['inChat'];
  let takeReplies: Database['takeReplies'];
  let forgetProcessedBefore: Database['forgetProcessedBefore'];
  let checkpointer: SqliteCheckpointer | null = null;
  let writeLockFree: Database['writeLockFree'] = () => true;
  if (target.provider === 'sqlite') {
    prepareSqliteFile(target.file);
    const timeout = options.sqliteBusyTimeoutMs ?? 10_000;
    const adapter = new SharedSqliteConnection(
      new PrismaBetterSQLite3({ url: target.file, timeout }),
      timeout,
    );
    // A transaction may wait the whole busy timeout for the write lock
    // (sqlite-write-lock.ts); Prisma's default of 2 s would give up first.
    prisma = new SqliteClient({ adapter, transactionOptions: { maxWait: timeout + 1_000 } });
    // Kept in the file; the per-connection settings are made as each connection opens.
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // SQLite plans joins from table statistics it keeps only when asked; without
    // them a report joins every ticket of a kecamatan instead of a month's rows.
    // This analyzes tables never or long ago analyzed, sampling so a large file opens quickly.
    await prisma.$executeRawUnsafe('PRAGMA analysis_limit = 1000');
    await prisma.$executeRawUnsafe('PRAGMA optimize = 0x10002');
    if (target.file !== ':memory:') {
      // The log is copied back into the file, and cut back after a rush, by a worker
      // thread (sqlite-checkpointer.ts); once copied it is reused from the start.
      await prisma.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0');
      checkpointer = startSqliteCheckpointer(target.file, {
        busyTimeoutMs: timeout,
        onLost: () => adapter.connection().pragma('wal_autocheckpoint = 1000'),
      });
    }
    secureSqliteCompanions(target.file);
    const connection = () => adapter.connection();
    const sqlite = sqliteTurnStatements(connection);
    statements = () => sqlite;
    const rawQueries = sqliteRawQueries(connection);
    // SAVEPOINT, RELEASE and ROLLBACK TO run for every turn.
    const control = perConnectionAndKey(connection, (on, sql: string) => on.prepare(sql));
    const group = new GroupCommit<Tx>({
      // Once per batch: every turn in it gets the same transaction client.
      transaction: (body) => prisma.$transaction((tx) => body(rawQueries(tx)), TRANSACTION_LIMITS),
      exec: (sql) => {
        control(sql).run();
      },
    });
    inChat = (chat, work, processed) =>
      group.run(async (tx) => {
        const staffSender = processed?.unlessStaff;
        if (staffSender !== undefined && (await sqlite.staffActive(chat.channel, staffSender)))
          throw new SentByStaff();
        if (processed)
          await sqlite.recordProcessed(chat.channel, processed.messageId, processed.now);
        return work(tx, sqlite);
      });
    takeReplies = (chat, sentAt) =>
      group.run(() => sqlite.takePendingOutbox(chat.channel, chat.chatKey, sentAt));
    const forgetChunk = sqliteForgetChunk(connection);
    forgetProcessedBefore = async (cutoff) => {
      let forgotten = 0;
      for (;;) {
        const chunk = await group.run(async () => forgetChunk(cutoff));
        if (chunk === 0) return forgotten;
        forgotten += chunk;
        // Chunk after chunk would otherwise run on promise callbacks alone, and
        // turns still waiting on a timer or a socket would wait out the whole purge.
        await setImmediate();
      }
    };
    writeLockFree = () => {
      const on = connection();
      // A batch of turns is open on it: the lock is the desk's own, or its turns wait for it anyway.
      if (on.inTransaction) return true;
      return adapter.withoutBusyWait(() => {
        try {
          on.exec('BEGIN IMMEDIATE');
          on.exec('ROLLBACK');
          return true;
        } catch {
          return false;
        }
      });
    };
  } else {
    const pool = new TransactionConnectionPool({ connectionString: target.url });
    const adapter = pgLettingGoWhenEndFails(new PrismaPg(pool, { disposeExternalPool: true }));
    prisma = new PostgresClient({ adapter }) as unknown as Db;
    const outside = pgTurnStatements(pool);
    // Code handed a turn's transaction client (a staff command writing its replies) gets its statements.
    const ofTransaction = new WeakMap<Tx, TurnStatements>();
    statements = (tx) => (tx ? (ofTransaction.get(tx) ?? prismaTurnStatements(tx)) : outside);
    inChat = (chat, work, processed) =>
      pool.claiming((connection) =>
        prisma.$transaction(async (tx) => {
          const sql = pgTurnStatements(connection);
          const turn = pgRawQueries(tx, connection);
          ofTransaction.set(turn, sql);
          await sql.lockChat(chat, processed);
          return work(turn, sql);
        }, TRANSACTION_LIMITS),
      );
    takeReplies = (chat, sentAt) => outside.takePendingOutbox(chat.channel, chat.chatKey, sentAt);
    forgetProcessedBefore = (cutoff) => pgForgetProcessed(prisma, cutoff);
  }
  return {
    target,
    prisma,
    statements,
    inChat,
    takeReplies,
    forgetProcessedBefore,
    writeLockFree,
    async ping() {
      try {
        await prisma.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      // After the desk's connection is closed, so the last checkpoint can empty the log.
      await checkpointer?.stop();
    },
  };
}

/**
 * What every connection of the desk is set to. They last as long as the
 * connection: one the adapter opens again after a disconnect starts from
 * SQLite's defaults, so they are made where each connection is opened.
 */
const CONNECTION_SETTINGS = [
  'synchronous = NORMAL',
  'foreign_keys = ON',
  // Each turn runs in a savepoint (group-commit.ts), and SQLite keeps what a
  // savepoint would undo in a temporary file once it passes 64 KB: a write
  // syscall for every page a turn touched, half the time of the turn's own
  // inserts. In memory it holds one turn's pages at a time. A report's sort
  // that does not fit the page cache then grows in memory instead of a file.
  'temp_store = MEMORY',
];

/**
 * Prisma's better-sqlite3 adapter factory, remembering the connection it
 * opened so the turn's statements can run on it (sqlite-turn-statements.ts),
 * and starting every transaction with the file's write lock taken
 * (sqlite-write-lock.ts).
 */
type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter['startTransaction']>>;

class SharedSqliteConnection {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  #current: BetterSqlite3.Database | null = null;
  #busyTimeout: { off: BetterSqlite3.Statement; on: BetterSqlite3.Statement } | null = null;

  constructor(
    private readonly inner: PrismaBetterSQLite3,
    private readonly busyTimeoutMs: number,
  ) {
    this.adapterName = inner.adapterName;
  }

  async connect() {
    const adapter = await this.inner.connect();
    // The adapter keeps its better-sqlite3 Database as `client`, and turns a
    // driver error into Prisma's with `onError`; neither is in the typings.
    const { client, onError } = adapter as unknown as {
      client?: BetterSqlite3.Database;
      onError?: (error: unknown) => never;
    };
    if (typeof client?.prepare !== 'function' || typeof onError !== 'function') {
      throw new Error('the SQLite adapter no longer exposes its connection');
    }
    for (const setting of CONNECTION_SETTINGS) client.pragma(setting);
    this.#current = client;
    this.#busyTimeout = {
      off: client.prepare('PRAGMA busy_timeout = 0'),
      on: client.prepare(`PRAGMA busy_timeout = ${this.busyTimeoutMs}`),
    };
    this.#startWriteLocked(adapter, client, onError);
    return adapter;
  }

  /**
   * Every transaction starts holding the file's write lock (sqlite-write-lock.ts),
   * and lets go of the adapter's transaction mutex even when its end fails
   * (transaction-end-guard.ts).
   */
  #startWriteLocked(
    adapter: SqliteAdapter,
    client: BetterSqlite3.Database,
    onError: (error: unknown) => never,
  ): void {
    const start = adapter.startTransaction.bind(adapter);
    // Prepared at the first transaction: a file not migrated yet has no table to name.
    let takeLock: BetterSqlite3.Statement | null = null;
    const rollback = client.prepare('ROLLBACK');
    const abandon = async (transaction: SqliteTransaction) => {
      // Some errors (a full disk) end the transaction themselves; the mutex must go back either way.
      try {
        if (client.inTransaction) rollback.run();
      } finally {
        await transaction.rollback();
      }
    };
    adapter.startTransaction = async (isolationLevel) => {
      let transaction: SqliteTransaction;
      try {
        transaction = await startWriteLocked({
          start: () => start(isolationLevel),
          tryLock: () => {
            takeLock ??= client.prepare(TAKE_WRITE_LOCK);
            this.withoutBusyWait(() => takeLock?.run());
          },
          abandon,
          waitMs: this.busyTimeoutMs,
        });
      } catch (error) {
        // A refusal is SQLite's own error: Prisma gets it as the adapter gives any (P1008).
        if (sqliteCode(error) !== null) onError.call(adapter, error);
        throw error;
      }
      return lettingGoWhenEndFails(transaction, () => abandon(transaction));
    };
  }

  /** SQLite's busy wait sleeps on the desk's only thread; asking for the lock must not. */
  withoutBusyWait<T>(ask: () => T): T {
    const busyTimeout = this.#busyTimeout;
    if (!busyTimeout) throw new Error('the SQLite connection is not open yet');
    busyTimeout.off.run();
    try {
      return ask();
    } finally {
      busyTimeout.on.run();
    }
  }

  connectToShadowDb() {
    return this.inner.connectToShadowDb();
  }

  connection(): BetterSqlite3.Database {
    if (!this.#current) throw new Error('the SQLite connection is not open yet');
    return this.#current;
  }
}
