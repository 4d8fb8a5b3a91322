import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateExamplePartners } from '../../src/partners/list-partners.ts';
import { seed, UnknownRegionError } from '../../src/seed/seed.ts';
import type { Db } from '../../src/store/database.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;

/** Area codes of a region straight from the shipped CSV, without the desk's parser. */
function csvCodes(region: string): string[] {
  return readFileSync('prisma/data/wilayah-indonesia-kepmendagri-2025.csv', 'utf8')
    .split(/\r?\n/)
    .map((line) => line.split(',')[0] ?? '')
    .filter((code) => code === region || code.startsWith(`${region}.`));
}

const villagesOf = (region: string) => csvCodes(region).filter((c) => c.split('.').length === 4);
const kelurahanOf = (region: string) =>
  villagesOf(region).filter((c) => c.split('.')[3]?.startsWith('1'));

async function countBy(prisma: Db, model: 'area' | 'unit'): Promise<Record<string, number>> {
  const rows =
    model === 'area'
      ? await prisma.area.findMany({ select: { level: true } })
      : await prisma.unit.findMany({ select: { level: true } });
  const counts: Record<string, number> = {};
  for (const { level } of rows) counts[level] = (counts[level] ?? 0) + 1;
  return counts;
}

async function totals(prisma: Db) {
  return {
    areas: await prisma.area.count(),
    units: await prisma.unit.count(),
    services: await prisma.service.count(),
    documents: await prisma.serviceDocument.count(),
    partners: await prisma.partner.count(),
    partnerServices: await prisma.partnerService.count(),
    partnerAreas: await prisma.partnerArea.count(),
    holidays: await prisma.holiday.count(),
  };
}

