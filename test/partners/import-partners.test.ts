import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPartnerCsv, PartnerImportError } from '../../src/partners/import-partners.ts';
import { deactivateExamplePartners, listPartners } from '../../src/partners/list-partners.ts';
import { seed } from '../../src/seed/seed.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const HEADER = 'code,name,sector,services,areas,contact,description';

/** A CSV as Excel saves it on Windows: byte order mark and CRLF line endings. */
const excelCsv = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

const VALID = excelCsv(
  'baznas-kab-bandung,"BAZNAS Kabupaten Bandung, Jawa Barat",masyarakat,bansos;kesehatan,32.04,022-5891234,Zakat untuk biaya berobat',
  'puskesmas-cileunyi,Puskesmas Cileunyi,pemerintah,kesehatan,32.04.05,,',
  'yayasan-peduli-anak,Yayasan Peduli Anak,lsm,perlindungan; pendidikan,32.04.05;32.04.06,"0812-0000-0000 (""Bu Ani"")",Pendampingan anak',
);

/** The failure messages, or [] when the import succeeded. */
async function problemsOf(attempt: Promise<unknown>): Promise<string[]> {
  try {
    await attempt;
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerImportError);
    return (error as PartnerImportError).problems;
  }
}

describe.each(PROVIDERS)('partners (%s)', (provider) => {
  let t: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    t = await openTestDatabase(provider);
    await seed(t.db.prisma, { regionCode: '32.04', examples: true });
  });
  afterAll(() => t.drop());

  const count = () => t.db.prisma.partner.count();

  describe('importPartnerCsv', () => {
    it('imports every partner of an Excel CSV with its services and areas', async () => {
      await expect(importPartnerCsv(t.db.prisma, VALID)).resolves.toEqual({
        created: 3,
        updated: 0,
      });

      const baznas = await t.db.prisma.partner.findUniqueOrThrow({
        where: { code: 'baznas-kab-bandung' },
        include: { services: true, areas: true },
      });
      expect(baznas).toMatchObject({
        name: 'BAZNAS Kabupaten Bandung, Jawa Barat',
        sector: 'masyarakat',
        contact: '022-5891234',
        description: 'Zakat untuk biaya berobat',
        isExample: false,
        active: true,
      });
      expect(baznas.services.map((s) => s.serviceCode).sort()).toEqual(['bansos', 'kesehatan']);
      expect(baznas.areas.map((a) => a.areaCode)).toEqual(['32.04']);
      const yayasan = await t.db.prisma.partner.findUniqueOrThrow({
        where: { code: 'yayasan-peduli-anak' },
      });
      expect(yayasan.contact).toBe('0812-0000-0000 ("Bu Ani")');
      expect(await count()).toBe(5 + 3);
    });

    it('updates the partners when the same codes are imported again, instead of duplicating them', async () => {
      const edited = VALID.replace(
        'puskesmas-cileunyi,Puskesmas Cileunyi,pemerintah,kesehatan,32.04.05',
        'puskesmas-cileunyi,UPTD Puskesmas Cileunyi,pemerintah,kesehatan;lainnya,32.04.05;32.04.06',
      );

      await expect(importPartnerCsv(t.db.prisma, edited)).resolves.toEqual({
        created: 0,
        updated: 3,
      });

      expect(await count()).toBe(5 + 3);
      const puskesmas = await t.db.prisma.partner.findUniqueOrThrow({
        where: { code: 'puskesmas-cileunyi' },
        include: { services: true, areas: true },
      });
      expect(puskesmas.name).toBe('UPTD Puskesmas Cileunyi');
      expect(puskesmas.services.map((s) => s.serviceCode).sort()).toEqual(['kesehatan', 'lainnya']);
      expect(puskesmas.areas.map((a) => a.areaCode).sort()).toEqual(['32.04.05', '32.04.06']);
    });

    it('reports every bad row with its line and imports nothing, not even the good rows', async () => {
      const before = await count();
      const file = excelCsv(
        'lazis-baru,LAZIS Baru,masyarakat,bansos,32.04,,',
        'koperasi-maju,Koperasi Maju,swasta,ekonomi,32.04,,',
        'sanggar-seni,Sanggar Seni,lsm,kesenian,32.04.05,,',
        'rumah-zakat-2,Rumah Zakat,masyarakat,bansos,32.04,,',
      );

      const problems = await problemsOf(importPartnerCsv(t.db.prisma, file));

      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/line 3\b.*sector must be one of pemerintah, dunia_usaha/);
      expect(problems[1]).toMatch(/line 4\b.*unknown service code "kesenian"/);
      expect(await count()).toBe(before);
      expect(await t.db.prisma.partner.findUnique({ where: { code: 'lazis-baru' } })).toBeNull();
    });

    it('reports an area outside the region with its line', async () => {
      const problems = await problemsOf(
        importPartnerCsv(
          t.db.prisma,
          excelCsv('dinsos-kota,Dinsos Kota,pemerintah,bansos,32.73,,'),
        ),
      );
      expect(problems).toEqual([expect.stringMatching(/line 2\b.*unknown area code "32\.73"/)]);
    });

    it('refuses a file with a missing column, naming it', async () => {
      const file = 'code,name,sector,services\nlazis-baru,LAZIS Baru,masyarakat,bansos\n';
      const problems = await problemsOf(importPartnerCsv(t.db.prisma, file));
      expect(problems).toEqual([expect.stringMatching(/^missing column\(s\): areas;/)]);
    });

    it('refuses a file that lists the same code twice', async () => {
      const before = await count();
      const problems = await problemsOf(
        importPartnerCsv(
          t.db.prisma,
          excelCsv(
            'lazis-baru,LAZIS Baru,masyarakat,bansos,32.04,,',
            'LAZIS-BARU,LAZIS Baru lagi,masyarakat,bansos,32.04,,',
          ),
        ),
      );
      expect(problems).toEqual(['line 3, code: "lazis-baru" appears twice']);
      expect(await count()).toBe(before);
    });

    it('refuses a file with a header and no partners', async () => {
      const problems = await problemsOf(importPartnerCsv(t.db.prisma, `${HEADER}\n`));
      expect(problems).toEqual(['the file has a header but no partners']);
    });
  });

  describe('listPartners', () => {
    it('lists every partner in code order with its services and areas', async () => {
      const partners = await listPartners(t.db.prisma);

      expect(partners.map((p) => p.code)).toEqual([
        'baznas-kab-bandung',
        'contoh-baznas',
        'contoh-csr',
        'contoh-disdik',
        'contoh-disdukcapil',
        'contoh-puskesmas',
        'puskesmas-cileunyi',
        'yayasan-peduli-anak',
      ]);
      expect(partners.find((p) => p.code === 'yayasan-peduli-anak')).toEqual({
        code: 'yayasan-peduli-anak',
        name: 'Yayasan Peduli Anak',
        sector: 'lsm',
        active: true,
        isExample: false,
        services: ['pendidikan', 'perlindungan'],
        areas: ['32.04.05', '32.04.06'],
      });
    });
  });

  describe('deactivateExamplePartners', () => {
    it('deactivates only the "(contoh)" partners and keeps them for old referrals', async () => {
      expect(await deactivateExamplePartners(t.db.prisma)).toBe(5);

      const partners = await listPartners(t.db.prisma);
      expect(partners).toHaveLength(8);
      for (const partner of partners) expect(partner.active).toBe(!partner.isExample);
      expect(await deactivateExamplePartners(t.db.prisma)).toBe(0);
    });
  });
});
