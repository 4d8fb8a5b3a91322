import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  isOpen,
  moveTicket,
  RESUMABLE_STATUSES,
  slaPaused,
  TICKET_ACTIONS,
  TICKET_REJECT_REASONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  type TicketAction,
  type TicketActionType,
  type TicketStatus,
} from '../../src/core/ticket-lifecycle.ts';

// Written out by hand, independently of the table, so a change to the table fails here.
const STATUSES: TicketStatus[] = [
  'BARU',
  'DIVERIFIKASI',
  'DIRUJUK',
  'DIPROSES',
  'SELESAI',
  'DITUTUP',
  'MENUNGGU_WARGA',
  'DIESKALASI',
  'DITOLAK',
  'DIBUKA_KEMBALI',
];
const ACTIONS: TicketActionType[] = [
  'verify',
  'refer',
  'process',
  'referral_accepted',
  'referral_rejected',
  'referral_failed',
  'referral_cancelled',
  'wait_for_citizen',
  'citizen_replied',
  'escalate',
  'complete',
  'reject',
  'close',
  'reopen',
  'withdraw',
];
const LEGAL: ReadonlyArray<readonly [TicketStatus, TicketActionType, TicketStatus]> = [
  ['BARU', 'verify', 'DIVERIFIKASI'],
  ['BARU', 'wait_for_citizen', 'MENUNGGU_WARGA'],
  ['BARU', 'escalate', 'DIESKALASI'],
  ['BARU', 'reject', 'DITOLAK'],
  ['DIVERIFIKASI', 'refer', 'DIRUJUK'],
  ['DIVERIFIKASI', 'process', 'DIPROSES'],
  ['DIVERIFIKASI', 'wait_for_citizen', 'MENUNGGU_WARGA'],
  ['DIVERIFIKASI', 'escalate', 'DIESKALASI'],
  ['DIVERIFIKASI', 'reject', 'DITOLAK'],
  ['DIRUJUK', 'referral_accepted', 'DIPROSES'],
  ['DIRUJUK', 'referral_rejected', 'DIVERIFIKASI'],
  ['DIRUJUK', 'referral_cancelled', 'DIVERIFIKASI'],
  ['DIPROSES', 'refer', 'DIRUJUK'],
  ['DIPROSES', 'referral_failed', 'DIVERIFIKASI'],
  ['DIPROSES', 'referral_cancelled', 'DIVERIFIKASI'],
  ['DIPROSES', 'wait_for_citizen', 'MENUNGGU_WARGA'],
  ['DIPROSES', 'escalate', 'DIESKALASI'],
  ['DIPROSES', 'complete', 'SELESAI'],
  ['DIPROSES', 'reject', 'DITOLAK'],
  ['SELESAI', 'close', 'DITUTUP'],
  ['SELESAI', 'reopen', 'DIBUKA_KEMBALI'],
  // The sample payload below resumes to DIPROSES; other resume targets are tested separately.
  ['MENUNGGU_WARGA', 'citizen_replied', 'DIPROSES'],
  ['MENUNGGU_WARGA', 'reject', 'DITOLAK'],
  ['DIESKALASI', 'verify', 'DIVERIFIKASI'],
  ['DIESKALASI', 'refer', 'DIRUJUK'],
  ['DIESKALASI', 'process', 'DIPROSES'],
  ['DIESKALASI', 'wait_for_citizen', 'MENUNGGU_WARGA'],
  ['DIESKALASI', 'escalate', 'DIESKALASI'],
  ['DIESKALASI', 'reject', 'DITOLAK'],
  ['DIBUKA_KEMBALI', 'refer', 'DIRUJUK'],
  ['DIBUKA_KEMBALI', 'process', 'DIPROSES'],
  ['DIBUKA_KEMBALI', 'wait_for_citizen', 'MENUNGGU_WARGA'],
  ['DIBUKA_KEMBALI', 'escalate', 'DIESKALASI'],
  ['DIBUKA_KEMBALI', 'reject', 'DITOLAK'],
  // The resident had their data erased: every ticket not yet final closes.
  ['BARU', 'withdraw', 'DITUTUP'],
  ['DIVERIFIKASI', 'withdraw', 'DITUTUP'],
  ['DIRUJUK', 'withdraw', 'DITUTUP'],
  ['DIPROSES', 'withdraw', 'DITUTUP'],
  ['SELESAI', 'withdraw', 'DITUTUP'],
  ['MENUNGGU_WARGA', 'withdraw', 'DITUTUP'],
  ['DIESKALASI', 'withdraw', 'DITUTUP'],
  ['DIBUKA_KEMBALI', 'withdraw', 'DITUTUP'],
];
const WAITABLE: TicketStatus[] = [
  'BARU',
  'DIVERIFIKASI',
  'DIPROSES',
  'DIESKALASI',
  'DIBUKA_KEMBALI',
];

