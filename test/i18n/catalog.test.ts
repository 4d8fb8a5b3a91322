import { describe, expect, expectTypeOf, it } from 'vitest';
import { type KkRefusal, type NikRefusal, validateKk, validateNik } from '../../src/core/nik.ts';
import {
  moveReferral,
  REFERRAL_ACTIONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralAction,
  type ReferralRefusal,
  type ReferralStatus,
} from '../../src/core/referral-lifecycle.ts';
import {
  moveTicket,
  TICKET_ACTIONS,
  TICKET_REJECT_REASONS,
  TICKET_STATUSES,
  type TicketAction,
  type TicketRefusal,
  type TicketStatus,
} from '../../src/core/ticket-lifecycle.ts';
import { en, id, su } from '../../src/i18n/catalogs.ts';
import { isLocale, type Key, LOCALES, t } from '../../src/i18n/translate.ts';

type Refusal = NikRefusal | KkRefusal | TicketRefusal | ReferralRefusal;

const KEYS = Object.keys(id) as Key[];
const TRANSLATIONS = { su, en } as const;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

function isKey(value: string): value is Key {
  return Object.hasOwn(id, value);
}

/** One input per refusal each validator can give, produced by the real validators. */
function everyRefusal(): Refusal[] {
  const areas = { hasRegency: (code: string) => code === '3204' };
  const today = new Date('2025-06-01T00:00:00Z');
  const refusals: Refusal[] = [];
  const collect = (result: { ok: true } | { ok: false; reason: Refusal }) => {
    if (!result.ok) refusals.push(result.reason);
  };
  for (const input of ['', 'A', 'O', '1', '12345678901234567', '9999051205900001']) {
    collect(validateNik(input, areas, { today }));
    collect(validateKk(input, areas));
  }
  collect(validateNik('3204053102990001', areas, { today }));
  collect(validateNik('3204051205900000', areas, { today }));
  const ticket = (from: TicketStatus, action: unknown) =>
    collect(moveTicket(from, action as TicketAction));
  ticket('BARU', { type: 'close' });
  ticket('BARU', { type: 'reject' });
  ticket('BARU', { type: 'reject', reason: 'other' });
  ticket('MENUNGGU_WARGA', { type: 'citizen_replied', resumeTo: 'SELESAI' });
  const referral = (from: ReferralStatus, action: unknown) =>
    collect(moveReferral(from, action as ReferralAction));
  referral('SELESAI', { type: 'accept' });
  referral('TERKIRIM', { type: 'reject', reason: '' });
  referral('DITERIMA', { type: 'complete' });
  return refusals;
}

