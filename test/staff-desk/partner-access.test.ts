/**
 * A partner's access ends with its referral and with its partnership: a
 * declined or cancelled referral reads like a code that does not exist, a
 * finished one stays readable for a week, and an invite to a partnership
 * that has ended opens nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Key, t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/staff/create-invite.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { PARTNER_READ_AFTER_OUTCOME_DAYS } from '../../src/staff-desk/ticket-access.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { fileHelpRequest } from '../support/resident-scripts.ts';
import { testCipher } from '../support/test-cipher.ts';
import { PROVIDERS } from '../support/test-database.ts';

type Chat = ReturnType<DeskHarness['channel']['chat']>;
const say = (key: Key, params?: Record<string, string | number>) => t('id', key, params);
const DAY = 24 * 60 * 60 * 1000;

describe.each(PROVIDERS)('partner access on %s', (provider) => {
  let h: DeskHarness;
  let staff: Chat;
  let partner: Chat;
  let partnerName: string;

  async function invite(role: StaffRole, unitCode: string, partnerCode?: string) {
    return createInvite(h.db.prisma, testCipher(), {
      role,
      unitCode,
      partnerCode,
      ttlHours: 1,
      now: h.clock.now,
    });
  }

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    staff = h.channel.chat('access-staff');
    partner = h.channel.chat('access-baznas');
    await staff.send(`/masuk ${(await invite('petugas', '32.04.05.2001')).code}`);
    await partner.send(`/masuk ${(await invite('mitra', '32.04', 'contoh-baznas')).code}`);
    partnerName = (
      await h.db.prisma.partner.findUniqueOrThrow({ where: { code: 'contoh-baznas' } })
    ).name;
  });
  afterAll(() => h.close());

  /** One line, as a partner reads it. */
  async function answer(chat: Chat, command: string): Promise<string> {
    await chat.drain();
    return (await chat.send(command)).map((r) => r.text).join('\n');
  }

  const notFound = (code: string) => say('partner.notFound', { code, partner: partnerName });

  /** A resident's request, verified and referred to BAZNAS. */
  async function referred(key: string): Promise<string> {
    const code = await fileHelpRequest(h.channel.chat(key));
    await staff.send(`/verifikasi ${code}`);
    expect(await answer(staff, `/rujuk ${code} contoh-baznas mohon dibantu`)).toMatch(
      new RegExp(`^${code} dirujuk ke BAZNAS`),
    );
    return code;
  }

  it('leaves nothing to a partner that declined the referral, until it is referred again', async () => {
    const code = await referred('access-declined');
    expect(await answer(partner, `/tiket ${code}`)).toMatch(
      new RegExp(`^Rujukan ${code} · TERKIRIM`),
    );
    expect(await answer(partner, `/tolak ${code} kuota habis`)).toMatch(
      new RegExp(`^Rujukan ${code} ditolak`),
    );
    for (const command of [
      `/tiket ${code}`,
      `/terima ${code}`,
      `/tolak ${code} salah kirim`,
      `/tuntas ${code} berhasil`,
    ]) {
      expect(await answer(partner, command)).toBe(notFound(code));
    }
    expect(await answer(partner, '/rujukan')).not.toContain(code);

    // Referred to it again, the partner works the ticket again.
    await staff.send(`/rujuk ${code} contoh-baznas coba lagi bulan ini`);
    expect(await answer(partner, `/tiket ${code}`)).toMatch(
      new RegExp(`^Rujukan ${code} · TERKIRIM`),
    );
  });

  it('leaves nothing to a partner whose referral was cancelled', async () => {
    const code = await referred('access-cancelled');
    await h.db.prisma.referral.updateMany({
      where: { ticket: { code } },
      data: { status: 'DIBATALKAN', reason: 'salah mitra' },
    });
    for (const command of [`/tiket ${code}`, `/terima ${code}`, `/tolak ${code} salah kirim`]) {
      expect(await answer(partner, command)).toBe(notFound(code));
    }
  });

  it('lets a partner read a finished referral for a week, and change nothing', async () => {
    const code = await referred('access-finished');
    await partner.send(`/terima ${code}`);
    expect(await answer(partner, `/tuntas ${code} berhasil`)).toMatch(
      new RegExp(`^Rujukan ${code} tuntas`),
    );
    expect(await answer(partner, `/tiket ${code}`)).toMatch(
      new RegExp(`^Rujukan ${code} · SELESAI`),
    );
    expect(await answer(partner, `/tuntas ${code} berhasil`)).toBe(
      say('staff.illegalMove', {
        code,
        status: 'SELESAI',
        action: say('action.referral.complete'),
      }),
    );
    h.clock.advance((PARTNER_READ_AFTER_OUTCOME_DAYS + 1) * DAY);
    expect(await answer(partner, `/tiket ${code}`)).toBe(notFound(code));
  });

  it('opens nothing with an invite made before the partnership ended', async () => {
    const code = (await invite('mitra', '32.04', 'contoh-disdik')).code;
    await h.db.prisma.partner.update({ where: { code: 'contoh-disdik' }, data: { active: false } });
    const chat = h.channel.chat('access-late-contact');
    expect(await answer(chat, `/masuk ${code}`)).toBe(say('staff.join.invalid'));
    expect(
      await h.db.prisma.invite.count({
        where: { usedAt: { not: null }, partner: { code: 'contoh-disdik' } },
      }),
    ).toBe(0);
  });
});
