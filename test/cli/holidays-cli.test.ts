/**
 * `npm run slrt -- holidays …` as an admin runs it, in a child process on a
 * fresh database, and what a running desk sees afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearsWithoutCutiBersama } from '../../src/holidays/missing-decree.ts';
import { ReferenceData } from '../../src/runtime/reference-data.ts';
import { seed } from '../../src/seed/seed.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { lines, runCli } from '../support/run-process.ts';

const slrt = runCli;

describe('holidays CLI on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-holidays-'));
  const url = `file:${join(dir, 'slrt.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Seeded as of late 2026, so the 2026 figures below hold whatever year the
  // machine's clock says when the CLI seeds its own years on top.
  beforeAll(async () => {
    await migrate(url);
    const db = await openDatabase(url);
    await seed(db.prisma, {
      regionCode: '32.04',
      examples: true,
      now: new Date('2026-11-27T09:00:00+07:00'),
    });
    await db.close();
  });

  it('lists the seeded days off of 2026 with Lebaran and its cuti bersama', async () => {
    const result = await slrt(url, 'holidays', 'list', '2026');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out[0]).toMatch(/^DATE\s+DAY\s+KIND\s+NAME$/);
    expect(out).toContainEqual(
      expect.stringMatching(/^2026-03-20\s+Jum\s+cuti_bersama\s+Cuti bersama Idul Fitri 1447 H$/),
    );
    expect(out).toContainEqual(
      expect.stringMatching(/^2026-03-21\s+Sab\s+nasional\s+Hari Raya Idul Fitri 1447 H$/),
    );
    expect(out.at(-1)).toBe('25 day(s) off in 2026');
  });

  it('says when a year has no cuti bersama yet, and the desk knows which years lack them', async () => {
    const list = lines((await slrt(url, 'holidays', 'list', '2027')).stdout);
    expect(list.at(-1)).toBe(
      "no cuti bersama in 2027: add the joint decree's days with holidays add, or SLA clocks count them as working days",
    );
    const db = await openDatabase(url);
    try {
      // Before October only the current year is checked; from October the next one too.
      expect(
        await yearsWithoutCutiBersama(db.prisma, new Date('2026-09-30T12:00:00+07:00')),
      ).toEqual([]);
      expect(
        await yearsWithoutCutiBersama(db.prisma, new Date('2026-10-01T08:00:00+07:00')),
      ).toEqual([2027]);
    } finally {
      await db.close();
    }
  });

  it('adds a cuti bersama by default and says when the desk will use it', async () => {
    const result = await slrt(
      url,
      'holidays',
      'add',
      '2027-03-11',
      'Cuti bersama Idul Fitri 1448 H',
    );

    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'added 2027-03-11 Kam cuti_bersama "Cuti bersama Idul Fitri 1448 H"',
      'not a working day from now on; a running desk uses it within 5 minutes',
    ]);
    const list = lines((await slrt(url, 'holidays', 'list', '2027')).stdout);
    expect(list).toContainEqual(
      expect.stringMatching(/^2027-03-11\s+Kam\s+cuti_bersama\s+Cuti bersama Idul Fitri 1448 H$/),
    );
    expect(list.join('\n')).not.toContain('no cuti bersama');
  });

  it('adds a local day off with --kind lokal', async () => {
    const result = await slrt(
      url,
      'holidays',
      'add',
      '2026-04-20',
      'Hari Jadi Kabupaten Bandung',
      '--kind',
      'lokal',
    );

    expect(result.code).toBe(0);
    expect(lines(result.stdout)[0]).toBe(
      'added 2026-04-20 Sen lokal "Hari Jadi Kabupaten Bandung"',
    );
  });

  it('removes a day, which stays removed after the next start (seed)', async () => {
    const removed = await slrt(url, 'holidays', 'remove', '2026-12-24');

    expect(removed.code).toBe(0);
    expect(lines(removed.stdout)[0]).toBe(
      'removed 2026-12-24 cuti_bersama "Cuti bersama Hari Raya Natal"',
    );
    // Every CLI run migrates and seeds first, as the desk does when it starts.
    const list = lines((await slrt(url, 'holidays', 'list', '2026')).stdout);
    expect(list.filter((line) => line.startsWith('2026-12-24'))).toEqual([]);
    expect(list.slice(-2)).toEqual([
      '25 day(s) off in 2026',
      'removed by an admin, working days: 2026-12-24 (holidays add restores one)',
    ]);
  });

  it.each([
    [['holidays', 'remove', '2026-12-23'], /^error: 2026-12-23 is not a holiday$/],
    [['holidays', 'add', '2026-02-30', 'x'], /^error: date: no such date$/],
    [['holidays', 'add', '26-12-30', 'x'], /^error: date: date must be YYYY-MM-DD$/],
    [['holidays', 'add', '2026-12-30', 'x', '--kind', 'libur'], /^error: kind: .*cuti_bersama/],
    [['holidays', 'add', '2026-12-30', '  '], /^error: name: name is empty$/],
    [['holidays', 'list', '20x'], /^error: .*YEAR must be four digits/],
  ])('refuses %j with one clear line', async (args, message) => {
    const result = await slrt(url, ...args);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
  });

  it("reaches a running desk's reference data without a restart", async () => {
    const db = await openDatabase(url);
    try {
      const ref = await ReferenceData.load(db.prisma);
      expect(ref.holidays.has('2026-12-31')).toBe(false);

      expect(
        (await slrt(url, 'holidays', 'add', '2026-12-31', 'Cuti bersama akhir tahun')).code,
      ).toBe(0);
      await ref.reloadHolidays();

      expect(ref.holidays.has('2026-12-31')).toBe(true);
      expect(ref.holidays.has('2026-12-24')).toBe(false);
    } finally {
      await db.close();
    }
  });
});
