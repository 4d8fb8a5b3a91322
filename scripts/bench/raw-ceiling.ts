/**
 * Figure 3, the raw ceiling: what one turn writes, done with the bare driver
 * and cached prepared statements, one transaction per turn. Mirrors the desk's
 * turn: the staff-desk lookup of the sender, then in one transaction (the chat
 * lock on PostgreSQL), the processed-message id, the conversation read with its
 * identity, the identity on a chat's first turn, the conversation upsert with a
 * snapshot as long as the desk's, the replies in the outbox (and on the filing
 * turn the ticket and its event); after the commit the drain takes the chat's
 * pending rows, marking them sent, in one statement. The log is checkpointed by the desk's own
 * worker thread here too, so the ceiling is the bare driver at its best. The flow logic, the cipher and Prisma are
 * what the desk adds on top.
 */
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { startSqliteCheckpointer } from '../../src/store/sqlite-checkpointer.ts';
import { stored } from '../../src/store/sqlite-turn-statements.ts';
import { FILING_STEP, TURNS_PER_RESIDENT } from './resident-script.ts';

export interface RawShape {
  /** average stored lengths in the desk's own rows, so the raw rows weigh the same */
  snapshotChars: number;
  payloadChars: number;
  unitId: string;
}

export interface RawResult {
  turns: number;
  seconds: number;
  statementsPerTurn: number;
}

const CHANNEL = 'test';

/** Replies a step queues: two on the filing turn (the code, then the menu), one otherwise. */
const repliesAt = (step: number) => (step === FILING_STEP ? 2 : 1);

function filler(length: number, seed: string): string {
  return (seed + 'x'.repeat(Math.max(0, length))).slice(0, Math.max(length, seed.length));
}

