/**
 * The duplicate check of every filing reads the resident's own tickets and
 * their household's (store/turn-statements.ts, personTickets). It must find
 * them through the residents, never by reading every ticket of a service:
 * the desk's history grows by thousands of tickets after one bansos
 * announcement, and the databases' statistics lag behind such a rush (this
 * machine's PostgreSQL runs without autovacuum, so it has none at all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import type {
  TicketCreatedEvent,
  TicketInsert,
  TurnStatements,
} from '../../src/store/turn-statements.ts';
import { recordSqlitePrepares } from '../support/sqlite-prepares.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const NOW = new Date('2026-11-27T02:00:00.000Z');
const SERVICE = 'pt-kesehatan';
const OTHERS = 1500;
const CREATED: TicketCreatedEvent = {
  type: 'created',
  actorKind: 'warga',
  actorId: null,
  toStatus: 'BARU',
  after: null,
  visibility: 'public',
};

const minutesLater = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe.each(PROVIDERS)("a person's tickets on %s", (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  /** the SQL of every statement prepared on SQLite connections since the suite began */
  let prepares: ReturnType<typeof recordSqlitePrepares>;

  beforeAll(async () => {
    prepares = recordSqlitePrepares();
    ({ db, drop } = await openTestDatabase(provider));
    await db.prisma.area.create({
      data: { code: '32.04.05.2001', name: 'Cileunyi Kulon', level: 'desa' },
    });
    const unit = await db.prisma.unit.create({
      data: { code: 'U-PT', name: 'Puskesos', level: 'desa', areaCode: '32.04.05.2001' },
    });
    await db.prisma.service.create({
      data: {
        code: SERVICE,
        nameId: 'Kesehatan',
        nameSu: 'Kasehatan',
        nameEn: 'Health',
        slaDays: 5,
      },
    });
    const ticket = (
      id: string,
      citizenId: string,
      serviceCode: string | null,
      minute: number,
    ): TicketInsert => ({
      id,
      code: `PB-${id}`,
      kind: 'permohonan',
      citizenId,
      identityMode: 'named',
      unitId: unit.id,
      serviceCode,
      topic: null,
      description: 'sealed',
      areaCode: '32.04.05.2001',
      latitude: null,
      longitude: null,
      needsVerification: false,
      channel: 'test',
      originIdentityId: null,
      slaDueAt: minutesLater(10_000),
      firstResponseDueAt: minutesLater(1_000),
      now: minutesLater(minute),
    });
    const citizen = (sql: TurnStatements, id: string, nikHash: string, kkHash: string) =>
      sql.insertCitizen({ id, nikHash, kkHash, now: NOW });
    await db.inChat({ channel: 'test', chatKey: 'pt-setup' }, async (_tx, sql) => {
      // Everybody else's requests for the same service, filed before and after.
      for (let i = 0; i < OTHERS; i++) {
        await citizen(sql, `pt-other-${i}`, `nik-other-${i}`, `kk-other-${i}`);
        await sql.insertTicket(
          ticket(`O${i}`, `pt-other-${i}`, SERVICE, i % 2 === 0 ? 1 : 50),
          CREATED,
        );
      }
      // Siti, her husband on the same KK, and their tickets.
      await citizen(sql, 'pt-siti', 'nik-siti', 'kk-family');
      await citizen(sql, 'pt-husband', 'nik-husband', 'kk-family');
      await sql.insertTicket(ticket('SITI2', 'pt-siti', null, 30), CREATED);
      await sql.insertTicket(ticket('SITI1', 'pt-siti', SERVICE, 10), CREATED);
      await sql.insertTicket(ticket('HUSB1', 'pt-husband', SERVICE, 20), CREATED);
    });
  });
  afterAll(async () => {
    prepares.restore();
    await drop();
  });

  const codes = (rows: { code: string }[]) => rows.map((row) => row.code);

  it('finds the resident by NIK and the household by KK, oldest first, and nobody else', async () => {
    const sql = db.statements();
    expect(codes(await sql.personTickets('nik-siti', 'kk-family'))).toEqual([
      'PB-SITI1',
      'PB-HUSB1',
      'PB-SITI2',
    ]);
    expect(await sql.personTickets('nik-siti', null)).toEqual([
      { code: 'PB-SITI1', status: 'BARU', kind: 'permohonan', serviceCode: SERVICE },
      { code: 'PB-SITI2', status: 'BARU', kind: 'permohonan', serviceCode: null },
    ]);
    expect(codes(await sql.personTickets(null, 'kk-family'))).toHaveLength(3);
    // A NIK nobody registered, with the husband's KK: the household is found all the same.
    expect(codes(await sql.personTickets('nik-new-child', 'kk-family'))).toHaveLength(3);
    expect(await sql.personTickets('nik-nobody', 'kk-nobody')).toEqual([]);
  });

  if (provider === 'postgresql') {
    it("reads only the household's rows in a turn, however many tickets the service has", async () => {
      const read = await db.inChat({ channel: 'test', chatKey: 'pt-read' }, async (tx, sql) => {
        // This transaction's own counts, on the turn's connection.
        const ticketRowsRead = async () => {
          const [row] = await tx.$queryRaw<{ n: bigint }[]>`
            SELECT seq_tup_read + COALESCE(idx_tup_fetch, 0) AS "n"
            FROM pg_stat_xact_user_tables WHERE relname = 'Ticket'`;
          return Number(row?.n ?? 0);
        };
        const before = await ticketRowsRead();
        expect(await sql.personTickets('nik-siti', 'kk-family')).toHaveLength(3);
        return (await ticketRowsRead()) - before;
      });
      // The statement a filing ran before read every ticket of the service: 1,502 here.
      expect(read).toBeLessThanOrEqual(3);
    });
  } else {
    it('looks the tickets up by the residents, not by scanning the table or the service', async () => {
      await db.statements().personTickets('nik-siti', 'kk-family');
      const statement = prepares.sources.find((sql) =>
        /FROM "Ticket" t\s+WHERE t."citizenId" IN/.test(sql),
      );
      expect(statement).toBeDefined();
      const plan = await db.prisma.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN ${statement}`,
        'nik-siti',
        'kk-family',
      );
      const ticketSteps = plan.map((step) => step.detail).filter((d) => / t\b/.test(d));
      expect(ticketSteps).toEqual([
        expect.stringMatching(/^SEARCH t USING INDEX Ticket_citizenId_status_idx \(citizenId=\?\)/),
      ]);
    });
  }
});
