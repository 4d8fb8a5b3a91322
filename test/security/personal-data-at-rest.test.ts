/**
 * The promise of UU PDP made concrete: after a resident files a help request
 * with their name, NIK and KK, and a petugas opens it with /tiket in their own
 * chat (where the full NIK is shown), nothing in the raw database, read the
 * way someone with a copy of the files or a dump would read it, contains the
 * NIK, the KK or the name in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { rawDatabaseText, rawSqliteFiles } from '../support/raw-database.ts';
import { fileHelpRequest, NAME, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

/** What a resident shared, as it could appear in raw bytes. */
function secretsOf(who: { nik: string; kk: string }): Record<string, string> {
  return { nik: who.nik, kk: who.kk, name: NAME };
}

function findSecrets(text: string, secrets: Record<string, string>): string[] {
  const haystack = text.toLowerCase();
  return Object.entries(secrets)
    .filter(([, value]) => haystack.includes(value.toLowerCase()))
    .map(([what]) => what);
}

describe.each(PROVIDERS)('personal data at rest on %s', (provider) => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h.close());

  it('keeps NIK, KK and name out of every table after filing and /tiket in a private chat', async () => {
    const invite = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    const petugas = h.channel.chat('pdp-petugas');
    await petugas.send(`/masuk ${invite.code}`);
    const resident = h.channel.chat('pdp-resident');
    const who = newResident();
    const code = await fileHelpRequest(resident, who);
    await petugas.drain();
    // The test means something only if the reply really quotes them.
    const detail = (await petugas.send(`/tiket ${code}`)).map((m) => m.text).join('\n');
    expect(detail).toContain(who.nik);
    expect(detail).toContain(NAME);
    // The two-way thread, where residents type their NIK and name as readily as anywhere.
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send(`Saya ${NAME}, NIK ${who.nik}, KK ${who.kk}. Kapan bisa ke kantor desa?`);
    await petugas.send(`/balas ${code} Besok jam 9 silakan ke kantor desa.`);
    expect((await resident.drain()).map((m) => m.text)).toHaveLength(1);

    const secrets = secretsOf(who);
    if (provider === 'postgresql') {
      expect(findSecrets(await rawDatabaseText(h.db), secrets)).toEqual([]);
      return;
    }
    const open = await rawSqliteFiles(h.db);
    expect(open.map((f) => f.name)).toContain('slrt.db-wal');
    for (const file of open) {
      expect({
        file: file.name,
        found: findSecrets(file.bytes.toString('latin1'), secrets),
      }).toEqual({ file: file.name, found: [] });
    }
    await h.db.prisma.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    await h.db.close();
    for (const file of await rawSqliteFiles(h.db)) {
      expect({
        file: file.name,
        found: findSecrets(file.bytes.toString('latin1'), secrets),
      }).toEqual({ file: file.name, found: [] });
    }
  });
});
