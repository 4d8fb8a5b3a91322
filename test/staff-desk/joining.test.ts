import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import { JOIN_MAX_FAILURES } from '../../src/staff-desk/commands/join.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest, newResident } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { usagePattern } from './usage-pattern.ts';

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe.each(PROVIDERS)('joining with /masuk and working from a group on %s', (provider) => {
  let h: DeskHarness;
  const invite = (role: 'petugas' | 'mitra' = 'petugas', ttlHours = 1) =>
    createInvite(h.db.prisma, testCipher(), {
      role,
      unitCode: '32.04.05.2001',
      partnerCode: role === 'mitra' ? 'contoh-baznas' : undefined,
      ttlHours,
      now: h.clock.now,
    });

  beforeAll(async () => {
    h = await startDeskHarness(provider);
  });
  afterAll(() => h.close());

  it('binds the chat to the invite once, whatever the case and dashes typed', async () => {
    const { code } = await invite();
    const typed = code.toLowerCase().replace('-', ' ');
    expect(texts(await h.channel.chat('join-1').send(`/masuk ${typed}`))).toEqual([
      t('id', 'staff.join.ok', {
        role: 'petugas',
        unit: 'Puskesos Desa Cileunyi Kulon',
        partner: '',
      }),
    ]);
    const staff = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'join-1' },
      include: { staff: true },
    });
    expect(staff.staff?.role).toBe('petugas');
    // Spent: a second chat gets the same answer as a wrong code.
    expect(texts(await h.channel.chat('join-2').send(`/masuk ${code}`))).toEqual([
      t('id', 'staff.join.invalid'),
    ]);
    expect(texts(await h.channel.chat('join-1').send(`/masuk ${code}`))).toEqual([
      t('id', 'staff.join.already', { role: 'petugas', unit: 'Puskesos Desa Cileunyi Kulon' }),
    ]);
  });

  it('refuses an expired code and locks a chat out after repeated wrong codes', async () => {
    const expired = await invite('petugas', 1);
    h.clock.advance(2 * 3_600_000);
    const chat = h.channel.chat('guesser');
    expect(texts(await chat.send(`/masuk ${expired.code}`))).toEqual([
      t('id', 'staff.join.invalid'),
    ]);
    for (let i = 1; i < JOIN_MAX_FAILURES; i += 1) {
      expect(texts(await chat.send('/masuk AAAAA-BBBBB'))).toEqual([t('id', 'staff.join.invalid')]);
    }
    const fresh = await invite();
    expect(texts(await chat.send(`/masuk ${fresh.code}`))).toEqual([
      t('id', 'staff.join.lockedOut', { minutes: 30 }),
    ]);
    expect(
      await h.db.prisma.invite.count({ where: { usedAt: { not: null }, id: { not: '' } } }),
    ).toBe(1);
    h.clock.advance(31 * 60_000);
    expect(texts(await chat.send(`/masuk ${fresh.code}`))[0]).toMatch(/^Selamat bergabung/);
  });

  it('makes a group the unit staff room: tickets are announced there with NIK and KK masked', async () => {
    const { code } = await invite();
    const room = h.channel.groupChat('room-cileunyi-kulon', 'room-member-1');
    expect(texts(await room.send(`/masuk@slrt_bot ${code}`))).toEqual([
      expect.stringMatching(/^Selamat bergabung/),
      t('id', 'staff.join.room', { unit: 'Puskesos Desa Cileunyi Kulon' }),
    ]);
    // Chatter between colleagues gets no answer in a group.
    expect(await room.send('siapa yang ke lapangan hari ini?')).toEqual([]);
    const who = newResident();
    const ticketCode = await fileHelpRequest(h.channel.chat('room-resident'), who);
    const [announcement] = await room.drain();
    expect(announcement?.text).toContain(`Tiket baru ${ticketCode}`);
    expect(announcement?.options.map((o) => o.id)).toEqual([
      `/tiket ${ticketCode}`,
      `/ambil ${ticketCode}`,
    ]);
    const detail = texts(await room.send(`/tiket ${ticketCode}`)).join('\n');
    expect(detail).not.toContain(who.nik);
    expect(detail).not.toContain(who.kk);
    expect(detail).toContain(`NIK: ${who.nik.slice(0, 4)}********${who.nik.slice(-4)}`);
    // The same staff member in a private chat sees the NIK in full, to check it.
    const privately = texts(await h.channel.chat('room-member-1').send(`/tiket ${ticketCode}`));
    expect(privately.join('\n')).toContain(`NIK: ${who.nik}`);
  });

  it('answers a resident-only chat that tries a staff command, and a wrong command from staff', async () => {
    expect(texts(await h.channel.chat('curious-resident').send('/antrian'))).toEqual([
      t('id', 'staff.notStaff'),
    ]);
    const staff = h.channel.chat('join-1');
    await staff.drain();
    expect(texts(await staff.send('/antri'))).toEqual([
      t('id', 'staff.unknownCommand', { command: '/antri' }),
    ]);
    expect(texts(await staff.send('/ambil'))).toEqual([
      expect.stringMatching(usagePattern('staff.usage.ambil')),
    ]);
    expect(texts(await staff.send('/ambil PB-ZZZZZZ'))).toEqual([
      t('id', 'staff.ticketNotFound', { code: 'PB-ZZZZZZ' }),
    ]);
    expect(texts(await staff.send('halo'))).toEqual([t('id', 'staff.notCommand')]);
  });
});
