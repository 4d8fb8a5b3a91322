/**
 * Reports read response and resolution times from two moments kept on the
 * ticket (ticket-milestones.ts). These tests write them the way the desk does,
 * through changeTicket and recordTicketEvent, and check what a koordinator
 * would see in the report; that referrals and ratings carry their ticket's
 * unit (kept by database triggers) through an escalation; and that the
 * upgrades fill both for rows recorded before them, giving the same figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPersonalDataView } from '../../src/audit/personal-data-view.ts';
import type { TicketAction, TicketStatus } from '../../src/core/ticket-lifecycle.ts';
import { computeReport, type ReportQuery } from '../../src/reports/report-figures.ts';
import type { Db, Tx } from '../../src/store/database.ts';
import { readMigrations } from '../../src/store/migrate.ts';
import { changeTicket, recordTicketEvent } from '../../src/tickets/change-ticket.ts';
import { reopenTicket } from '../../src/tickets/reopen-ticket.ts';
import { rawQuery } from '../support/raw-sql.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS, type TestProvider } from '../support/test-database.ts';
import {
  AREAS,
  FIXTURE_HOLIDAYS,
  type FixtureUnits,
  NOVEMBER,
  openReportFixture,
} from './report-fixture.ts';

const HOLIDAYS: ReadonlySet<string> = new Set([...FIXTURE_HOLIDAYS, '2026-12-25', '2027-01-01']);
const DECEMBER = {
  from: new Date('2026-12-01T00:00:00+07:00'),
  to: new Date('2027-01-01T00:00:00+07:00'),
};
const JANUARY = {
  from: new Date('2027-01-01T00:00:00+07:00'),
  to: new Date('2027-02-01T00:00:00+07:00'),
};
const MITRA_A = { partnerCode: 'mitra-a', partnerName: 'Mitra A', sector: 'pemerintah' };
const wib = (local: string) => new Date(`${local}:00+07:00`);
const cipher = testCipher();

describe.each(PROVIDERS)('report milestones on %s', (provider) => {
  let prisma: Db;
  let url: string;
  let units: FixtureUnits;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ prisma, url, units, close } = await openReportFixture(provider));
  }, 60_000);

  afterAll(() => close());

  /** A help request filed in desa A1 at `created` (WIB), with no events yet. */
  const fileTicket = (code: string, created: string, slaDue?: string) =>
    prisma.ticket.create({
      data: {
        code,
        kind: 'permohonan',
        unitId: units.desaA1,
        serviceCode: 'kes',
        description: 'uji',
        areaCode: AREAS.desaA1,
        status: 'BARU',
        channel: 'test',
        slaDueAt: slaDue ? wib(slaDue) : null,
        createdAt: wib(created),
      },
      select: { id: true, code: true },
    });

  const desaA1Report = (period: { from: Date; to: Date }) =>
    computeReport(
      prisma,
      { scope: { unitIds: [units.desaA1] }, from: period.from, to: period.to },
      HOLIDAYS,
    );

  it('times the first answer from the first staff action, not a note or a look at the NIK, and counts a reopened ticket once, at its last resolution', async () => {
    const ticket = await fileTicket('PB-MILE01', '2026-12-03T09:00', '2026-12-10T23:59');
    const petugas = { kind: 'petugas' as const, id: null };
    let status: TicketStatus = 'BARU';
    const move = async (action: TicketAction, eventType: string, when: string) => {
      const result = await prisma.$transaction((tx) =>
        changeTicket(tx as Tx, cipher, {
          ticket: { id: ticket.id, status },
          action,
          actor: petugas,
          eventType,
          visibility: 'public',
          now: wib(when),
        }),
      );
      if (!result.ok) throw new Error(`move refused: ${JSON.stringify(result.reason)}`);
      status = result.to;
    };

    // Thursday: the petugas reads the resident's NIK and writes a private note. Nobody was answered.
    await prisma.$transaction((tx) =>
      recordPersonalDataView(tx as Tx, {
        ticketId: ticket.id,
        viewer: { kind: 'petugas', id: 'staff-1' },
        fields: ['nik'],
        channel: 'telegram',
        now: wib('2026-12-03T10:00'),
      }),
    );
    await prisma.$transaction((tx) =>
      recordTicketEvent(tx as Tx, cipher, {
        ticketId: ticket.id,
        type: 'note',
        actor: petugas,
        visibility: 'internal',
        message: 'cek dulu',
        now: wib('2026-12-03T11:00'),
      }),
    );
    // Monday: verified (2 working days after Thursday), then done on Wednesday (4).
    await move({ type: 'verify' }, 'verified', '2026-12-07T09:00');
    await move({ type: 'process' }, 'processing', '2026-12-08T09:00');
    await move({ type: 'complete' }, 'completed', '2026-12-09T10:00');
    // The resident says it did not help; the unit finishes it again after New Year.
    const reopened = await prisma.$transaction((tx) =>
      reopenTicket(tx as Tx, cipher, {
        ticket: { ...ticket, status, citizenId: null, unitId: units.desaA1, unitName: 'Desa A1' },
        citizenId: null,
        reason: 'belum dibantu',
        now: wib('2026-12-11T08:00'),
        holidays: HOLIDAYS,
      }),
    );
    expect(reopened.ok).toBe(true);
    status = 'DIBUKA_KEMBALI';
    await move({ type: 'process' }, 'processing', '2027-01-04T09:00');
    await move({ type: 'complete' }, 'completed', '2027-01-04T10:00');

    const december = await desaA1Report(DECEMBER);
    // Filed in December: this ticket (answered after 2 working days) and one never answered (T8).
    expect(december.opened).toBe(2);
    expect(december.medianFirstResponseWorkingDays).toBe(2);
    // Its December resolution was undone by the reopening: nothing resolved in December.
    expect(december.medianResolutionWorkingDays).toBeNull();
    expect(december.slaCompliancePct).toBeNull();

    const january = await desaA1Report(JANUARY);
    // 3 December to 4 January: 20 working days (25 December and 1 January are holidays).
    expect(january.medianResolutionWorkingDays).toBe(20);
    // Due a week after the reopening, done three weeks after it.
    expect(january.slaCompliancePct).toBe(0);
    expect(january.medianFirstResponseWorkingDays).toBeNull();
  });

  it("counts a ticket's referrals and ratings for the unit that holds it, and moves them when it is escalated", async () => {
    const ticket = await fileTicket('PB-MILE02', '2027-02-01T09:00');
    const partner = await prisma.partner.findFirstOrThrow({ where: { code: 'mitra-a' } });
    await prisma.referral.create({
      data: {
        ticketId: ticket.id,
        partnerId: partner.id,
        status: 'DITOLAK',
        createdAt: wib('2027-02-01T10:00'),
        respondedAt: wib('2027-02-02T10:00'),
      },
    });
    await prisma.feedback.create({
      data: { ticketId: ticket.id, rating: 2, resolved: false, createdAt: wib('2027-02-03T10:00') },
    });
    const february = (unitId: string) =>
      computeReport(
        prisma,
        {
          scope: { unitIds: [unitId] },
          from: new Date('2027-02-01T00:00:00+07:00'),
          to: new Date('2027-03-01T00:00:00+07:00'),
        },
        HOLIDAYS,
      );
    const sentAndDeclined = { ...MITRA_A, sent: 1, accepted: 0, declined: 1, completed: 0 };
    expect((await february(units.desaA1)).referralsByPartner).toEqual([sentAndDeclined]);
    expect((await february(units.desaA1)).satisfactionAvg).toBe(2);
    expect((await february(units.kecA)).referralsByPartner).toEqual([]);

    const escalated = await prisma.$transaction((tx) =>
      changeTicket(tx as Tx, cipher, {
        ticket: { id: ticket.id, status: 'BARU' },
        action: { type: 'escalate' },
        actor: { kind: 'sistem', id: null },
        eventType: 'escalated',
        visibility: 'internal',
        also: { unitId: units.kecA, assigneeId: null },
        now: wib('2027-02-04T00:00'),
      }),
    );
    expect(escalated.ok).toBe(true);
    const desa = await february(units.desaA1);
    expect(desa.referralsByPartner).toEqual([]);
    expect(desa.satisfactionAvg).toBeNull();
    const kecamatan = await february(units.kecA);
    expect(kecamatan.referralsByPartner).toEqual([sentAndDeclined]);
    expect(kecamatan.ratingsCount).toBe(1);
    expect(kecamatan.escalations).toBe(1);
  });

  it('fills the milestones of tickets recorded before the upgrade, so the upgrade changes no figure', async () => {
    const query = (unitIds: ReportQuery['scope']['unitIds']): ReportQuery => ({
      scope: { unitIds },
      ...NOVEMBER,
    });
    const cases = [query('all'), query([units.desaA1]), query([units.kecB, units.desaB1])];
    const before = await Promise.all(cases.map((q) => computeReport(prisma, q, HOLIDAYS)));
    expect(before[0]?.medianFirstResponseWorkingDays).not.toBeNull();

    await rawQuery(url, 'UPDATE "Ticket" SET "firstRespondedAt" = NULL, "resolvedAt" = NULL');
    await rawQuery(url, 'UPDATE "Referral" SET "unitId" = NULL, "areaCode" = NULL');
    await rawQuery(url, 'UPDATE "Feedback" SET "unitId" = NULL, "areaCode" = NULL');
    const emptied = await computeReport(prisma, cases[0] as ReportQuery, HOLIDAYS);
    expect(emptied.medianFirstResponseWorkingDays).toBeNull();
    expect(emptied.medianResolutionWorkingDays).toBeNull();
    const unitOnly = await computeReport(prisma, cases[1] as ReportQuery, HOLIDAYS);
    expect(unitOnly.referralsByPartner).toEqual([]);

    // Through a connection of its own, as the migration runner writes.
    for (const name of ['report_ticket_milestones', 'report_scope_columns']) {
      for (const statement of backfillStatements(provider, name)) await rawQuery(url, statement);
    }
    const after = await Promise.all(cases.map((q) => computeReport(prisma, q, HOLIDAYS)));
    expect(after).toEqual(before);
  });
});

/** The UPDATE statements that fill old rows in a migration, before any trigger it creates. */
function backfillStatements(provider: TestProvider, name: string): string[] {
  const migration = readMigrations(provider).find((m) => m.name.endsWith(`_${name}`));
  if (!migration) throw new Error(`the ${name} migration is missing`);
  const beforeTriggers = migration.sql.split(/CREATE (?:TRIGGER|FUNCTION)/)[0] ?? '';
  const statements = beforeTriggers
    .split(';')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.startsWith('UPDATE'));
  expect(statements).toHaveLength(2);
  return statements;
}
