/**
 * NUL, control characters and bidi overrides never reach the database: what
 * a resident or a staff member sends is cleaned where the inbound message is
 * validated. On PostgreSQL a NUL used to fail the whole turn, because a text
 * column refuses it; now the resident files their request and gets the code.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openText } from '../../src/security/sealed-text.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

const DIRTY_NEED =
  'Ibu saya\u0000 sakit paru-paru, \u202Ebutuh\u202C biaya \u2066berobat\u2069\u200F ke RSUD.\u0007';
const CLEAN_NEED = 'Ibu saya sakit paru-paru, butuh biaya berobat ke RSUD.';

describe.each(PROVIDERS)('control characters on %s', (provider) => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h?.close());

  it('files a help request whose description has NUL and bidi overrides, stored without them', async () => {
    const resident = h.channel.chat(`cc-resident-${provider}`);

    const code = await fileHelpRequest(resident, newResident(), DIRTY_NEED);

    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { code } });
    expect(openText(testCipher(), ticket.description)).toBe(CLEAN_NEED);
  });

  it('stores a staff name and a command argument without them', async () => {
    const resident = h.channel.chat(`cc-resident-2-${provider}`);
    const code = await fileHelpRequest(resident, newResident());
    const { code: invite } = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    const staff = {
      channel: 'test' as const,
      conversationKey: `cc-staff-${provider}`,
      sender: { id: `cc-staff-${provider}`, name: 'Bu \u202EAni\u202C\u0000 Petugas' },
      receivedAt: h.clock.now,
      kind: 'text' as const,
    };

    await h.gateway.receive({ ...staff, messageId: randomUUID(), text: `/masuk ${invite}` });
    await h.gateway.receive({
      ...staff,
      messageId: randomUUID(),
      text: `/catatan ${code} sudah\u0000 ditelepon \u2067lewat\u2069 RT\u0085`,
    });

    const member = await h.db.prisma.staff.findFirstOrThrow({
      where: { identities: { some: { externalId: staff.sender.id } } },
    });
    expect(member.displayName).toBe('Bu Ani Petugas');
    const note = await h.db.prisma.ticketEvent.findFirstOrThrow({
      where: { ticket: { code }, visibility: 'internal' },
      orderBy: { createdAt: 'desc' },
    });
    expect(openText(testCipher(), note.message)).toBe('sudah ditelepon lewat RT');
  });
});
