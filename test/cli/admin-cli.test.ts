/**
 * The admin CLI as an admin runs it (`npm run slrt -- …`), in a child process
 * against a fresh database it migrates and seeds itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../support/raw-sql.ts';
import { lines, runCli } from '../support/run-process.ts';
import { createEmptyDatabase, type TestDatabase } from '../support/test-database.ts';

const INVITE_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

const slrt = runCli;

describe('admin CLI on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-cli-'));
  const url = `file:${join(dir, 'slrt.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a petugas invite on a fresh database and prints the code alone on the last line', async () => {
    const result = await slrt(url, 'invite', '--role', 'petugas', '--unit', '32.04.05.2001');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.at(-1)).toMatch(INVITE_CODE);
    expect(out.join('\n')).toContain('Puskesos Desa Cileunyi Kulon');
  });

  it('refuses an unknown role with one line that names it', async () => {
    const result = await slrt(url, 'invite', '--role', 'raja', '--unit', '32.04.05.2001');

    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^error: .*"raja"/)]);
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown unit, naming it', async () => {
    const result = await slrt(url, 'invite', '--role', 'petugas', '--unit', '32.04.99.9999');

    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^error: .*32\.04\.99\.9999/)]);
  });

  it('lists the kecamatan office and the six Puskesos of Cileunyi', async () => {
    const result = await slrt(url, 'units', 'list', '--under', '32.04.05');

    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.at(-1)).toBe('7 unit(s)');
    const rows = out.slice(1, -1);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(/^32\.04\.05\s+kecamatan\s+SLRT Kecamatan Cileunyi$/);
    expect(
      rows.slice(1).every((row) => /^32\.04\.05\.\d{4}\s+desa\s+Puskesos Desa /.test(row)),
    ).toBe(true);
  });

  it('imports nothing from a file with bad rows and says which lines to fix', async () => {
    const file = join(dir, 'mitra.csv');
    writeFileSync(
      file,
      [
        'code,name,sector,services,areas,contact,description',
        'lazis-baru,LAZIS Baru,masyarakat,bansos,32.04,,',
        'koperasi-maju,Koperasi Maju,swasta,ekonomi,32.04,,',
        'sanggar-seni,Sanggar Seni,lsm,kesenian,32.04.05,,',
      ].join('\n'),
    );

    const result = await slrt(url, 'partners', 'import', file);

    expect(result.code).toBe(1);
    const err = lines(result.stderr);
    expect(err).toEqual([
      expect.stringMatching(/^line 3, sector: /),
      expect.stringMatching(/^line 4, unknown service code "kesenian"/),
      'error: nothing imported: fix the 2 problem(s) above',
    ]);

    const list = await slrt(url, 'partners', 'list');
    expect(list.code).toBe(0);
    const out = lines(list.stdout);
    expect(out.at(-1)).toBe('5 partner(s)');
    expect(out.slice(1, -1).every((row) => row.startsWith('contoh-'))).toBe(true);
  });
});

describe('admin CLI on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDatabase('postgresql');
  });
  afterAll(() => t.drop());

  it('migrates and seeds an empty PostgreSQL database before creating the invite', async () => {
    const result = await slrt(t.url, 'invite', '--role', 'koordinator', '--unit', '32.04.05');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout).at(-1)).toMatch(INVITE_CODE);
    const [counts] = await rawQuery<{ units: string; invites: string }>(
      t.url,
      'SELECT (SELECT COUNT(*) FROM "Unit") AS units, (SELECT COUNT(*) FROM "Invite") AS invites',
    );
    expect(counts).toEqual({ units: '312', invites: '1' });
  });
});
