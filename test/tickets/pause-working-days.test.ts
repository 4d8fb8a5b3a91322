/**
 * While a ticket waits for the resident (MENUNGGU_WARGA) its SLA clock stops;
 * when the resident answers, the deadlines move by the working days the wait
 * lasted, on the real Lebaran 2026 calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const wib = (local: string) => new Date(`${local}+07:00`);

describe.each(PROVIDERS)('a pause over the Lebaran week (%s)', (provider) => {
  let h: DeskHarness;
  let petugas: InProcessChat;

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    h.clock.now = wib('2026-03-13T10:00:00');
    const { code } = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    petugas = h.channel.chat('pause-petugas');
    await petugas.send(`/masuk ${code}`);
  });
  afterAll(() => h.close());

  it('moves both deadlines by the three working days waited, not by ten calendar days', async () => {
    // Filed Friday 13 March: 3 working days are Mon 16, Tue 17 and, after
    // Nyepi, Idul Fitri and their cuti bersama (18–24 March), Wed 25.
    const resident = h.channel.chat('pause-resident');
    const code = await fileHelpRequest(resident);
    const filed = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(filed.slaDueAt).toEqual(wib('2026-03-25T23:59:59.999'));
    expect(filed.firstResponseDueAt).toEqual(wib('2026-03-16T23:59:59.999'));

    h.clock.now = wib('2026-03-16T10:00:00');
    await petugas.send(`/verifikasi ${code}`);
    await petugas.send(`/minta ${code} Mohon kirim foto KK`);
    expect((await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } })).status).toBe(
      'MENUNGGU_WARGA',
    );

    // The resident answers on Thursday 26 March: Tue 17, Wed 25 and Thu 26 were lost.
    h.clock.now = wib('2026-03-26T09:00:00');
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send('Sudah saya foto, ini KK saya');

    const resumed = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(resumed.status).toBe('DIVERIFIKASI');
    expect(resumed.slaPausedAt).toBeNull();
    // Three working days after Wed 25: Thu 26, Fri 27, Mon 30.
    expect(resumed.slaDueAt).toEqual(wib('2026-03-30T23:59:59.999'));
    // The first response was still due when the wait began: three working days after Mon 16.
    expect(resumed.firstResponseDueAt).toEqual(wib('2026-03-26T23:59:59.999'));
  });
});
