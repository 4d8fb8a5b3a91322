/**
 * Every report figure against a data set with known answers (report-fixture.ts),
 * for an admin, a koordinator's subtree, a petugas's unit and an area filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport, type ReportFigures } from '../../src/reports/report-figures.ts';
import { reportScopeFor } from '../../src/reports/report-scope.ts';
import type { Db } from '../../src/store/database.ts';
import { PROVIDERS } from '../support/test-database.ts';
import {
  AREAS,
  FIXTURE_HOLIDAYS,
  type FixtureUnits,
  NOVEMBER,
  openReportFixture,
} from './report-fixture.ts';

const KES = {
  code: 'kes',
  name: 'Kesehatan',
  names: { id: 'Kesehatan', su: 'Kasehatan', en: 'Health' },
};
const PEND = {
  code: 'pend',
  name: 'Pendidikan',
  names: { id: 'Pendidikan', su: 'Atikan', en: 'Education' },
};
const KEC_A = { code: AREAS.kecA, name: 'Kecamatan A' };
const KEC_B = { code: AREAS.kecB, name: 'Kecamatan B' };
const DESA_A1 = { code: AREAS.desaA1, name: 'Desa A1' };
const DESA_B1 = { code: AREAS.desaB1, name: 'Desa B1' };
const MITRA_A = { partnerCode: 'mitra-a', partnerName: 'Mitra A', sector: 'pemerintah' };
const MITRA_B = { partnerCode: 'mitra-b', partnerName: 'Mitra B', sector: 'masyarakat' };

describe.each(PROVIDERS)('report figures on %s', (provider) => {
  let prisma: Db;
  let units: FixtureUnits;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ prisma, units, close } = await openReportFixture(provider));
  }, 60_000);

  afterAll(() => close());

  const report = async (
    staff: { role: 'admin' | 'koordinator' | 'petugas'; unit: keyof FixtureUnits },
    options: { areaCode?: string; from?: Date; to?: Date } = {},
  ): Promise<ReportFigures> => {
    const scope = await reportScopeFor(prisma, { role: staff.role, unitId: units[staff.unit] });
    if (!scope) throw new Error('no scope');
    return computeReport(
      prisma,
      { scope, from: options.from ?? NOVEMBER.from, to: options.to ?? NOVEMBER.to, ...options },
      FIXTURE_HOLIDAYS,
    );
  };

  it('gives an admin every figure of the whole region', async () => {
    expect(await report({ role: 'admin', unit: 'kab' })).toEqual({
      opened: 8,
      closed: 3,
      openByStatus: { BARU: 4, DIESKALASI: 1, DIPROSES: 1, SELESAI: 1 },
      byService: [
        { ...KES, opened: 4, closed: 3 },
        { ...PEND, opened: 1, closed: 0 },
      ],
      byArea: {
        kecamatan: [
          { ...KEC_A, opened: 4 },
          { ...KEC_B, opened: 3 },
        ],
        desa: [
          { ...DESA_A1, opened: 4 },
          { ...DESA_B1, opened: 2 },
        ],
      },
      slaCompliancePct: 66.7,
      medianFirstResponseWorkingDays: 0.5,
      medianResolutionWorkingDays: 2,
      escalations: 1,
      referralsByPartner: [
        { ...MITRA_A, sent: 2, accepted: 2, declined: 0, completed: 1 },
        { ...MITRA_B, sent: 1, accepted: 0, declined: 1, completed: 1 },
      ],
      referralsBySector: [
        { sector: 'masyarakat', sent: 1, accepted: 0, declined: 1, completed: 1 },
        { sector: 'pemerintah', sent: 2, accepted: 2, declined: 0, completed: 1 },
      ],
      satisfactionAvg: 4,
      ratingsCount: 3,
      complaintsByTopic: [
        { topic: 'pungutan_liar', count: 2 },
        { topic: 'lainnya', count: 1 },
      ],
    });
  });

  it("gives a koordinator their unit and the desa below it, not the other kecamatan's", async () => {
    expect(await report({ role: 'koordinator', unit: 'kecA' })).toEqual({
      opened: 4,
      closed: 3,
      openByStatus: { BARU: 2, DIESKALASI: 1 },
      byService: [{ ...KES, opened: 3, closed: 3 }],
      byArea: { kecamatan: [{ ...KEC_A, opened: 4 }], desa: [{ ...DESA_A1, opened: 4 }] },
      slaCompliancePct: 50,
      medianFirstResponseWorkingDays: 0.5,
      medianResolutionWorkingDays: 2,
      escalations: 1,
      referralsByPartner: [{ ...MITRA_B, sent: 0, accepted: 0, declined: 0, completed: 1 }],
      referralsBySector: [
        { sector: 'masyarakat', sent: 0, accepted: 0, declined: 0, completed: 1 },
      ],
      satisfactionAvg: 4.5,
      ratingsCount: 2,
      complaintsByTopic: [{ topic: 'pungutan_liar', count: 1 }],
    });
  });

  it('gives a petugas their own unit only (not the kecamatan unit above it)', async () => {
    expect(await report({ role: 'petugas', unit: 'desaA1' })).toEqual({
      opened: 3,
      closed: 3,
      openByStatus: { BARU: 2 },
      byService: [{ ...KES, opened: 3, closed: 3 }],
      byArea: { kecamatan: [{ ...KEC_A, opened: 3 }], desa: [{ ...DESA_A1, opened: 3 }] },
      slaCompliancePct: 50,
      medianFirstResponseWorkingDays: 0.5,
      medianResolutionWorkingDays: 2,
      escalations: 0,
      referralsByPartner: [{ ...MITRA_B, sent: 0, accepted: 0, declined: 0, completed: 1 }],
      referralsBySector: [
        { sector: 'masyarakat', sent: 0, accepted: 0, declined: 0, completed: 1 },
      ],
      satisfactionAvg: 4.5,
      ratingsCount: 2,
      complaintsByTopic: [],
    });
  });

  it('narrows to an area by its code prefix (the dashboard filter)', async () => {
    expect(await report({ role: 'admin', unit: 'kab' }, { areaCode: AREAS.kecB })).toEqual({
      opened: 3,
      closed: 0,
      openByStatus: { BARU: 1, DIPROSES: 1, SELESAI: 1 },
      byService: [
        { ...KES, opened: 1, closed: 0 },
        { ...PEND, opened: 1, closed: 0 },
      ],
      byArea: { kecamatan: [{ ...KEC_B, opened: 3 }], desa: [{ ...DESA_B1, opened: 2 }] },
      slaCompliancePct: 100,
      medianFirstResponseWorkingDays: 1,
      medianResolutionWorkingDays: 1,
      escalations: 0,
      referralsByPartner: [
        { ...MITRA_A, sent: 2, accepted: 2, declined: 0, completed: 1 },
        { ...MITRA_B, sent: 1, accepted: 0, declined: 1, completed: 0 },
      ],
      referralsBySector: [
        { sector: 'masyarakat', sent: 1, accepted: 0, declined: 1, completed: 0 },
        { sector: 'pemerintah', sent: 2, accepted: 2, declined: 0, completed: 1 },
      ],
      satisfactionAvg: 3,
      ratingsCount: 1,
      complaintsByTopic: [{ topic: 'pungutan_liar', count: 1 }],
    });
  });

  it('gives a quiet period zeros and no averages, but still the tickets open now', async () => {
    const quiet = await report(
      { role: 'petugas', unit: 'desaB1' },
      { from: new Date('2025-01-01T00:00:00+07:00'), to: new Date('2025-02-01T00:00:00+07:00') },
    );
    expect(quiet).toEqual({
      opened: 0,
      closed: 0,
      openByStatus: { BARU: 2, DIPROSES: 1, SELESAI: 1 },
      byService: [],
      byArea: { kecamatan: [], desa: [] },
      slaCompliancePct: null,
      medianFirstResponseWorkingDays: null,
      medianResolutionWorkingDays: null,
      escalations: 0,
      referralsByPartner: [],
      referralsBySector: [],
      satisfactionAvg: null,
      ratingsCount: 0,
      complaintsByTopic: [],
    });
  });

  it('names no resident, no ticket code and no staff member anywhere in the figures', async () => {
    const text = JSON.stringify(await report({ role: 'admin', unit: 'kab' }));
    expect(text).not.toMatch(/PB-TEST|uji|warga/);
  });
});