export async function runRawSqlite(
  file: string,
  shape: RawShape,
  residents: number,
): Promise<RawResult> {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // The desk's own arrangement (store/database.ts): the log is copied back by a worker thread.
  db.pragma('wal_autocheckpoint = 0');
  const checkpointer = startSqliteCheckpointer(file, {
    onLost: () => db.pragma('wal_autocheckpoint = 1000'),
  });
  const st = {
    staffLookup: db.prepare(
      'SELECT i.id, s.active FROM "ChannelIdentity" i LEFT JOIN "Staff" s ON s.id = i."staffId" WHERE i.channel = ? AND i."externalId" = ?',
    ),
    processed: db.prepare(
      'INSERT INTO "ProcessedMessage" (channel, "externalMessageId", "processedAt") VALUES (?, ?, ?)',
    ),
    load: db.prepare(
      'SELECT c.id, c.snapshot, c."updatedAt", i.id AS "identityId", i."citizenId", i.locale FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i.id = c."identityId" WHERE c.channel = ? AND c."chatKey" = ?',
    ),
    identity: db.prepare(
      'INSERT INTO "ChannelIdentity" (id, channel, "externalId", locale, "createdAt", "lastSeenAt") VALUES (?, ?, ?, \'id\', ?, ?) ON CONFLICT (channel, "externalId") DO UPDATE SET channel = excluded.channel RETURNING id',
    ),
    save: db.prepare(
      'INSERT INTO "Conversation" (id, channel, "chatKey", "identityId", "flowId", "flowVersion", snapshot, locale, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 1, ?, \'id\', ?, ?) ON CONFLICT (channel, "chatKey") DO UPDATE SET "flowId" = excluded."flowId", "flowVersion" = excluded."flowVersion", snapshot = excluded.snapshot, locale = excluded.locale, "updatedAt" = excluded."updatedAt"',
    ),
    outbox: [1, 2].map((n) =>
      db.prepare(
        `INSERT INTO "Outbox" (channel, "chatKey", "dedupeKey", payload, status, attempts, "nextAttemptAt", "createdAt") VALUES ${Array.from({ length: n }, () => "(?, ?, ?, ?, 'pending', 0, ?, ?)").join(', ')}`,
      ),
    ),
    ticket: db.prepare(
      'INSERT INTO "Ticket" (id, code, kind, "identityMode", "unitId", "serviceCode", description, "areaCode", status, "needsVerification", channel, "originIdentityId", "slaDueAt", "firstResponseDueAt", "createdAt", "updatedAt") VALUES (?, ?, \'permohonan\', \'named\', ?, \'kesehatan\', ?, \'32.04.05.2001\', \'BARU\', 0, ?, ?, ?, ?, ?, ?)',
    ),
    event: db.prepare(
      'INSERT INTO "TicketEvent" (id, "ticketId", type, "actorKind", "toStatus", after, visibility, "createdAt") VALUES (?, ?, \'created\', \'warga\', \'BARU\', ?, \'public\', ?)',
    ),
    take: db.prepare(
      'UPDATE "Outbox" SET status = \'sent\', "sentAt" = ?, attempts = attempts + 1 WHERE channel = ? AND "chatKey" = ? AND status = \'pending\' RETURNING id, payload',
    ),
  };
  const snapshot = filler(shape.snapshotChars, '{"value":');
  const payload = filler(shape.payloadChars, 'v1:');
  const turn = db.transaction((chatKey: string, step: number, now: string) => {
    st.processed.run(CHANNEL, randomUUID(), now);
    const loaded = st.load.get(CHANNEL, chatKey) as { identityId: string } | undefined;
    const identityId =
      loaded?.identityId ??
      (st.identity.get(randomUUID(), CHANNEL, chatKey, now, now) as { id: string }).id;
    st.save.run(randomUUID(), CHANNEL, chatKey, identityId, 'helpRequest', snapshot, now, now);
    const n = repliesAt(step);
    const values: unknown[] = [];
    for (let i = 0; i < n; i++) values.push(CHANNEL, chatKey, randomUUID(), payload, now, now);
    st.outbox[n - 1]?.run(...values);
    if (step === FILING_STEP) {
      const ticketId = randomUUID();
      const code = `PB-${ticketId.slice(0, 8)}`;
      st.ticket.run(ticketId, code, shape.unitId, payload, CHANNEL, identityId, now, now, now, now);
      st.event.run(randomUUID(), ticketId, '{"kind":"permohonan"}', now);
    }
  });
  const started = performance.now();
  let turns = 0;
  // One connection, one writer: better-sqlite3 is synchronous, so turns go one after another.
  for (let step = 0; step < TURNS_PER_RESIDENT; step++) {
    for (let r = 0; r < residents; r++) {
      const chatKey = `raw-${r}`;
      const now = stored(new Date());
      st.staffLookup.get(CHANNEL, chatKey);
      turn(chatKey, step, now);
      st.take.all(now, CHANNEL, chatKey);
      turns += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  await checkpointer.stop();
  // staff lookup, BEGIN, processed, load, save, outbox, COMMIT, take (+ identity, ticket, event)
  return { turns, seconds, statementsPerTurn: 8 };
}

export async function runRawPostgres(
  url: string,
  shape: RawShape,
  residents: number,
  connections = 10,
): Promise<RawResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const snapshot = filler(shape.snapshotChars, '{"value":');
  const payload = filler(shape.payloadChars, 'v1:');
  const q = (client: pg.PoolClient | pg.Pool, name: string, text: string, values: unknown[]) =>
    client.query({ name, text, values });
  async function turn(chatKey: string, step: number): Promise<void> {
    const now = new Date();
    await q(
      pool,
      'staff',
      'SELECT i.id, s.active FROM "ChannelIdentity" i LEFT JOIN "Staff" s ON s.id = i."staffId" WHERE i.channel = $1 AND i."externalId" = $2',
      [CHANNEL, chatKey],
    );
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await q(client, 'lock', 'SELECT 1 FROM pg_advisory_xact_lock(hashtext($1))', [
        `chat:${CHANNEL}:${chatKey}`,
      ]);
      await q(
        client,
        'processed',
        'INSERT INTO "ProcessedMessage" (channel, "externalMessageId", "processedAt") VALUES ($1, $2, $3)',
        [CHANNEL, randomUUID(), now],
      );
      const loaded = await q(
        client,
        'load',
        'SELECT c.id, c.snapshot, c."updatedAt", i.id AS "identityId", i."citizenId", i.locale FROM "Conversation" c LEFT JOIN "ChannelIdentity" i ON i.id = c."identityId" WHERE c.channel = $1 AND c."chatKey" = $2',
        [CHANNEL, chatKey],
      );
      let identityId = loaded.rows[0]?.identityId as string | undefined;
      if (!identityId) {
        const created = await q(
          client,
          'identity',
          'INSERT INTO "ChannelIdentity" (id, channel, "externalId", locale, "createdAt", "lastSeenAt") VALUES ($1, $2, $3, \'id\', $4, $4) ON CONFLICT (channel, "externalId") DO UPDATE SET channel = excluded.channel RETURNING id',
          [randomUUID(), CHANNEL, chatKey, now],
        );
        identityId = created.rows[0].id as string;
      }
      await q(
        client,
        'save',
        'INSERT INTO "Conversation" (id, channel, "chatKey", "identityId", "flowId", "flowVersion", snapshot, locale, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, 1, $6, \'id\', $7, $7) ON CONFLICT (channel, "chatKey") DO UPDATE SET "flowId" = excluded."flowId", "flowVersion" = excluded."flowVersion", snapshot = excluded.snapshot, locale = excluded.locale, "updatedAt" = excluded."updatedAt"',
        [randomUUID(), CHANNEL, chatKey, identityId, 'helpRequest', snapshot, now],
      );
      const n = repliesAt(step);
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = 0; i < n; i++) {
        const b = i * 4;
        rows.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, 'pending', 0, now(), now())`);
        values.push(CHANNEL, chatKey, randomUUID(), payload);
      }
      await q(
        client,
        `outbox${n}`,
        `INSERT INTO "Outbox" (channel, "chatKey", "dedupeKey", payload, status, attempts, "nextAttemptAt", "createdAt") VALUES ${rows.join(', ')}`,
        values,
      );
      if (step === FILING_STEP) {
        const ticketId = randomUUID();
        await q(
          client,
          'ticket',
          'INSERT INTO "Ticket" (id, code, kind, "identityMode", "unitId", "serviceCode", description, "areaCode", status, "needsVerification", channel, "originIdentityId", "slaDueAt", "firstResponseDueAt", "createdAt", "updatedAt") VALUES ($1, $2, \'permohonan\', \'named\', $3, \'kesehatan\', $4, \'32.04.05.2001\', \'BARU\', false, $5, $6, $7, $7, $7, $7)',
          [ticketId, `PB-${ticketId.slice(0, 8)}`, shape.unitId, payload, CHANNEL, identityId, now],
        );
        await q(
          client,
          'event',
          'INSERT INTO "TicketEvent" (id, "ticketId", type, "actorKind", "toStatus", after, visibility, "createdAt") VALUES ($1, $2, \'created\', \'warga\', \'BARU\', $3, \'public\', $4)',
          [randomUUID(), ticketId, '{"kind":"permohonan"}', now],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    await q(
      pool,
      'take',
      'UPDATE "Outbox" SET status = \'sent\', "sentAt" = $1, attempts = attempts + 1 WHERE channel = $2 AND "chatKey" = $3 AND status = \'pending\' RETURNING id, payload',
      [now, CHANNEL, chatKey],
    );
  }
  let turns = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: residents }, async (_, r) => {
      for (let step = 0; step < TURNS_PER_RESIDENT; step++) {
        await turn(`raw-${r}`, step);
        turns += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  // staff lookup, BEGIN, lock, processed, load, save, outbox, COMMIT, take
  return { turns, seconds, statementsPerTurn: 9 };
}
