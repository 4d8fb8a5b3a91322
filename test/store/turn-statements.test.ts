/**
 * The turn's own statements (store/turn-statements.ts). On SQLite they run on
 * the connection Prisma's adapter holds and on PostgreSQL on the connection of
 * the turn's Prisma transaction, outside Prisma's query path, so what a turn
 * relies on is checked here directly on both databases, through db.inChat as
 * turns run them: they belong to the transaction they run in (committed or
 * rolled back with it, Prisma's own queries in it included), what
 * they write reads back the same through Prisma, and a taken key is reported
 * the way handle-once expects.
 */

import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import type { TicketCreatedEvent, TurnStatements } from '../../src/store/turn-statements.ts';
import { isUniqueViolation } from '../../src/store/unique-violation.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const NOW = new Date('2026-11-27T02:00:00.000Z');
const pgQuery = pg.Client.prototype.query;
const sender = (externalId: string) => ({ channel: 'test', externalId, altExternalId: null });
const CREATED: TicketCreatedEvent = {
  type: 'created',
  actorKind: 'warga',
  actorId: 'ts-citizen',
  toStatus: 'BARU',
  after: '{"kind":"permohonan"}',
  visibility: 'public',
};

/** A chat with a conversation of its identity, as the hold finds it at a turn's start. */
async function chatWithConversation(db: Database, chatKey: string) {
  const chat = { channel: 'test', chatKey };
  const identity = await db.statements().identityOf(sender(chatKey), NOW);
  await db.inChat(chat, (_tx, sql) =>
    sql.saveConversation({
      ...chat,
      identityId: identity.id,
      flowId: 'menu',
      flowVersion: 1,
      snapshot: 'sealed',
      locale: 'id',
      now: NOW,
    }),
  );
  return { chat, identityId: identity.id };
}

