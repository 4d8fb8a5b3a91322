import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';

describe('a staff command the database fails in the middle of', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  it('gets one apology and changes nothing', async () => {
    const { code: invite } = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    const staff = h.channel.chat('failing-staff');
    await staff.send(`/masuk ${invite}`);
    const code = await fileHelpRequest(h.channel.chat('failing-resident'));
    await staff.drain();
    // The audit trail cannot be written any more: the command fails after moving the ticket.
    await h.db.prisma.$executeRawUnsafe('DROP TABLE "TicketEvent"');
    expect((await staff.send(`/verifikasi ${code}`)).map((r) => r.text)).toEqual([
      t('id', 'staff.failed'),
    ]);
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(ticket.status).toBe('BARU');
  });
});
