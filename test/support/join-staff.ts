/**
 * A staff member joining the desk the way a real one does: an invite created
 * for the role and unit, then `/masuk <code>` from that person's chat.
 */
import type { InProcessChat } from '../../src/channels/in-process/in-process-channel.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import type { DeskHarness } from './desk-harness.ts';
import { testCipher } from './test-cipher.ts';

/** Invites and joins `key` as `role` of `unitCode` (and `partnerCode` for a mitra); returns its chat. */
export async function joinStaff(
  h: DeskHarness,
  key: string,
  role: StaffRole,
  unitCode: string,
  partnerCode?: string,
): Promise<InProcessChat> {
  const { code } = await createInvite(h.db.prisma, testCipher(), {
    role,
    unitCode,
    partnerCode,
    ttlHours: 1,
    now: h.clock.now,
  });
  const chat = h.channel.chat(key);
  await chat.send(`/masuk ${code}`);
  return chat;
}
