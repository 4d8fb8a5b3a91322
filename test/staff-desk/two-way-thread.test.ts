import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const UNIT = 'Puskesos Desa Cileunyi Kulon';

describe('the two-way thread between a resident and the unit', () => {
  let h: DeskHarness;
  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
  });
  afterAll(() => h.close());

  it('carries /balas to the resident and the resident\'s "Hubungi petugas" messages to staff', async () => {
    const invite = await createInvite(h.db.prisma, testCipher(), {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 1,
      now: h.clock.now,
    });
    const staff = h.channel.chat('thread-staff');
    await staff.send(`/masuk ${invite.code}`);
    const resident = h.channel.chat('thread-resident');
    const who = newResident();
    const code = await fileHelpRequest(resident, who);
    await staff.drain();

    expect(texts(await staff.send(`/balas ${code} Besok jam 9 silakan ke kantor desa.`))).toEqual([
      t('id', 'staff.reply.ok', { code }),
    ]);
    expect(texts(await resident.drain())).toEqual([
      t('id', 'contact.staffReply', { unit: UNIT, text: 'Besok jam 9 silakan ke kantor desa.' }),
    ]);

    // The resident answers through the menu; the unit's chat gets it, NIK masked.
    await resident.send('menu');
    await resident.send({ optionId: 'contact' });
    await resident.send('1');
    await resident.send(`Baik pak, NIK saya ${who.nik}, saya datang besok.`);
    const [forwarded] = texts(await staff.drain());
    expect(forwarded).toBe(
      t('id', 'staff.announce.residentMessage', {
        code,
        text: `Baik pak, NIK saya ${who.nik.slice(0, 4)}********${who.nik.slice(-4)}, saya datang besok.`,
      }),
    );

    const thread = await h.db.prisma.threadMessage.findMany({
      where: { ticket: { code } },
      orderBy: { createdAt: 'asc' },
      select: { direction: true, staffId: true },
    });
    expect(thread.map((m) => m.direction)).toEqual(['to_citizen', 'from_citizen']);
    expect(thread[0]?.staffId).not.toBeNull();
    // The reply is in the audit trail as a public message; the timeline never shows its words.
    const event = await h.db.prisma.ticketEvent.findFirstOrThrow({
      where: { ticket: { code }, type: 'staff_message' },
    });
    expect([event.visibility, event.actorKind]).toEqual(['public', 'petugas']);
  });
});