describe.each(PROVIDERS)('seed (%s)', (provider) => {
  describe('Kabupaten Bandung (32.04) with the example partners', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDatabase(provider);
      await seed(t.db.prisma, { regionCode: '32.04', examples: true });
    });
    afterAll(() => t.drop());

    it('loads the 312 areas of the kabupaten: itself, 31 kecamatan and 280 desa/kelurahan', async () => {
      expect(await t.db.prisma.area.count()).toBe(312);
      expect(await countBy(t.db.prisma, 'area')).toEqual({
        kabupaten_kota: 1,
        kecamatan: 31,
        desa_kelurahan: 280,
      });
    });

    it('gives every area a unit: a Puskesos per desa/kelurahan and an SLRT office above', async () => {
      const kelurahan = kelurahanOf('32.04').length;
      expect(await t.db.prisma.unit.count()).toBe(312);
      expect(await countBy(t.db.prisma, 'unit')).toEqual({
        kabupaten: 1,
        kecamatan: 31,
        desa: 280 - kelurahan,
        ...(kelurahan > 0 ? { kelurahan } : {}),
      });
      expect(kelurahan).toBeGreaterThan(0);
    });

    it('hangs every unit under the unit of its parent area, with the kabupaten at the top', async () => {
      const units = await t.db.prisma.unit.findMany({
        include: { area: true, parent: { select: { areaCode: true } } },
      });
      const root = units.filter((u) => u.parentId === null);
      expect(root.map((u) => u.code)).toEqual(['32.04']);
      for (const unit of units) {
        if (unit.code === '32.04') continue;
        expect(unit.parent?.areaCode, unit.code).toBe(unit.area.parentCode);
        expect(unit.areaCode).toBe(unit.code);
      }
    });

    it('names the units after their areas', async () => {
      const name = async (code: string) =>
        (await t.db.prisma.unit.findUnique({ where: { code } }))?.name;
      expect(await name('32.04')).toBe('SLRT Kabupaten Bandung');
      expect(await name('32.04.05')).toBe('SLRT Kecamatan Cileunyi');
      expect(await name('32.04.05.2001')).toBe('Puskesos Desa Cileunyi Kulon');
      const kelurahan = kelurahanOf('32.04')[0] as string;
      expect(await name(kelurahan)).toMatch(/^Puskesos Kelurahan /);
    });

    it('loads the default service catalogue with its SLA in working days', async () => {
      const services = await t.db.prisma.service.findMany({
        orderBy: { sortOrder: 'asc' },
        select: { code: true, slaDays: true, firstResponseDays: true },
      });
      expect(services.map((s) => [s.code, s.slaDays])).toEqual([
        ['kesehatan', 3],
        ['pendidikan', 10],
        ['adminduk', 5],
        ['bansos', 10],
        ['rehsos', 20],
        ['ekonomi', 15],
        ['perlindungan', 1],
        ['lainnya', 5],
      ]);
      expect(services.every((s) => s.firstResponseDays === 1)).toBe(true);
    });

    it('asks no document to start a protection case, and mentions the optional SKTM for health', async () => {
      const documents = (code: string) =>
        t.db.prisma.serviceDocument.findMany({
          where: { serviceCode: code },
          orderBy: { sortOrder: 'asc' },
        });
      expect(await documents('perlindungan')).toEqual([]);
      const health = await documents('kesehatan');
      const sktm = health.find((d) => d.labelId.startsWith('SKTM'));
      expect(sktm?.required).toBe(false);
      expect(health.find((d) => d.labelId === 'KTP')?.required).toBe(true);
    });

    it('adds five example partners, each clearly labelled "(contoh)"', async () => {
      const partners = await t.db.prisma.partner.findMany({
        include: { services: true, areas: true },
      });
      expect(partners).toHaveLength(5);
      for (const partner of partners) {
        expect(partner.name).toMatch(/\(contoh\)$/);
        expect(partner.isExample).toBe(true);
        expect(partner.active).toBe(true);
        expect(partner.services.length).toBeGreaterThan(0);
        expect(partner.areas.length).toBeGreaterThan(0);
      }
    });

    it('adds nothing when it runs again', async () => {
      const before = await totals(t.db.prisma);

      const again = await seed(t.db.prisma, { regionCode: '32.04', examples: true });

      expect(again).toEqual({
        regionName: 'Kabupaten Bandung',
        areasCreated: 0,
        unitsCreated: 0,
        servicesCreated: 0,
        holidaysCreated: 0,
        examplePartnersCreated: 0,
      });
      expect(await totals(t.db.prisma)).toEqual(before);
      expect(before.areas).toBe(312);
    });

    it('leaves an example partner an admin deactivated deactivated', async () => {
      expect(await deactivateExamplePartners(t.db.prisma)).toBe(5);

      await seed(t.db.prisma, { regionCode: '32.04', examples: true });

      const partners = await t.db.prisma.partner.findMany();
      expect(partners).toHaveLength(5);
      expect(partners.filter((p) => p.active)).toEqual([]);
    });

    it('refuses a REGION_CODE that is not a kabupaten/kota, changing nothing', async () => {
      const before = await totals(t.db.prisma);
      await expect(seed(t.db.prisma, { regionCode: '99.99', examples: true })).rejects.toThrow(
        UnknownRegionError,
      );
      await expect(seed(t.db.prisma, { regionCode: '99.99', examples: true })).rejects.toThrow(
        /99\.99/,
      );
      // A province code is known, but it is not a kabupaten/kota.
      await expect(seed(t.db.prisma, { regionCode: '32', examples: true })).rejects.toThrow(
        UnknownRegionError,
      );
      expect(await totals(t.db.prisma)).toEqual(before);
    });
  });

  describe('Kota Bandung (32.73) without the example partners', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDatabase(provider);
    });
    afterAll(() => t.drop());

    it('seeds its own tree under a "kota" unit and no partners', async () => {
      const result = await seed(t.db.prisma, { regionCode: '32.73', examples: false });

      const codes = csvCodes('32.73');
      expect(result).toMatchObject({
        regionName: 'Kota Bandung',
        areasCreated: codes.length,
        unitsCreated: codes.length,
        examplePartnersCreated: 0,
      });
      expect(await t.db.prisma.area.count()).toBe(codes.length);
      expect(await t.db.prisma.area.count({ where: { code: { startsWith: '32.04' } } })).toBe(0);
      const root = await t.db.prisma.unit.findFirst({ where: { parentId: null } });
      expect(root).toMatchObject({ code: '32.73', level: 'kota', name: 'SLRT Kota Bandung' });
      expect(await t.db.prisma.unit.count({ where: { level: 'kelurahan' } })).toBe(
        kelurahanOf('32.73').length,
      );
      expect(await t.db.prisma.partner.count()).toBe(0);
      expect(await t.db.prisma.service.count()).toBe(8);
    });
  });
});
