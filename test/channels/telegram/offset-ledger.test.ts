import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { OffsetLedger } from '../../../src/channels/telegram/offset-ledger.ts';

const updates = (...ids: number[]) => ids.map((update_id) => ({ update_id }) as Update);
const ids = (list: Update[]) => list.map((update) => update.update_id);

describe('telegram › offset ledger', () => {
  it('confirms an update only once it and every update before it are done', () => {
    const ledger = new OffsetLedger();
    expect(ids(ledger.take(updates(10, 11, 12), true))).toEqual([10, 11, 12]);
    ledger.settle(11, true);
    ledger.settle(12, true);
    expect(ledger.confirm()).toBe(10);
    ledger.settle(10, true);
    expect(ledger.confirm()).toBe(13);
  });

  it('keeps an uncommitted update and hands it out again only when its retry is due', () => {
    const ledger = new OffsetLedger();
    ledger.take(updates(20, 21), true);
    ledger.settle(20, false);
    ledger.settle(21, true);
    expect(ledger.confirm()).toBe(20);
    // Telegram returns both again; the done one is never handed out twice.
    expect(ids(ledger.take(updates(20, 21, 22), false))).toEqual([22]);
    expect(ids(ledger.take(updates(20, 21, 22), true))).toEqual([20]);
    ledger.settle(20, true);
    ledger.settle(22, true);
    expect(ledger.confirm()).toBe(23);
  });
});
