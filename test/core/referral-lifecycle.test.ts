import { describe, expect, it } from 'vitest';
import {
  allowedReferralActions,
  isReferralOpen,
  moveReferral,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  type ReferralAction,
  type ReferralActionType,
  type ReferralStatus,
  ticketActionFor,
} from '../../src/core/referral-lifecycle.ts';
import { moveTicket, type TicketStatus } from '../../src/core/ticket-lifecycle.ts';

// Written out by hand, independently of the table, so a change to the table fails here.
const STATUSES: ReferralStatus[] = ['TERKIRIM', 'DITERIMA', 'SELESAI', 'DITOLAK', 'DIBATALKAN'];
const ACTIONS: ReferralActionType[] = ['accept', 'reject', 'complete', 'cancel'];
const LEGAL: ReadonlyArray<readonly [ReferralStatus, ReferralActionType, ReferralStatus]> = [
  ['TERKIRIM', 'accept', 'DITERIMA'],
  ['TERKIRIM', 'reject', 'DITOLAK'],
  ['TERKIRIM', 'cancel', 'DIBATALKAN'],
  ['DITERIMA', 'complete', 'SELESAI'],
  ['DITERIMA', 'cancel', 'DIBATALKAN'],
];

function sample(type: ReferralActionType): ReferralAction {
  if (type === 'accept') return { type };
  if (type === 'complete') return { type, outcome: 'berhasil' };
  return { type, reason: 'Di luar wilayah layanan kami' };
}

function expectedTarget(from: ReferralStatus, action: ReferralActionType) {
  return LEGAL.find(([f, a]) => f === from && a === action)?.[2];
}

const refusedFor = (code: string) => ({ ok: false, reason: { code } });

describe('referral lifecycle', () => {
  it('has exactly the statuses and actions of the design', () => {
    expect([...REFERRAL_STATUSES].sort()).toEqual([...STATUSES].sort());
    expect([...REFERRAL_ACTIONS].sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(REFERRAL_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  describe('every status × action', () => {
    const cells = REFERRAL_STATUSES.flatMap((from) =>
      REFERRAL_ACTIONS.map((action) => ({ from, action, to: expectedTarget(from, action) })),
    );

    it('covers the full cross product: 5 legal and 15 illegal cells', () => {
      expect(cells).toHaveLength(20);
      expect(cells.filter((cell) => cell.to !== undefined)).toHaveLength(5);
    });

    for (const { from, action, to } of cells) {
      if (to !== undefined) {
        it(`allows ${action} from ${from} to ${to}`, () => {
          expect(moveReferral(from, sample(action))).toEqual({ ok: true, to });
        });
      } else {
        it(`refuses ${action} from ${from}`, () => {
          expect(moveReferral(from, sample(action))).toEqual({
            ok: false,
            reason: { code: 'referral.illegalMove', from, action },
          });
        });
      }
    }
  });

  describe('reasons and outcomes', () => {
    it.each(['', '   ', undefined])('refuses a rejection with reason %j', (reason) => {
      const action = { type: 'reject', reason } as ReferralAction;
      expect(moveReferral('TERKIRIM', action)).toEqual(refusedFor('referral.reasonRequired'));
    });

    it.each(['', '  \n', undefined])('refuses a cancellation with reason %j', (reason) => {
      const action = { type: 'cancel', reason } as ReferralAction;
      expect(moveReferral('TERKIRIM', action)).toEqual(refusedFor('referral.reasonRequired'));
      expect(moveReferral('DITERIMA', action)).toEqual(refusedFor('referral.reasonRequired'));
    });

    it('refuses to complete without a known outcome', () => {
      for (const outcome of [undefined, '', 'lumayan']) {
        const action = { type: 'complete', outcome } as unknown as ReferralAction;
        expect(moveReferral('DITERIMA', action)).toEqual(refusedFor('referral.outcomeRequired'));
      }
    });

    it('asks why when the outcome is tidak_berhasil', () => {
      const noReason = { type: 'complete', outcome: 'tidak_berhasil' } as ReferralAction;
      expect(moveReferral('DITERIMA', noReason)).toEqual(refusedFor('referral.reasonRequired'));
      const blank: ReferralAction = { type: 'complete', outcome: 'tidak_berhasil', reason: ' ' };
      expect(moveReferral('DITERIMA', blank)).toEqual(refusedFor('referral.reasonRequired'));
      const why: ReferralAction = {
        type: 'complete',
        outcome: 'tidak_berhasil',
        reason: 'Kuota habis',
      };
      expect(moveReferral('DITERIMA', why)).toEqual({ ok: true, to: 'SELESAI' });
    });

    it('completes as berhasil without a reason', () => {
      expect(moveReferral('DITERIMA', { type: 'complete', outcome: 'berhasil' })).toEqual({
        ok: true,
        to: 'SELESAI',
      });
    });

    it('reports an illegal move before a missing reason', () => {
      const action = { type: 'reject', reason: '' } as ReferralAction;
      expect(moveReferral('SELESAI', action)).toEqual({
        ok: false,
        reason: { code: 'referral.illegalMove', from: 'SELESAI', action: 'reject' },
      });
    });
  });

  it('counts a referral open while TERKIRIM or DITERIMA', () => {
    expect(STATUSES.filter(isReferralOpen)).toEqual(['TERKIRIM', 'DITERIMA']);
  });

  it.each(STATUSES)('lists the allowed actions of %s', (status) => {
    const expected = ACTIONS.filter((action) => expectedTarget(status, action) !== undefined);
    expect(allowedReferralActions(status)).toEqual(expected);
  });

  it('refuses an unknown status from outside the type system instead of throwing', () => {
    expect(moveReferral('HILANG' as ReferralStatus, { type: 'accept' })).toMatchObject({
      ok: false,
      reason: { code: 'referral.illegalMove' },
    });
  });

  describe('effect on the ticket', () => {
    // While a referral is TERKIRIM its ticket is DIRUJUK; once DITERIMA the ticket is DIPROSES.
    const ticketWhile: Record<'TERKIRIM' | 'DITERIMA', TicketStatus> = {
      TERKIRIM: 'DIRUJUK',
      DITERIMA: 'DIPROSES',
    };
    const cases: Array<[ReferralStatus & keyof typeof ticketWhile, ReferralAction, TicketStatus]> =
      [
        ['TERKIRIM', { type: 'accept' }, 'DIPROSES'],
        ['TERKIRIM', { type: 'reject', reason: 'Bukan layanan kami' }, 'DIVERIFIKASI'],
        ['TERKIRIM', { type: 'cancel', reason: 'Salah mitra' }, 'DIVERIFIKASI'],
        ['DITERIMA', { type: 'cancel', reason: 'Warga pindah' }, 'DIVERIFIKASI'],
        ['DITERIMA', { type: 'complete', outcome: 'berhasil' }, 'SELESAI'],
        [
          'DITERIMA',
          { type: 'complete', outcome: 'tidak_berhasil', reason: 'Kuota' },
          'DIVERIFIKASI',
        ],
      ];

    it.each(cases)('from %s, %o moves the ticket to %s', (from, action, ticketTo) => {
      expect(moveReferral(from, action).ok).toBe(true);
      expect(moveTicket(ticketWhile[from], ticketActionFor(action))).toEqual({
        ok: true,
        to: ticketTo,
      });
    });

    it('returns the ticket to the unit queue when a referral is rejected', () => {
      expect(ticketActionFor({ type: 'reject', reason: 'x' })).toEqual({
        type: 'referral_rejected',
      });
    });
  });
});
