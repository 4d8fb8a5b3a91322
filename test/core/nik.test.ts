import { describe, expect, it } from 'vitest';
import { maskNik, validateKk, validateNik } from '../../src/core/nik.ts';

// Real regency codes: Kab. Bandung, Kota Bandung, Jakarta Selatan, Kab. Simeulue.
const KNOWN_REGENCIES = new Set(['3204', '3273', '3171', '1101']);
const areas = { hasRegency: (code4: string) => KNOWN_REGENCIES.has(code4) };
const today = new Date('2025-06-01T00:00:00Z');
const check = (input: string, now: Date = today) => validateNik(input, areas, { today: now });

const MALE = '3204051205900001'; // born 12-05-1990
const FEMALE = '3204055205900002'; // born 12-05-1990, day + 40

describe('NIK validation', () => {
  describe('accepts', () => {
    it('a valid male NIK and reads his birth date', () => {
      expect(check(MALE)).toEqual({ ok: true, value: MALE, birthDate: '1990-05-12', sex: 'male' });
    });

    it('a valid female NIK, whose day is written plus 40', () => {
      expect(check(FEMALE)).toEqual({
        ok: true,
        value: FEMALE,
        birthDate: '1990-05-12',
        sex: 'female',
      });
      expect(check('3273017112850003')).toMatchObject({ birthDate: '1985-12-31', sex: 'female' });
    });

    it.each([
      '3204 0512 0590 0001',
      '3204.05.120590.0001',
      '3204-0512-0590-0001',
      '3204–0512—0590 0001',
      '  3204051205900001\n',
    ])('%j once spaces, dots and dashes are dropped', (input) => {
      expect(check(input)).toMatchObject({ ok: true, value: MALE });
    });

    it('29 February in a leap year only', () => {
      expect(check('3204052902960001')).toMatchObject({ ok: true, birthDate: '1996-02-29' });
      expect(check('3204052902970001')).toEqual({ ok: false, reason: { code: 'nik.birthDate' } });
    });

    it('29-02-00 as 2000, because 1900 was not a leap year', () => {
      expect(check('3204052902000001')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    });

    it('an elder whose 20YY reading would be in the future, as 19YY', () => {
      expect(check('3204050101300001')).toMatchObject({ ok: true, birthDate: '1930-01-01' });
    });

    it('a child as 20YY, the later of two possible centuries', () => {
      expect(check('3204052405240001')).toMatchObject({ ok: true, birthDate: '2024-05-24' });
    });

    it('a baby born today anywhere in Indonesia, even before midnight UTC', () => {
      const lateEveningUtc = new Date('2025-05-31T16:00:00Z'); // 1 June 01:00 in Jayapura
      expect(check('3204050106250001', lateEveningUtc)).toMatchObject({
        ok: true,
        birthDate: '2025-06-01',
      });
    });

    it('without an injected today, using the clock', () => {
      expect(validateNik(MALE, areas)).toMatchObject({ ok: true });
    });
  });

  describe('refuses', () => {
    it.each(['', '   ', ' - . '])('%j as empty', (input) => {
      expect(check(input)).toEqual({ ok: false, reason: { code: 'nik.empty' } });
    });

    it.each(['3204AB1205900001', 'NIK 3204051205900001', '3204/0512/0590/0001'])(
      '%j for having letters or symbols',
      (input) => {
        expect(check(input)).toEqual({ ok: false, reason: { code: 'nik.letters' } });
      },
    );

    it.each(['32O4051205900001', '3204o51205900001', 'l204051205900001', '3204O5I2'])(
      '%j: a letter that looks like 0 or 1 is still an error, and says so',
      (input) => {
        expect(check(input)).toEqual({ ok: false, reason: { code: 'nik.lookalike' } });
      },
    );

    it('15 digits as one short', () => {
      expect(check('320405120590001')).toEqual({
        ok: false,
        reason: { code: 'nik.length.short', count: 15, missing: 1 },
      });
    });

    it('17 digits as one too many', () => {
      expect(check('32040512059000011')).toEqual({
        ok: false,
        reason: { code: 'nik.length.long', count: 17, extra: 1 },
      });
    });

    it('a few digits with the count found', () => {
      expect(check('3204 05')).toEqual({
        ok: false,
        reason: { code: 'nik.length.short', count: 6, missing: 10 },
      });
    });

    it.each(['9999051205900001', '3299051205900001', '0000051205900001'])(
      '%j for an unknown province or regency',
      (input) => {
        expect(check(input)).toEqual({
          ok: false,
          reason: { code: 'nik.unknownRegion', region: input.slice(0, 4) },
        });
      },
    );

    it.each([
      ['3204053102990001', '31 February'],
      ['3204057102990001', '31 February, female'],
      ['3204053104900001', '31 April'],
      ['3204050005900001', 'day 00'],
      ['3204054005900001', 'day 40, a female day 00'],
      ['3204053205900001', 'day 32'],
      ['3204057205900001', 'day 72, a female day 32'],
      ['3204051200900001', 'month 00'],
      ['3204051213900001', 'month 13'],
    ])('%s: impossible birth date (%s)', (input) => {
      expect(check(input)).toEqual({ ok: false, reason: { code: 'nik.birthDate' } });
    });

    it('a birth date in the future of the injected today', () => {
      // 29-02-00 can only be 2000 (1900 was not a leap year), which is after 15 January 2000.
      const nik = '3204052902000001';
      expect(check(nik, new Date('2000-01-15T00:00:00Z'))).toEqual({
        ok: false,
        reason: { code: 'nik.birthDate' },
      });
      expect(check(nik, new Date('2000-03-01T00:00:00Z'))).toMatchObject({ ok: true });
    });

    it('serial 0000', () => {
      expect(check('3204051205900000')).toEqual({ ok: false, reason: { code: 'nik.serial' } });
    });

    it('with the first problem found: letters, then length, region, date, serial', () => {
      expect(check('99990A')).toMatchObject({ reason: { code: 'nik.letters' } });
      expect(check('999905120590')).toMatchObject({ reason: { code: 'nik.length.short' } });
      expect(check('9999053102990000')).toMatchObject({ reason: { code: 'nik.unknownRegion' } });
      expect(check('3204053102990000')).toMatchObject({ reason: { code: 'nik.birthDate' } });
    });
  });
});

describe('KK validation', () => {
  const KK = '3204050101150003';

  it('accepts a valid KK number and returns only the number', () => {
    expect(validateKk(KK, areas)).toEqual({ ok: true, value: KK });
  });

  it('normalises spaces, dots and dashes', () => {
    expect(validateKk('3204 0501.0115-0003', areas)).toEqual({ ok: true, value: KK });
  });

  it('does not check the issue date or serial, by design', () => {
    expect(validateKk('3204059999990001', areas)).toMatchObject({ ok: true });
    expect(validateKk('3204050101150000', areas)).toMatchObject({ ok: true });
  });

  it.each([
    ['', { code: 'kk.empty' }],
    ['3204AB0101150003', { code: 'kk.letters' }],
    ['32O4050101150003', { code: 'kk.lookalike' }],
    ['320405010115000', { code: 'kk.length.short', count: 15, missing: 1 }],
    ['32040501011500031', { code: 'kk.length.long', count: 17, extra: 1 }],
    ['9999050101150003', { code: 'kk.unknownRegion', region: '9999' }],
  ])('refuses %j', (input, reason) => {
    expect(validateKk(input, areas)).toEqual({ ok: false, reason });
  });
});

describe('maskNik', () => {
  it('shows only the first 4 and last 4 digits', () => {
    expect(maskNik(MALE)).toBe('3204********0001');
    expect(maskNik('3204 0512 0590 0001')).toBe('3204********0001');
  });

  it('hides a short value entirely', () => {
    expect(maskNik('1234567')).toBe('*******');
    expect(maskNik('')).toBe('');
    expect(maskNik('320405120590')).toBe('3204****0590');
  });
});
