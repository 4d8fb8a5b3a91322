import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../src/seed/seed.ts';
import {
  createInvite,
  type InviteRequest,
  InviteRequestError,
} from '../../src/staff/create-invite.ts';
import { inviteCodeHash, normaliseInviteCode } from '../../src/staff/invite-code.ts';
import { testCipher } from '../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../support/test-database.ts';

const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const cipher = testCipher();

describe.each(PROVIDERS)('createInvite (%s)', (provider) => {
  let t: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    t = await openTestDatabase(provider);
    await seed(t.db.prisma, { regionCode: '32.04', examples: true });
  });
  afterAll(() => t.drop());

  it('gives a petugas of a desa a readable one-time code valid for the TTL', async () => {
    const now = new Date('2026-11-27T03:00:00Z');

    const invite = await createInvite(t.db.prisma, cipher, {
      role: 'petugas',
      unitCode: '32.04.05.2001',
      ttlHours: 72,
      now,
    });

    expect(invite.code).toMatch(CODE);
    expect(invite).toMatchObject({
      role: 'petugas',
      unitName: 'Puskesos Desa Cileunyi Kulon',
      partnerName: null,
    });
    expect(invite.expiresAt.toISOString()).toBe('2026-11-30T03:00:00.000Z');
    const row = await t.db.prisma.invite.findUniqueOrThrow({
      where: { codeHash: inviteCodeHash(cipher, invite.code) },
      include: { unit: { select: { code: true } } },
    });
    expect(row).toMatchObject({ role: 'petugas', partnerId: null, usedAt: null });
    expect(row.unit.code).toBe('32.04.05.2001');
    expect(row.expiresAt.getTime()).toBe(now.getTime() + 72 * 3_600_000);
  });

  it('stores only a keyed hash: the code itself is in no column', async () => {
    const invite = await createInvite(t.db.prisma, cipher, {
      role: 'petugas',
      unitCode: '32.04.05.2002',
      ttlHours: 1,
    });

    const row = await t.db.prisma.invite.findUniqueOrThrow({
      where: { codeHash: inviteCodeHash(cipher, invite.code) },
    });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(invite.code);
    expect(stored).not.toContain(invite.code.replace('-', ''));
    // What a person types, however sloppily, finds the same row.
    const typed = normaliseInviteCode(` ${invite.code.toLowerCase().replace('-', ' ')} `);
    expect(typed && inviteCodeHash(cipher, typed)).toBe(row.codeHash);
  });

  it('gives a partner contact an invite bound to the partner', async () => {
    const invite = await createInvite(t.db.prisma, cipher, {
      role: 'mitra',
      unitCode: '32.04',
      partnerCode: 'contoh-baznas',
      ttlHours: 24,
    });

    expect(invite.partnerName).toBe('BAZNAS Kabupaten Bandung (contoh)');
    const row = await t.db.prisma.invite.findUniqueOrThrow({
      where: { codeHash: inviteCodeHash(cipher, invite.code) },
      include: { partner: true },
    });
    expect(row.partner?.code).toBe('contoh-baznas');
  });

  it('accepts a koordinator of a kecamatan and an admin of the kabupaten', async () => {
    await expect(
      createInvite(t.db.prisma, cipher, { role: 'koordinator', unitCode: '32.04.05', ttlHours: 1 }),
    ).resolves.toMatchObject({ unitName: 'SLRT Kecamatan Cileunyi' });
    await expect(
      createInvite(t.db.prisma, cipher, { role: 'admin', unitCode: '32.04', ttlHours: 1 }),
    ).resolves.toMatchObject({ unitName: 'SLRT Kabupaten Bandung' });
  });

  const refusals: [string, Omit<InviteRequest, 'ttlHours'>, RegExp][] = [
    [
      'an unknown unit',
      { role: 'petugas', unitCode: '32.04.99.9999' },
      /unknown unit "32\.04\.99\.9999"/,
    ],
    [
      'a petugas on a kecamatan unit',
      { role: 'petugas', unitCode: '32.04.05' },
      /petugas belongs to a desa or kelurahan unit, but 32\.04\.05 .* is a kecamatan/,
    ],
    [
      'a koordinator on a desa',
      { role: 'koordinator', unitCode: '32.04.05.2001' },
      /koordinator belongs to a kecamatan .* unit, but 32\.04\.05\.2001 .* is a desa/,
    ],
    [
      'an admin below the kabupaten',
      { role: 'admin', unitCode: '32.04.05' },
      /admin belongs to a kabupaten or kota unit, but 32\.04\.05 .* is a kecamatan/,
    ],
    [
      'a mitra without a partner',
      { role: 'mitra', unitCode: '32.04' },
      /mitra invite needs --partner/,
    ],
    [
      'a mitra of an unknown partner',
      { role: 'mitra', unitCode: '32.04', partnerCode: 'tidak-ada' },
      /unknown or inactive partner "tidak-ada"/,
    ],
    [
      'a partner for a role other than mitra',
      { role: 'petugas', unitCode: '32.04.05.2001', partnerCode: 'contoh-baznas' },
      /--partner is only for role mitra, not petugas/,
    ],
  ];

  it.each(refusals)('refuses %s, saying why, and stores nothing', async (_, request, message) => {
    const before = await t.db.prisma.invite.count();

    const attempt = createInvite(t.db.prisma, cipher, { ...request, ttlHours: 72 });

    await expect(attempt).rejects.toThrow(InviteRequestError);
    await expect(attempt).rejects.toThrow(message);
    expect(await t.db.prisma.invite.count()).toBe(before);
  });
});

describe('normaliseInviteCode', () => {
  it('forgives lowercase, spaces and a missing dash', () => {
    expect(normaliseInviteCode('k7m2q-9xapr')).toBe('K7M2Q-9XAPR');
    expect(normaliseInviteCode('  K7M2Q 9XAPR ')).toBe('K7M2Q-9XAPR');
    expect(normaliseInviteCode('K7M2Q9XAPR')).toBe('K7M2Q-9XAPR');
  });

  it('reads O as zero and I or L as one', () => {
    expect(normaliseInviteCode('OOIIL-ollio')).toBe('00111-01110');
  });

  it('rejects a code of the wrong length or with letters outside the alphabet', () => {
    expect(normaliseInviteCode('K7M2Q-9XAP')).toBeNull();
    expect(normaliseInviteCode('K7M2Q-9XAPRR')).toBeNull();
    expect(normaliseInviteCode('')).toBeNull();
    expect(normaliseInviteCode('K7M2Q-9XAPU')).toBeNull();
  });
});
