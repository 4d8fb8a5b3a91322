import { describe, expect, it } from 'vitest';
import { audienceOf, disclosureFor } from '../../src/staff-desk/audience.ts';

const NIK = '3204054512900001';
const TYPED = `NIK ${NIK}, hp 0812-3456-7890`;

describe('audienceOf', () => {
  it('reads a private chat as its owner, a group as colleagues, a shared screen as anyone', () => {
    expect(audienceOf({ chatType: 'private', sharedScreen: false })).toBe('owner');
    expect(audienceOf({ chatType: 'group', sharedScreen: false })).toBe('colleagues');
    expect(audienceOf({ chatType: 'private', sharedScreen: true })).toBe('anyone');
  });
});

describe('disclosureFor', () => {
  it('shows a staff member everything in their own chat, documents too', () => {
    const show = disclosureFor('owner');
    expect([show.idNumber(NIK), show.name('Siti Aminah'), show.freeText(TYPED)]).toEqual([
      NIK,
      'Siti Aminah',
      TYPED,
    ]);
    expect(show.files).toBe(true);
  });

  it('masks NIK and KK for a group, also inside what the resident typed', () => {
    const show = disclosureFor('colleagues');
    expect([show.idNumber(NIK), show.name('Siti Aminah'), show.freeText(TYPED)]).toEqual([
      '3204********0001',
      'Siti Aminah',
      'NIK 3204********0001, hp 0812-3456-7890',
    ]);
    expect(show.files).toBe(false);
  });

  it('masks names and every long number too where anyone may read', () => {
    const show = disclosureFor('anyone');
    expect([show.idNumber(NIK), show.name('Siti Aminah'), show.freeText(TYPED)]).toEqual([
      '3204********0001',
      'S*** A*****',
      'NIK 3204********0001, hp 0812****7890',
    ]);
    expect(show.files).toBe(false);
  });

  it('leaves a placeholder word where there is no NIK', () => {
    expect(disclosureFor('anyone').idNumber('tidak ada')).toBe('tidak ada');
  });
});
