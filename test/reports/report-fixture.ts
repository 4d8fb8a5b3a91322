/**
 * A small region with known report answers (see report-figures.test.ts):
 * kabupaten 99.01 with kecamatan A (desa A1) and B (desa B1), one unit each,
 * tickets in November 2026 and around it, their events, referrals and
 * ratings, written directly so every date is exact. 10 November is a holiday.
 */
import type { Db } from '../../src/store/database.ts';
import { milestonesOf } from '../../src/tickets/ticket-milestones.ts';
import { openTestDatabase, type TestProvider } from '../support/test-database.ts';

export const FIXTURE_HOLIDAYS: ReadonlySet<string> = new Set(['2026-11-10']);

export const AREAS = {
  kab: '99.01',
  kecA: '99.01.01',
  kecB: '99.01.02',
  desaA1: '99.01.01.2001',
  desaB1: '99.01.02.2001',
} as const;

export interface FixtureUnits {
  kab: string;
  kecA: string;
  kecB: string;
  desaA1: string;
  desaB1: string;
}

const at = (wib: string) => new Date(`${wib}+07:00`);
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+07:00`);

export async function seedReportFixture(prisma: Db): Promise<FixtureUnits> {
  await prisma.area.createMany({
    data: [
      { code: AREAS.kab, name: 'Kabupaten Contoh', level: 'kabupaten_kota' },
      { code: AREAS.kecA, name: 'Kecamatan A', level: 'kecamatan', parentCode: AREAS.kab },
      { code: AREAS.kecB, name: 'Kecamatan B', level: 'kecamatan', parentCode: AREAS.kab },
      { code: AREAS.desaA1, name: 'Desa A1', level: 'desa_kelurahan', parentCode: AREAS.kecA },
      { code: AREAS.desaB1, name: 'Desa B1', level: 'desa_kelurahan', parentCode: AREAS.kecB },
    ],
  });
  const unit = async (code: string, level: string, areaCode: string, parentId: string | null) =>
    (
      await prisma.unit.create({
        data: { code, name: `Unit ${code}`, level, areaCode, parentId },
        select: { id: true },
      })
    ).id;
  const kab = await unit('U-KAB', 'kabupaten_kota', AREAS.kab, null);
  const kecA = await unit('U-KECA', 'kecamatan', AREAS.kecA, kab);
  const kecB = await unit('U-KECB', 'kecamatan', AREAS.kecB, kab);
  const desaA1 = await unit('U-A1', 'desa_kelurahan', AREAS.desaA1, kecA);
  const desaB1 = await unit('U-B1', 'desa_kelurahan', AREAS.desaB1, kecB);
  await prisma.service.createMany({
    data: [
      {
        code: 'kes',
        nameId: 'Kesehatan',
        nameSu: 'Kasehatan',
        nameEn: 'Health',
        slaDays: 3,
        sortOrder: 1,
      },
      {
        code: 'pend',
        nameId: 'Pendidikan',
        nameSu: 'Atikan',
        nameEn: 'Education',
        slaDays: 5,
        sortOrder: 2,
      },
    ],
  });
  const p1 = (
    await prisma.partner.create({
      data: { code: 'mitra-a', name: 'Mitra A', sector: 'pemerintah' },
    })
  ).id;
  const p2 = (
    await prisma.partner.create({
      data: { code: 'mitra-b', name: 'Mitra B', sector: 'masyarakat' },
    })
  ).id;

  let n = 0;
  const ticket = async (t: {
    unitId: string;
    areaCode: string | null;
    serviceCode?: string;
    topic?: string | null;
    created: string;
    status: string;
    slaDue?: string;
    closed?: string;
  }) => {
    n += 1;
    const createdAt = at(t.created);
    const row = await prisma.ticket.create({
      data: {
        code: `PB-TEST${String(n).padStart(2, '0')}`,
        kind: t.serviceCode ? 'permohonan' : 'pengaduan',
        unitId: t.unitId,
        serviceCode: t.serviceCode ?? null,
        topic: t.topic ?? null,
        description: 'uji',
        areaCode: t.areaCode,
        status: t.status,
        channel: 'test',
        slaDueAt: t.slaDue ? endOfDay(t.slaDue) : null,
        closedAt: t.closed ? at(t.closed) : null,
        createdAt,
      },
      select: { id: true },
    });
    await event(row.id, 'created', 'warga', t.created, 'BARU');
    return row.id;
  };
  // Events are written in time order per ticket, and keep the ticket's
  // milestones as the desk's own writes do (change-ticket.ts).
  const event = async (
    ticketId: string,
    type: string,
    actorKind: string,
    when: string,
    toStatus?: string,
  ) => {
    await prisma.ticketEvent.create({
      data: { ticketId, type, actorKind, toStatus: toStatus ?? null, createdAt: at(when) },
    });
    const { firstRespondedAt } = await prisma.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { firstRespondedAt: true },
    });
    await prisma.ticket.update({
      where: { id: ticketId },
      data: milestonesOf({ type, actorKind, toStatus, at: at(when) }, firstRespondedAt),
    });
  };
  const referral = (
    ticketId: string,
    partnerId: string,
    r: { status: string; created: string; responded?: string; completed?: string },
  ) =>
    prisma.referral.create({
      data: {
        ticketId,
        partnerId,
        status: r.status,
        createdAt: at(r.created),
        respondedAt: r.responded ? at(r.responded) : null,
        completedAt: r.completed ? at(r.completed) : null,
      },
    });
  const feedback = (ticketId: string, rating: number | null, when: string) =>
    prisma.feedback.create({ data: { ticketId, rating, resolved: true, createdAt: at(when) } });

  // T1: answered the same day, done in 2 working days, within its SLA, then closed and rated 5.
  const t1 = await ticket({
    unitId: desaA1,
    areaCode: AREAS.desaA1,
    serviceCode: 'kes',
    created: '2026-11-02T09:00',
    status: 'DITUTUP',
    slaDue: '2026-11-05',
    closed: '2026-11-06T09:00',
  });
  await event(t1, 'claimed', 'petugas', '2026-11-02T10:00');
  await event(t1, 'completed', 'petugas', '2026-11-04T15:00', 'SELESAI');
  await event(t1, 'closed', 'warga', '2026-11-06T09:00', 'DITUTUP');
  await feedback(t1, 5, '2026-11-06T09:00');

  // T2: filed Friday, answered Monday (1), rejected Wednesday after the holiday (2), past its SLA.
  const t2 = await ticket({
    unitId: desaA1,
    areaCode: AREAS.desaA1,
    serviceCode: 'kes',
    created: '2026-11-06T16:00',
    status: 'DITOLAK',
    slaDue: '2026-11-10',
    closed: '2026-11-11T10:00',
  });
  await event(t2, 'verified', 'petugas', '2026-11-09T08:00', 'DIVERIFIKASI');
  await event(t2, 'rejected', 'petugas', '2026-11-11T10:00', 'DITOLAK');
  await feedback(t2, null, '2026-11-12T08:00');

  // T3: an internal note first (not a response), referred after 2 working days, accepted.
  const t3 = await ticket({
    unitId: desaB1,
    areaCode: AREAS.desaB1,
    serviceCode: 'pend',
    created: '2026-11-03T10:00',
    status: 'DIPROSES',
    slaDue: '2026-11-20',
  });
  await event(t3, 'note', 'petugas', '2026-11-03T11:00');
  await event(t3, 'referral_sent', 'petugas', '2026-11-05T08:00', 'DIRUJUK');
  await event(t3, 'referral_accepted', 'mitra', '2026-11-06T09:00', 'DIPROSES');
  await referral(t3, p1, {
    status: 'DITERIMA',
    created: '2026-11-05T08:00',
    responded: '2026-11-06T09:00',
  });

  // T4: a complaint in the kecamatan unit about desa A1, escalated by the system.
  const t4 = await ticket({
    unitId: kecA,
    areaCode: AREAS.desaA1,
    topic: 'pungutan_liar',
    created: '2026-11-12T08:00',
    status: 'DIESKALASI',
    slaDue: '2026-11-17',
  });
  await event(t4, 'escalated', 'sistem', '2026-11-13T08:00', 'DIESKALASI');

  // T5: a complaint placed at kecamatan B only (no desa).
  await ticket({
    unitId: desaB1,
    areaCode: AREAS.kecB,
    topic: 'pungutan_liar',
    created: '2026-11-16T08:00',
    status: 'BARU',
  });

  // T6: declined by one partner, completed by another the next working day, rated 3.
  const t6 = await ticket({
    unitId: desaB1,
    areaCode: AREAS.desaB1,
    serviceCode: 'kes',
    created: '2026-11-17T08:00',
    status: 'SELESAI',
    slaDue: '2026-11-20',
  });
  await event(t6, 'claimed', 'petugas', '2026-11-17T09:00');
  await referral(t6, p2, {
    status: 'DITOLAK',
    created: '2026-11-17T09:30',
    responded: '2026-11-17T10:00',
  });
  await referral(t6, p1, {
    status: 'SELESAI',
    created: '2026-11-17T11:00',
    responded: '2026-11-17T12:00',
    completed: '2026-11-18T10:00',
  });
  await event(t6, 'referral_completed', 'mitra', '2026-11-18T10:00', 'SELESAI');
  await feedback(t6, 3, '2026-11-19T08:00');

  // T7: filed, escalated and done in October; closed, its referral completed and rated in November.
  const t7 = await ticket({
    unitId: desaA1,
    areaCode: AREAS.desaA1,
    serviceCode: 'kes',
    created: '2026-10-20T08:00',
    status: 'DITUTUP',
    slaDue: '2026-10-30',
    closed: '2026-11-03T08:00',
  });
  await event(t7, 'claimed', 'petugas', '2026-10-20T09:00');
  await event(t7, 'escalated', 'sistem', '2026-10-25T08:00', 'DIESKALASI');
  await event(t7, 'completed', 'petugas', '2026-10-28T08:00', 'SELESAI');
  await event(t7, 'closed', 'warga', '2026-11-03T08:00', 'DITUTUP');
  await referral(t7, p2, {
    status: 'SELESAI',
    created: '2026-10-21T08:00',
    responded: '2026-10-22T08:00',
    completed: '2026-11-02T08:00',
  });
  await feedback(t7, 1, '2026-10-30T08:00');
  await feedback(t7, 4, '2026-11-03T08:00');

  // T8: the first instant of December (outside November); T10: the first instant of November.
  await ticket({
    unitId: desaA1,
    areaCode: AREAS.desaA1,
    serviceCode: 'kes',
    created: '2026-12-01T00:00:00',
    status: 'BARU',
  });
  // T9: a complaint without topic or area.
  await ticket({
    unitId: desaB1,
    areaCode: null,
    topic: null,
    created: '2026-11-20T08:00',
    status: 'BARU',
  });
  await ticket({
    unitId: desaA1,
    areaCode: AREAS.desaA1,
    serviceCode: 'kes',
    created: '2026-11-01T00:00:00',
    status: 'BARU',
  });
  return { kab, kecA, kecB, desaA1, desaB1 };
}

export const NOVEMBER = {
  from: new Date('2026-11-01T00:00:00+07:00'),
  to: new Date('2026-12-01T00:00:00+07:00'),
};

/** A fresh database of `provider` with the fixture seeded; `close` drops it. */
export async function openReportFixture(provider: TestProvider): Promise<{
  prisma: Db;
  url: string;
  units: FixtureUnits;
  close(): Promise<void>;
}> {
  const t = await openTestDatabase(provider);
  const units = await seedReportFixture(t.db.prisma);
  return {
    prisma: t.db.prisma,
    url: t.url,
    units,
    async close() {
      await t.db.close();
      await t.drop();
    },
  };
}