describe.each(PROVIDERS)('turn statements on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
  });
  afterAll(() => drop());

  const later = new Date(NOW.getTime() + 3 * 86_400_000);
  let unitId = '';
  const filing = (id: string, code: string) => ({
    id,
    code,
    kind: 'permohonan',
    citizenId: 'ts-citizen',
    identityMode: 'named',
    unitId,
    serviceCode: null,
    topic: null,
    description: 'sealed',
    areaCode: '32.04.05.2001',
    latitude: -7.0252,
    longitude: 107.7391,
    needsVerification: true,
    channel: 'test',
    originIdentityId: null,
    slaDueAt: later,
    firstResponseDueAt: later,
    now: NOW,
  });

  it('creates a chat identity once and hands back the same one after', async () => {
    const first = await db.statements().identityOf(sender('ts-once'), NOW);
    const again = await db.statements().identityOf(sender('ts-once'), new Date());
    expect(again).toEqual(first);
    expect(first).toMatchObject({ citizenId: null, locale: 'id' });
    const row = await db.prisma.channelIdentity.findUniqueOrThrow({ where: { id: first.id } });
    // Prisma reads back what the statement wrote, dates included.
    expect(row).toMatchObject({ externalId: 'ts-once', createdAt: NOW, lastSeenAt: NOW });
  });

  const conversation = (chatKey: string, identityId: string, snapshot = 'sealed') => ({
    channel: 'test',
    chatKey,
    identityId,
    flowId: 'menu',
    flowVersion: 3,
    snapshot,
    locale: 'su',
    now: NOW,
  });
  const reply = (chatKey: string, dedupeKey: string, payload: string) => ({
    channel: 'test',
    chatKey,
    dedupeKey,
    payload,
    now: NOW,
  });

  it("keeps a turn's rows when its transaction commits, its replies in the order given", async () => {
    const identity = await db.statements().identityOf(sender('ts-commit'), NOW);
    const ran = await db.inChat(
      { channel: 'test', chatKey: 'ts-commit' },
      async (_tx, sql) => {
        const replies = ['a', 'b', 'c'].map((p, i) => reply('ts-commit', `ts-commit#${i}`, p));
        await sql.saveConversation(conversation('ts-commit', identity.id), replies);
        return 'ran';
      },
      { messageId: 'ts-commit-1', now: NOW },
    );
    expect(ran).toBe('ran');
    expect(
      await db.prisma.processedMessage.findMany({ where: { externalMessageId: 'ts-commit-1' } }),
    ).toEqual([{ channel: 'test', externalMessageId: 'ts-commit-1', processedAt: NOW }]);
    const loaded = await db.statements().loadConversation('test', 'ts-commit');
    expect(loaded).toMatchObject({
      flowId: 'menu',
      flowVersion: 3,
      snapshot: 'sealed',
      identityId: identity.id,
      locale: 'id',
      updatedAt: NOW,
    });
    const taken = await db.statements().takePendingOutbox('test', 'ts-commit', NOW);
    expect(taken.map((row) => row.payload)).toEqual(['a', 'b', 'c']);
    expect(await db.statements().takePendingOutbox('test', 'ts-commit', NOW)).toEqual([]);
    const sent = await db.prisma.outbox.findMany({
      where: { chatKey: 'ts-commit' },
      orderBy: { id: 'asc' },
    });
    expect(
      sent.map((row) => [row.dedupeKey, row.status, row.attempts, row.sentAt, row.createdAt]),
    ).toEqual([
      ['ts-commit#0', 'sent', 1, NOW, NOW],
      ['ts-commit#1', 'sent', 1, NOW, NOW],
      ['ts-commit#2', 'sent', 1, NOW, NOW],
    ]);
  });

  it('refuses a message handled before without running its work again', async () => {
    const chat = { channel: 'test', chatKey: 'ts-redelivered' };
    const identity = await db.statements().identityOf(sender('ts-redelivered'), NOW);
    const once = { messageId: 'ts-redelivered-1', now: NOW };
    const ran: string[] = [];
    const turn = (snapshot: string) => (_tx: unknown, sql: TurnStatements) => {
      ran.push(snapshot);
      return sql.saveConversation(conversation(chat.chatKey, identity.id, snapshot), [
        reply(chat.chatKey, `ts-redelivered#${snapshot}`, snapshot),
      ]);
    };
    await db.inChat(chat, turn('first'), once);
    const error = await db.inChat(chat, turn('again'), once).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(ran).toEqual(['first']);
    expect((await db.statements().loadConversation('test', chat.chatKey))?.snapshot).toBe('first');
    expect(await db.prisma.outbox.count({ where: { chatKey: chat.chatKey } })).toBe(1);
  });

  it('saves neither the conversation nor any reply when one reply repeats a queued one', async () => {
    const identity = await db.statements().identityOf(sender('ts-taken'), NOW);
    const chat = { channel: 'test', chatKey: 'ts-taken' };
    await db.inChat(chat, (_tx, sql) =>
      sql.saveConversation(conversation(chat.chatKey, identity.id, 'before'), [
        reply(chat.chatKey, 'ts-taken#0', 'first'),
      ]),
    );
    const error = await db
      .inChat(chat, (_tx, sql) =>
        sql.saveConversation(conversation(chat.chatKey, identity.id, 'after'), [
          reply(chat.chatKey, 'ts-taken#1', 'new'),
          reply(chat.chatKey, 'ts-taken#0', 'repeated'),
        ]),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
    expect((await db.statements().loadConversation('test', chat.chatKey))?.snapshot).toBe('before');
    const queued = await db.prisma.outbox.findMany({ where: { chatKey: chat.chatKey } });
    expect(queued.map((row) => row.payload)).toEqual(['first']);
  });

  it('hands each queued reply to one drain only, oldest first, when two drain at once', async () => {
    const replies = Array.from({ length: 20 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    await db.inChat({ channel: 'test', chatKey: 'ts-drain' }, (_tx, sql) =>
      sql.insertOutbox(
        replies.map((payload) => ({
          channel: 'test',
          chatKey: 'ts-drain',
          dedupeKey: `ts-drain#${payload}`,
          payload,
          now: NOW,
        })),
      ),
    );
    const drains = await Promise.all(
      [1, 2].map(() => db.statements().takePendingOutbox('test', 'ts-drain', NOW)),
    );
    for (const taken of drains) {
      const payloads = taken.map((row) => row.payload);
      expect(payloads).toEqual([...payloads].sort());
    }
    expect(
      drains
        .flat()
        .map((row) => row.payload)
        .sort(),
    ).toEqual(replies);
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    const identity = await db.statements().identityOf(sender('ts-rollback'), NOW);
    await expect(
      db.inChat({ channel: 'test', chatKey: 'ts-rollback' }, async (tx, sql) => {
        await sql.recordProcessed('test', 'ts-rollback-1', NOW);
        // Prisma's queries in the turn see the statement's row: one transaction, one connection.
        expect(
          await tx.processedMessage.count({ where: { externalMessageId: 'ts-rollback-1' } }),
        ).toBe(1);
        await tx.area.create({
          data: { code: '32.04.99', name: 'Rolled back', level: 'kecamatan' },
        });
        await sql.setIdentityLocale(identity.id, 'en');
        await sql.recordConsent({
          identityId: identity.id,
          citizenId: null,
          purpose: 'layanan-sosial',
          version: 'v',
          granted: true,
          now: NOW,
        });
        await sql.insertOutbox([
          { channel: 'test', chatKey: 'ts-rollback', dedupeKey: 'ts-rb#0', payload: 'x', now: NOW },
        ]);
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    expect(
      await db.prisma.processedMessage.count({ where: { externalMessageId: 'ts-rollback-1' } }),
    ).toBe(0);
    expect(await db.prisma.outbox.count({ where: { chatKey: 'ts-rollback' } })).toBe(0);
    expect(await db.prisma.area.count({ where: { code: '32.04.99' } })).toBe(0);
    expect(await db.statements().latestConsent(identity.id, 'layanan-sosial')).toBeNull();
    const row = await db.prisma.channelIdentity.findUniqueOrThrow({ where: { id: identity.id } });
    expect(row.locale).toBe('id');
  });

  it('reports a message id seen before as a unique violation', async () => {
    await db.statements().recordProcessed('test', 'ts-twice', NOW);
    const error = await db
      .statements()
      .recordProcessed('test', 'ts-twice', NOW)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('reads the latest consent, a withdrawal in the same millisecond included', async () => {
    const identity = await db.statements().identityOf(sender('ts-consent'), NOW);
    const consent = {
      identityId: identity.id,
      citizenId: null,
      purpose: 'layanan-sosial',
      now: NOW,
    };
    expect(await db.statements().latestConsent(identity.id, 'layanan-sosial')).toBeNull();
    await db.statements().recordConsent({ ...consent, version: 'v1', granted: true });
    expect(await db.statements().latestConsent(identity.id, 'layanan-sosial')).toEqual({
      granted: true,
      version: 'v1',
    });
    await db.statements().recordConsent({ ...consent, version: 'v1', granted: false });
    expect(await db.statements().latestConsent(identity.id, 'layanan-sosial')).toEqual({
      granted: false,
      version: 'v1',
    });
  });

  it("answers a turn's consent questions as the table stands, a consent given or withdrawn in the turn included", async () => {
    const { chat, identityId } = await chatWithConversation(db, 'ts-consent-turn');
    const consent = { identityId, citizenId: null, now: NOW };
    await db
      .statements()
      .recordConsent({ ...consent, purpose: 'layanan-sosial', version: 'v1', granted: true });
    const asked = await db.inChat(chat, async (_tx, sql) => {
      await sql.loadConversation(chat.channel, chat.chatKey);
      const seen = [await sql.latestConsent(identityId, 'layanan-sosial')];
      seen.push(await sql.latestConsent(identityId, 'survei'));
      await sql.recordConsent({
        ...consent,
        purpose: 'layanan-sosial',
        version: 'v1',
        granted: false,
      });
      seen.push(await sql.latestConsent(identityId, 'layanan-sosial'));
      await sql.recordConsent({ ...consent, purpose: 'survei', version: 'v2', granted: true });
      seen.push(await sql.latestConsent(identityId, 'layanan-sosial'));
      seen.push(await sql.latestConsent(identityId, 'survei'));
      return seen;
    });
    expect(asked).toEqual([
      { granted: true, version: 'v1' },
      null,
      { granted: false, version: 'v1' },
      { granted: false, version: 'v1' },
      { granted: true, version: 'v2' },
    ]);
    // The next turn starts from what this one left: the latest row is of another purpose.
    const next = await db.inChat(chat, (_tx, sql) =>
      sql.latestConsent(identityId, 'layanan-sosial'),
    );
    expect(next).toEqual({ granted: false, version: 'v1' });
  });

  it('shows a language chosen in the turn when the turn then reads its conversation', async () => {
    const { chat, identityId } = await chatWithConversation(db, 'ts-locale-turn');
    const locale = await db.inChat(chat, async (_tx, sql) => {
      await sql.setIdentityLocale(identityId, 'su');
      return (await sql.loadConversation(chat.channel, chat.chatKey))?.locale;
    });
    expect(locale).toBe('su');
  });

  it("writes a filing's citizen, ticket and event as Prisma reads and filters them", async () => {
    await db.prisma.area.create({
      data: { code: '32.04.05.2001', name: 'Cileunyi Kulon', level: 'desa' },
    });
    const unit = await db.prisma.unit.create({
      data: { code: 'U-TS', name: 'Puskesos', level: 'desa', areaCode: '32.04.05.2001' },
    });
    unitId = unit.id;
    await db.inChat({ channel: 'test', chatKey: 'ts-filing' }, async (_tx, sql) => {
      await sql.insertCitizen({
        id: 'ts-citizen',
        nameEnc: 'n1',
        nikEnc: 'k1',
        nikHash: 'h1',
        now: NOW,
      });
      // An update leaves out what it does not change.
      await sql.updateCitizen({ id: 'ts-citizen', kkEnc: 'kk1', kkHash: 'kh1', now: later });
      const filed = await sql.insertTicket(filing('ts-ticket', 'PB-TS0001'), CREATED);
      expect(filed).toBe(true);
    });
    expect(
      await db.prisma.citizen.findUniqueOrThrow({ where: { id: 'ts-citizen' } }),
    ).toMatchObject({
      nameEnc: 'n1',
      nikHash: 'h1',
      kkHash: 'kh1',
      locale: 'id',
      createdAt: NOW,
      updatedAt: later,
    });
    // Found by the filters the SLA sweeper, the queue and the reports use.
    const found = await db.prisma.ticket.findMany({
      where: {
        status: 'BARU',
        needsVerification: true,
        slaDueAt: { gt: NOW, lte: later },
        createdAt: { gte: NOW },
      },
      include: { events: true },
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'PB-TS0001',
      latitude: -7.0252,
      assigneeId: null,
      updatedAt: NOW,
      events: [{ ...CREATED, createdAt: NOW }],
    });
  });

  it('writes neither a ticket nor its event under a code another ticket has, and says so', async () => {
    const codeTaken = await db.inChat({ channel: 'test', chatKey: 'ts-taken' }, (_tx, sql) =>
      sql.insertTicket(filing('ts-ticket-2', 'PB-TS0001'), { ...CREATED, type: 'second' }),
    );
    expect(codeTaken).toBe(false);
    expect(await db.prisma.ticket.findUnique({ where: { id: 'ts-ticket-2' } })).toBeNull();
    expect(await db.prisma.ticketEvent.count({ where: { type: 'second' } })).toBe(0);
    // The turn goes on: the next code drawn is written with its event.
    await db.inChat({ channel: 'test', chatKey: 'ts-taken' }, async (_tx, sql) => {
      expect(await sql.insertTicket(filing('ts-ticket-2', 'PB-TS0002'), CREATED)).toBe(true);
    });
    const second = await db.prisma.ticket.findUniqueOrThrow({
      where: { id: 'ts-ticket-2' },
      include: { events: true },
    });
    expect(second.code).toBe('PB-TS0002');
    expect(second.events.map((e) => e.type)).toEqual(['created']);
  });

  it("keeps a turn's times in UTC whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Jakarta';
    try {
      await chatWithConversation(db, 'ts-zone');
      const loaded = await db.statements().loadConversation('test', 'ts-zone');
      expect(loaded?.updatedAt).toEqual(NOW);
      const row = await db.prisma.conversation.findFirstOrThrow({ where: { chatKey: 'ts-zone' } });
      expect(row.updatedAt).toEqual(NOW);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('tells staff from residents, and active staff from revoked', async () => {
    const identity = await db.statements().identityOf(sender('ts-staff'), NOW);
    expect(await db.statements().staffActive('test', 'ts-staff')).toBeNull();
    const staff = await db.prisma.staff.create({
      data: { displayName: 'Admin uji', role: 'admin' },
    });
    await db.prisma.channelIdentity.update({
      where: { id: identity.id },
      data: { staffId: staff.id },
    });
    expect(await db.statements().staffActive('test', 'ts-staff')).toBe(true);
    await db.prisma.staff.update({ where: { id: staff.id }, data: { active: false } });
    expect(await db.statements().staffActive('test', 'ts-staff')).toBe(false);
  });
});

describe('turn statements on postgresql, in a turn', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase('postgresql'));
  });
  afterAll(() => drop());

  it("run as prepared statements on the turn's own connection, and only while the turn lasts", async () => {
    let kept: TurnStatements | null = null;
    const prepared = await db.inChat(
      { channel: 'test', chatKey: 'ts-pg' },
      async (tx, sql) => {
        kept = sql;
        await sql.recordProcessed('test', 'ts-pg-1', NOW);
        // A session's prepared statements are its own: this is the turn's connection.
        const rows = await tx.$queryRaw<
          { name: string }[]
        >`SELECT name FROM pg_prepared_statements`;
        return rows.map((row) => row.name);
      },
      { messageId: 'ts-pg-0', now: NOW },
    );
    // The chat held and the message id recorded in one statement, as every turn starts.
    expect(prepared).toEqual(expect.arrayContaining(['slrt_hold_chat', 'slrt_processed']));
    // Once committed, the connection is back in the pool and may be another turn's.
    await expect(
      (kept as unknown as TurnStatements).recordProcessed('test', 'ts-pg-2', NOW),
    ).rejects.toThrow('the transaction is over');
    expect(
      await db.prisma.processedMessage.count({ where: { externalMessageId: 'ts-pg-2' } }),
    ).toBe(0);
  });

  it("reads the conversation as the chat's previous holder committed it, in the round trip that holds the chat", async () => {
    const chat = { channel: 'test', chatKey: 'ts-pg-hold' };
    const identity = await db
      .statements()
      .identityOf({ channel: 'test', externalId: 'ts-pg-hold', altExternalId: null }, NOW);
    const saved = (snapshot: string) => ({
      ...chat,
      identityId: identity.id,
      flowId: 'menu',
      flowVersion: 1,
      snapshot,
      locale: 'id',
      now: NOW,
    });
    await db.inChat(chat, (_tx, sql) => sql.saveConversation(saved('first')));
    let release: () => void = () => {};
    const holding = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = db.inChat(chat, async (_tx, sql) => {
      await holding;
      await sql.saveConversation(saved('second'));
    });
    // The second turn's statement waits for the first turn's hold on the chat.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen: string[] = [];
    const second = db.inChat(chat, async (_tx, sql) => {
      const row = await sql.loadConversation('test', 'ts-pg-hold');
      seen.push(row?.snapshot ?? 'none');
      await sql.saveConversation(saved('third'));
      // Read again after its own save: from the table, not what the hold read.
      seen.push((await sql.loadConversation('test', 'ts-pg-hold'))?.snapshot ?? 'none');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual(['second', 'third']);
  });

  it("answers a flow start's consent question from the round trip that holds the chat", async () => {
    const { chat, identityId } = await chatWithConversation(db, 'ts-pg-consent');
    await db.statements().recordConsent({
      identityId,
      citizenId: null,
      purpose: 'layanan-sosial',
      version: 'v1',
      granted: true,
      now: NOW,
    });
    const sent: string[] = [];
    const query = vi.spyOn(pg.Client.prototype, 'query');
    query.mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const [config] = args as [string | { name?: string; text: string }];
      sent.push(typeof config === 'string' ? config : (config.name ?? config.text));
      return pgQuery.apply(this, args as never);
    });
    try {
      const answers = await db.inChat(chat, async (_tx, sql) => {
        await sql.loadConversation(chat.channel, chat.chatKey);
        // A turn that hands over from one flow to another asks at each start.
        return [
          await sql.latestConsent(identityId, 'layanan-sosial'),
          await sql.latestConsent(identityId, 'layanan-sosial'),
        ];
      });
      expect(answers).toEqual([
        { granted: true, version: 'v1' },
        { granted: true, version: 'v1' },
      ]);
    } finally {
      query.mockRestore();
    }
    expect(sent).toContain('slrt_hold_chat');
    expect(sent).not.toContain('slrt_consent');
    expect(sent).not.toContain('slrt_load');
  });

  it("keeps a refused row's values, a phone number among them, out of the error that gets logged", async () => {
    const phone = '6281234567890@s.whatsapp.net';
    const error = await db
      .inChat({ channel: 'whatsapp', chatKey: phone }, (_tx, sql) =>
        sql.insertOutbox([
          {
            channel: 'whatsapp',
            chatKey: phone,
            // NOT NULL: PostgreSQL would answer "Failing row contains (…, <chat key>, …)".
            dedupeKey: null as unknown as string,
            payload: 'sealed',
            now: NOW,
          },
        ]),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: '23502' });
    expect(JSON.stringify(pino.stdSerializers.err(error as Error))).not.toContain('628123');
  });
});