describe('locale catalog', () => {
  it('offers id first, then su and en', () => {
    expect(LOCALES).toEqual(['id', 'su', 'en']);
  });

  describe.each(Object.entries(TRANSLATIONS))('%s', (_locale, catalog) => {
    it('has every id key and no other', () => {
      expect(Object.keys(catalog).sort()).toEqual([...KEYS].sort());
    });

    it.each(KEYS)('keeps the placeholders of %s', (key) => {
      expect(placeholders(catalog[key])).toEqual(placeholders(id[key]));
    });
  });

  it.each(Object.entries({ id, su, en }))('has no empty text in %s', (_locale, catalog) => {
    const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(Object.entries({ id, su, en }))(
    'keeps every sentence in %s short',
    (_locale, catalog) => {
      const long = Object.values(catalog)
        // A line break ends a sentence for the reader too (cards like /tiket's detail).
        .flatMap((text) => text.split(/(?<=[.?!])\s+|\n/))
        .filter((sentence) => sentence.split(/\s+/).length > 16);
      expect(long).toEqual([]);
    },
  );

  describe('covers the domain', () => {
    it('has a key for every refusal code, at compile time', () => {
      expectTypeOf<Refusal['code']>().toExtend<Key>();
      expectTypeOf<`status.ticket.${TicketStatus}`>().toExtend<Key>();
      expectTypeOf<`status.referral.${ReferralStatus}`>().toExtend<Key>();
    });

    it('has a key for every refusal the validators give, with all its placeholders', () => {
      const refusals = everyRefusal();
      const codes = new Set(refusals.map((refusal) => refusal.code));
      expect([...codes].sort()).toEqual([
        'kk.empty',
        'kk.length.long',
        'kk.length.short',
        'kk.letters',
        'kk.lookalike',
        'kk.unknownRegion',
        'nik.birthDate',
        'nik.empty',
        'nik.length.long',
        'nik.length.short',
        'nik.letters',
        'nik.lookalike',
        'nik.serial',
        'nik.unknownRegion',
        'referral.illegalMove',
        'referral.outcomeRequired',
        'referral.reasonRequired',
        'ticket.illegalMove',
        'ticket.noteRequired',
        'ticket.reasonRequired',
        'ticket.resumeInvalid',
      ]);
      for (const refusal of refusals) {
        expect(isKey(refusal.code), refusal.code).toBe(true);
        const text = isKey(refusal.code) ? id[refusal.code] : '';
        for (const name of placeholders(text)) expect(refusal).toHaveProperty(name);
      }
    });

    it('names every ticket and referral status', () => {
      const keys = [
        ...TICKET_STATUSES.map((status) => `status.ticket.${status}`),
        ...REFERRAL_STATUSES.map((status) => `status.referral.${status}`),
      ];
      expect(keys.filter((key) => !isKey(key))).toEqual([]);
    });

    it('names every action, reject reason and referral outcome', () => {
      const keys = [
        ...TICKET_ACTIONS.map((action) => `action.ticket.${action}`),
        ...REFERRAL_ACTIONS.map((action) => `action.referral.${action}`),
        ...TICKET_REJECT_REASONS.map((reason) => `ticket.rejectReason.${reason}`),
        ...REFERRAL_OUTCOMES.map((outcome) => `referral.outcome.${outcome}`),
      ];
      expect(keys.filter((key) => !isKey(key))).toEqual([]);
    });
  });
});

describe('t', () => {
  it('fills placeholders, numbers included', () => {
    expect(t('id', 'nik.length.short', { count: 15, missing: 1 })).toBe(
      'NIK harus 16 angka. Yang Anda kirim 15 angka, kurang 1. Coba cek lagi di KTP.',
    );
    expect(t('en', 'nik.length.long', { count: 17, extra: 1 })).toContain('17 digits, 1 too many');
  });

  it('explains an illegal move with human names', () => {
    const from = t('id', 'status.ticket.BARU');
    const action = t('id', 'action.ticket.close');
    expect(t('id', 'ticket.illegalMove', { from, action })).toBe(
      'Tiket dengan status "Baru masuk" tidak bisa ditutup.',
    );
    expect(
      t('su', 'ticket.illegalMove', {
        from: t('su', 'status.ticket.BARU'),
        action: t('su', 'action.ticket.close'),
      }),
    ).toBe('Tikét anu statusna "Nembé lebet" teu tiasa ditutup.');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(t('id', 'nik.length.short', { count: 15 })).toContain('kurang {missing}');
  });

  it('returns the text as is without params', () => {
    expect(t('su', 'status.ticket.SELESAI')).toBe('Réngsé');
  });

  it('falls back to Indonesian for an unknown locale', () => {
    expect(t('jv' as 'id', 'status.ticket.SELESAI')).toBe('Selesai');
  });

  it('falls back to Indonesian for an empty translation', () => {
    const saved = en['status.ticket.BARU'];
    en['status.ticket.BARU'] = '';
    try {
      expect(t('en', 'status.ticket.BARU')).toBe('Baru masuk');
    } finally {
      en['status.ticket.BARU'] = saved;
    }
  });

  it('recognises only the locales it has', () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(isLocale('jv')).toBe(false);
    expect(isLocale('toString')).toBe(false);
  });
});