function sample(type: TicketActionType): TicketAction {
  if (type === 'reject') return { type, reason: 'not_eligible' };
  if (type === 'citizen_replied') return { type, resumeTo: 'DIPROSES' };
  return { type };
}

function expectedTarget(from: TicketStatus, action: TicketActionType): TicketStatus | undefined {
  return LEGAL.find(([f, a]) => f === from && a === action)?.[2];
}

describe('ticket lifecycle', () => {
  it('has exactly the statuses and actions of the design', () => {
    expect([...TICKET_STATUSES].sort()).toEqual([...STATUSES].sort());
    expect([...TICKET_ACTIONS].sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(TICKET_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });

  describe('every status × action', () => {
    const cells = TICKET_STATUSES.flatMap((from) =>
      TICKET_ACTIONS.map((action) => ({ from, action, to: expectedTarget(from, action) })),
    );

    it('covers the full cross product: 42 legal and 108 illegal cells', () => {
      expect(cells).toHaveLength(150);
      expect(cells.filter((cell) => cell.to !== undefined)).toHaveLength(LEGAL.length);
      expect(LEGAL).toHaveLength(42);
    });

    for (const { from, action, to } of cells) {
      if (to !== undefined) {
        it(`allows ${action} from ${from} to ${to}`, () => {
          expect(moveTicket(from, sample(action))).toEqual({ ok: true, to });
        });
      } else {
        it(`refuses ${action} from ${from}`, () => {
          expect(moveTicket(from, sample(action))).toEqual({
            ok: false,
            reason: { code: 'ticket.illegalMove', from, action },
          });
        });
      }
    }
  });

  it('refuses to close a ticket that is still BARU', () => {
    expect(moveTicket('BARU', { type: 'close' })).toEqual({
      ok: false,
      reason: { code: 'ticket.illegalMove', from: 'BARU', action: 'close' },
    });
  });

  it('walks the happy path BARU → DIVERIFIKASI → DIRUJUK → DIPROSES → SELESAI → DITUTUP', () => {
    const steps: TicketAction[] = [
      { type: 'verify' },
      { type: 'refer' },
      { type: 'referral_accepted' },
      { type: 'complete' },
      { type: 'close' },
    ];
    const visited: TicketStatus[] = ['BARU'];
    for (const step of steps) {
      const move = moveTicket(visited.at(-1) ?? 'BARU', step);
      if (!move.ok) throw new Error(`refused ${step.type}`);
      visited.push(move.to);
    }
    expect(visited).toEqual(['BARU', 'DIVERIFIKASI', 'DIRUJUK', 'DIPROSES', 'SELESAI', 'DITUTUP']);
  });

  it('lets a unit handle a case itself without a referral', () => {
    expect(moveTicket('DIVERIFIKASI', { type: 'process' })).toEqual({ ok: true, to: 'DIPROSES' });
  });

  it('returns the ticket to the unit queue when the partner rejects the referral', () => {
    expect(moveTicket('DIRUJUK', { type: 'referral_rejected' })).toEqual({
      ok: true,
      to: 'DIVERIFIKASI',
    });
  });

  it('reopens only a SELESAI ticket', () => {
    const reopenable = TICKET_STATUSES.filter((s) => moveTicket(s, { type: 'reopen' }).ok);
    expect(reopenable).toEqual(['SELESAI']);
  });

  it('lets nothing out of DITUTUP and DITOLAK', () => {
    expect(allowedActions('DITUTUP')).toEqual([]);
    expect(allowedActions('DITOLAK')).toEqual([]);
  });

  describe('rejecting', () => {
    it.each(TICKET_REJECT_REASONS.filter((r) => r !== 'other'))(
      'accepts the reason %s',
      (reason) => {
        expect(moveTicket('DIVERIFIKASI', { type: 'reject', reason })).toEqual({
          ok: true,
          to: 'DITOLAK',
        });
      },
    );

    it('refuses a rejection without a known reason', () => {
      const action = { type: 'reject', reason: 'malas' } as unknown as TicketAction;
      expect(moveTicket('BARU', action)).toEqual({
        ok: false,
        reason: { code: 'ticket.reasonRequired' },
      });
      const noReason = { type: 'reject' } as unknown as TicketAction;
      expect(moveTicket('BARU', noReason)).toEqual({
        ok: false,
        reason: { code: 'ticket.reasonRequired' },
      });
    });

    it('asks for a note when the reason is "other"', () => {
      for (const note of [undefined, '', '   ']) {
        expect(moveTicket('BARU', { type: 'reject', reason: 'other', note })).toEqual({
          ok: false,
          reason: { code: 'ticket.noteRequired' },
        });
      }
      expect(moveTicket('BARU', { type: 'reject', reason: 'other', note: 'Sudah pindah' })).toEqual(
        { ok: true, to: 'DITOLAK' },
      );
    });

    it('reports an illegal move before a missing reason', () => {
      const action = { type: 'reject' } as unknown as TicketAction;
      expect(moveTicket('DITUTUP', action)).toEqual({
        ok: false,
        reason: { code: 'ticket.illegalMove', from: 'DITUTUP', action: 'reject' },
      });
    });
  });

  describe('waiting for the resident', () => {
    it('may wait only while the unit holds the case', () => {
      expect(RESUMABLE_STATUSES).toEqual(WAITABLE);
    });

    it.each(WAITABLE)('resumes to %s, the status it waited from', (status) => {
      const wait = moveTicket(status, { type: 'wait_for_citizen' });
      expect(wait).toEqual({ ok: true, to: 'MENUNGGU_WARGA' });
      expect(moveTicket('MENUNGGU_WARGA', { type: 'citizen_replied', resumeTo: status })).toEqual({
        ok: true,
        to: status,
      });
    });

    it.each(STATUSES.filter((s) => !WAITABLE.includes(s)))(
      'refuses to resume to %s, which it cannot have waited from',
      (status) => {
        expect(moveTicket('MENUNGGU_WARGA', { type: 'citizen_replied', resumeTo: status })).toEqual(
          { ok: false, reason: { code: 'ticket.resumeInvalid', resumeTo: status } },
        );
      },
    );

    it('refuses to resume without a status to resume to', () => {
      const action = { type: 'citizen_replied' } as unknown as TicketAction;
      expect(moveTicket('MENUNGGU_WARGA', action)).toEqual({
        ok: false,
        reason: { code: 'ticket.resumeInvalid', resumeTo: 'undefined' },
      });
    });

    it('pauses the SLA only while waiting', () => {
      expect(STATUSES.filter(slaPaused)).toEqual(['MENUNGGU_WARGA']);
    });
  });

  it('counts a ticket open until it is SELESAI, DITUTUP or DITOLAK', () => {
    expect(STATUSES.filter((s) => !isOpen(s)).sort()).toEqual(['DITOLAK', 'DITUTUP', 'SELESAI']);
  });

  it.each(STATUSES)('lists the allowed actions of %s', (status) => {
    const expected = ACTIONS.filter((action) => expectedTarget(status, action) !== undefined);
    expect(allowedActions(status)).toEqual(expected);
  });

  it('refuses garbage from outside the type system instead of throwing', () => {
    expect(moveTicket('HILANG' as TicketStatus, { type: 'verify' })).toEqual({
      ok: false,
      reason: { code: 'ticket.illegalMove', from: 'HILANG', action: 'verify' },
    });
    const inherited = { type: 'toString' } as unknown as TicketAction;
    expect(moveTicket('BARU', inherited)).toMatchObject({ ok: false });
  });
});
