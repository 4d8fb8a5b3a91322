/**
 * The operator's side of revocation: `staff list`, `staff revoke` and
 * `partners deactivate|activate` run as an admin runs them (a child process on
 * the desk's database), then the person concerned writes to the running desk
 * and meets the result. The refusals run the same CLI in-process, last, to
 * keep the file fast: a second SQLite client closed in this process leaves
 * the harness's connection blind to the child processes' later writes (POSIX
 * file locks are per process), so nothing reads through the harness after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { runCli as runCliInProcess } from '../../src/cli/run-cli.ts';
import { type Key, type Params, t } from '../../src/i18n/translate.ts';
import { shortStaffId } from '../../src/staff/staff-short-id.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { joinStaff } from '../support/join-staff.ts';
import { lines, runCli } from '../support/run-process.ts';
import { TEST_KEY_HEX } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const say = (key: Key, params?: Params) => t('id', key, params);
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const BAZNAS = 'BAZNAS Kabupaten Bandung (contoh)';
/** Each child process starts tsx, migrates and seeds: seconds each, more on a busy machine. */
const CHILD_RUNS_MS = 120_000;

describe.each(PROVIDERS)('revocation from the admin CLI on %s', (provider) => {
  let h: DeskHarness;
  async function slrt(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const env = { DATABASE_URL: h.url, DATA_ENCRYPTION_KEY: TEST_KEY_HEX, LOG_LEVEL: 'silent' };
    const code = await runCliInProcess(args, io, env);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  let petugas: InProcessChat;
  let mitra: InProcessChat;
  let petugasId: string;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    petugas = await joinStaff(h, '6281200000011', 'petugas', '32.04.05.2001');
    await joinStaff(h, 'koor-cileunyi', 'koordinator', '32.04.05');
    await joinStaff(h, 'petugas-cimenyan', 'petugas', '32.04.06.2003');
    mitra = await joinStaff(h, 'baznas-1', 'mitra', '32.04', 'contoh-baznas');
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: '6281200000011' },
    });
    petugasId = identity.staffId ?? '';
    await h.db.prisma.staff.update({
      where: { id: petugasId },
      data: { displayName: 'Siti Aminah' },
    });
    await petugas.drain();
    await mitra.drain();
  });
  afterAll(() => h.close());

  it(
    'lists staff with masked names and never a phone number',
    async () => {
      const all = await runCli(h.url, 'staff', 'list');
      expect(all.code).toBe(0);
      const out = lines(all.stdout);
      expect(out[0]).toMatch(/^ID\s+ROLE\s+UNIT\s+PARTNER\s+NAME\s+STATE\s+LAST SEEN \(WIB\)$/);
      expect(out.find((l) => l.startsWith(shortStaffId(petugasId)))).toMatch(
        /^\w{6}\s+petugas\s+32\.04\.05\.2001\s+-\s+S\*\*\* A\*\*\*\*\*\s+active\s+2026-11-27 09:00$/,
      );
      expect(out.find((l) => l.includes('mitra'))).toMatch(/\s+32\.04\s+contoh-baznas\s+/);
      expect(out.at(-1)).toBe('4 staff member(s)');
      expect(all.stdout).not.toMatch(/Siti|Aminah|6281200000011/);
    },
    CHILD_RUNS_MS,
  );

  it(
    'revokes a staff member: told once, their next command through the desk is refused',
    async () => {
      const id = shortStaffId(petugasId);
      const revoked = await runCli(h.url, 'staff', 'revoke', id, '--reason', 'pensiun');
      expect(revoked.stderr).toBe('');
      expect(revoked.code).toBe(0);
      expect(lines(revoked.stdout)[0]).toBe(
        `revoked ${id} (petugas, 32.04.05.2001): their next command is refused.`,
      );

      expect(texts(await petugas.drain())).toEqual([
        say('staffAdmin.revoke.notice', {
          role: 'petugas',
          unit: 'Puskesos Desa Cileunyi Kulon',
          by: 'admin Dinas Sosial',
          reason: say('staffAdmin.revoke.reason', { reason: 'pensiun' }),
        }),
      ]);
      expect(texts(await petugas.send('/antrian'))).toEqual([say('staffAdmin.revoked')]);
      const after = await h.db.prisma.staff.findUniqueOrThrow({ where: { id: petugasId } });
      expect(after.active).toBe(false);
      expect(after.revokedAt).not.toBeNull();
      expect(after.revokedById).toBeNull();
    },
    CHILD_RUNS_MS,
  );

  it(
    'deactivates a partner: its contact is refused every command until it is activated again',
    async () => {
      expect(texts(await mitra.send('/rujukan'))).toEqual([
        say('partner.referrals.empty', { partner: BAZNAS }),
      ]);

      const off = await runCli(h.url, 'partners', 'deactivate', 'contoh-baznas');
      expect(off.code).toBe(0);
      expect(lines(off.stdout)).toEqual([
        `contoh-baznas (${BAZNAS}) deactivated: its 1 contact(s) are refused every command and its unused invites open nothing.`,
      ]);
      for (const command of ['/rujukan', '/bantuan', '/tiket PB-7K4M2Q']) {
        expect(texts(await mitra.send(command)), command).toEqual([
          say('partner.inactive', { partner: BAZNAS }),
        ]);
      }

      const on = await runCli(h.url, 'partners', 'activate', 'contoh-baznas');
      expect(on.code).toBe(0);
      expect(texts(await mitra.send('/rujukan'))).toEqual([
        say('partner.referrals.empty', { partner: BAZNAS }),
      ]);
    },
    CHILD_RUNS_MS,
  );

  it(
    'filters the list by unit subtree and role, and refuses wrong requests with one line',
    async () => {
      const id = shortStaffId(petugasId);
      const filtered = await slrt('staff', 'list', '--unit', '32.04.05', '--role', 'petugas');
      expect(filtered.code).toBe(0);
      expect(lines(filtered.stdout).slice(1, -1)).toEqual([
        expect.stringMatching(
          new RegExp(`^${id}\\s+petugas\\s+32\\.04\\.05\\.2001\\s.*\\srevoked `),
        ),
      ]);
      const refusals: [string[], string | RegExp][] = [
        [['staff', 'list', '--role', 'raja'], /^error: --role "raja"/],
        [['staff', 'revoke', id], `error: ${id} (petugas, 32.04.05.2001) is already inactive`],
        [['staff', 'revoke', 'zzzzzz'], /^error: no staff member "zzzzzz"/],
        [['staff', 'revoke'], /^error: usage: staff revoke <id>/],
        [['partners', 'deactivate', 'tidak-ada'], /^error: unknown partner "tidak-ada"/],
        [['partners', 'activate', 'contoh-baznas'], /^contoh-baznas .* is already active$/],
      ];
      for (const [args, answer] of refusals) {
        const result = await slrt(...args);
        const said = lines(result.code === 0 ? result.stdout : result.stderr);
        expect(said, args.join(' ')).toEqual([
          typeof answer === 'string' ? answer : expect.stringMatching(answer),
        ]);
      }
    },
    CHILD_RUNS_MS,
  );
});
