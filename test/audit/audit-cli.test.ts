/**
 * `npm run slrt -- audit …` as an admin runs it on the server: a child
 * process on the desk's database, after staff worked two tickets from chat.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS } from '../../src/audit/audit-csv.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { describeCliRefusals, runCliInProcess } from '../support/run-cli-in-process.ts';
import { lines, type ProcessResult, runCli } from '../support/run-process.ts';
import { PROVIDERS } from '../support/test-database.ts';

const NOTE = 'sudah survei rumah, ibu minta dihubungi sore';
const DAY = 24 * 3_600_000;

/** RFC 4180: fields split on commas outside quotes, "" inside quotes is one quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe.each(PROVIDERS)('audit CLI on %s', (provider) => {
  let h: DeskHarness;
  let first: string;
  let second: string;
  let petugasId: string;
  let koordinatorId: string;
  const who = newResident();
  const dir = mkdtempSync(join(tmpdir(), 'slrt-audit-'));
  const file = join(dir, 'audit.csv');
  /**
   * The main outputs come from child processes, as an admin runs them, side by side (each
   * starts, migrates and seeds first); the period filters and the file in this process.
   */
  let run: Record<'ticket' | 'actor' | 'actorFrom' | 'actorTo' | 'csv' | 'csvOut', ProcessResult>;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    const petugas = await joinStaff(h, 'audit-petugas', 'petugas', '32.04.05.2001');
    const koordinator = await joinStaff(h, 'audit-koordinator', 'koordinator', '32.04.05');
    const staffOf = (key: string) =>
      h.db.prisma.staff.findFirstOrThrow({
        where: { identities: { some: { externalId: key } } },
      });
    petugasId = (await staffOf('audit-petugas')).id;
    koordinatorId = (await staffOf('audit-koordinator')).id;
    // A name a spreadsheet must receive quoted, quotes doubled.
    await h.db.prisma.staff.update({
      where: { id: petugasId },
      data: { displayName: 'Budi "Ucok", S.Sos' },
    });
    first = await fileHelpRequest(h.channel.chat('audit-resident-1'), who);
    h.clock.advance(60_000);
    await petugas.send(`/tiket ${first}`);
    h.clock.advance(60_000);
    await petugas.send(`/verifikasi ${first}`);
    h.clock.advance(60_000);
    await petugas.send(`/catatan ${first} ${NOTE}`);
    await koordinator.send(`/tiket ${first}`);
    // Three days later, a second ticket.
    h.clock.advance(3 * DAY);
    second = await fileHelpRequest(h.channel.chat('audit-resident-2'));
    await petugas.send(`/ambil ${second}`);
    const [ticket, actor, csv] = await Promise.all([
      runCli(h.url, 'audit', '--ticket', first.toLowerCase()),
      runCli(h.url, 'audit', '--actor', petugasId.slice(-6)),
      runCli(h.url, 'audit', '--ticket', first, '--csv'),
    ]);
    const inProcess = async (...args: string[]): Promise<ProcessResult> => {
      const result = await runCliInProcess(h.url, 'audit', ...args);
      const text = (out: string[]) => out.map((line) => `${line}\n`).join('');
      return {
        code: result.code,
        signal: null,
        stdout: text(result.stdout),
        stderr: text(result.stderr),
      };
    };
    run = {
      ticket,
      actor,
      csv,
      actorFrom: await inProcess('--actor', petugasId, '--from', '2026-11-30'),
      actorTo: await inProcess('--actor', koordinatorId, '--to', '2026-11-27'),
      csvOut: await inProcess('--ticket', first, '--csv', '--out', file),
    };
  }, 180_000);
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a ticket’s whole trail in WIB with actors, moves, views and sealed messages', async () => {
    const result = run.ticket;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out[0]).toBe(`${first} · DIVERIFIKASI · Puskesos Desa Cileunyi Kulon`);
    expect(out[1]).toMatch(/^TIME\s+TICKET\s+EVENT\s+ACTOR\s+STATUS\s+VISIBILITY\s+DETAIL$/);
    const events = out.slice(2, -1);
    expect(events.map((l) => l.split(/\s{2,}/).slice(0, 6))).toEqual([
      ['2026-11-27 09:00 WIB', first, 'created', 'warga', '→ BARU', 'public'],
      [
        '2026-11-27 09:01 WIB',
        first,
        'personal_data_viewed',
        'petugas Budi "Ucok", S.Sos',
        'internal',
        'fields=nik,kk channel=test',
      ],
      [
        '2026-11-27 09:02 WIB',
        first,
        'verified',
        'petugas Budi "Ucok", S.Sos',
        'BARU → DIVERIFIKASI',
        'public',
      ],
      [
        '2026-11-27 09:03 WIB',
        first,
        'note',
        'petugas Budi "Ucok", S.Sos',
        'internal',
        '[pesan terenkripsi]',
      ],
      [
        '2026-11-27 09:03 WIB',
        first,
        'personal_data_viewed',
        expect.stringMatching(/^koordinator /),
        'internal',
        'fields=nik,kk channel=test',
      ],
    ]);
    expect(out.at(-1)).toBe('5 event(s)');
    expect(result.stdout).not.toContain(who.nik);
    expect(result.stdout).not.toContain(who.kk);
    expect(result.stdout).not.toContain('survei');
  });

  it('prints what one staff member did across tickets, by full or short id, within days', async () => {
    const all = run.actor;
    expect(all.code).toBe(0);
    const out = lines(all.stdout);
    expect(out[0]).toBe(
      `Budi "Ucok", S.Sos (petugas, Puskesos Desa Cileunyi Kulon) · ${petugasId}`,
    );
    const rows = out.slice(2, -1).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      [first, 'personal_data_viewed'],
      [first, 'verified'],
      [first, 'note'],
      [second, 'claimed'],
    ]);
    expect(rows.every((r) => r[3] === 'petugas Budi "Ucok", S.Sos')).toBe(true);

    expect(lines(run.actorFrom.stdout).slice(2)).toEqual([
      expect.stringContaining(`2026-11-30 09:03 WIB  ${second}`),
      '1 event(s)',
    ]);
    expect(lines(run.actorTo.stdout).at(-1)).toBe('1 event(s)');
  });

  it('exports CSV with fixed columns and RFC 4180 quoting, to stdout or a 0600 file', async () => {
    const result = run.csv;
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(result.stdout);
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual([
      '2026-11-27 09:01 WIB',
      '2026-11-27T02:01:00.000Z',
      first,
      'personal_data_viewed',
      'petugas',
      petugasId,
      'Budi "Ucok", S.Sos',
      '',
      '',
      'internal',
      'fields=nik,kk channel=test',
    ]);
    expect(result.stdout).toContain(',"Budi ""Ucok"", S.Sos",');
    expect(result.stdout).toContain(',"fields=nik,kk channel=test"\r\n');

    const written = run.csvOut;
    expect(written.code).toBe(0);
    expect(lines(written.stdout)).toEqual([`wrote 5 event(s) to ${file}`]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(result.stdout);
  });
});

describeCliRefusals('audit', [
  [[], 'error: give either --ticket or --actor; usage: audit'],
  [['--ticket', 'PB-7K4M2Q', '--actor', 'abcdef'], 'error: give either --ticket or --actor'],
  [['--ticket', 'PB-12'], 'error: --ticket must be a code like PB-7K4M2Q'],
  [['--ticket', 'PB-ZZZZZZ'], 'error: no ticket PB-ZZZZZZ'],
  [['--actor', 'nobody1'], 'error: no staff member with id nobody1'],
  [['--ticket', 'PB-ZZZZZZ', '--from', '2026-02-30'], 'error: --from is not a calendar date'],
  [
    ['--actor', 'abcdef', '--from', '2026-12-02', '--to', '2026-12-01'],
    'error: --from is after --to',
  ],
  [['--ticket', 'PB-ZZZZZZ', '--out', 'x.csv'], 'error: --out writes a CSV file: add --csv'],
  [['--ticket', 'PB-ZZZZZZ', '--since', '2026-01-01'], "error: Unknown option '--since'"],
]);
