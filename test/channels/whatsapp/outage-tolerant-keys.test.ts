import type { SignalDataSet, SignalKeyStore } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outageTolerantKeys } from '../../../src/channels/whatsapp/outage-tolerant-keys.ts';
import { createLogger } from '../../../src/log.ts';

type Session = { [id: string]: Uint8Array };

/** A key store whose database can be taken down; it records what reached it. */
function storeWithOutage() {
  const rows = new Map<string, unknown>();
  const writes: SignalDataSet[] = [];
  let down = false;
  const store: SignalKeyStore = {
    async get(type, ids) {
      if (down) throw new Error('connection refused');
      const found: Record<string, unknown> = {};
      for (const id of ids) if (rows.has(`${type}:${id}`)) found[id] = rows.get(`${type}:${id}`);
      return found as never;
    },
    async set(data) {
      if (down) throw new Error('connection refused');
      writes.push(data);
      for (const [type, values] of Object.entries(data)) {
        for (const [id, value] of Object.entries(values ?? {})) {
          if (value === null || value === undefined) rows.delete(`${type}:${id}`);
          else rows.set(`${type}:${id}`, value);
        }
      }
    },
  };
  const logs: string[] = [];
  const keys = outageTolerantKeys(store, {
    logger: createLogger('debug', { write: (line: string) => logs.push(line) }),
    backoff: { initialMs: 100, maxMs: 400 },
  });
  return {
    keys,
    rows,
    writes,
    logs,
    setDown: (value: boolean) => {
      down = value;
    },
  };
}

const session = (byte: number) => ({ 'resident.0': Uint8Array.of(byte) });

describe('outageTolerantKeys', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes straight to the database while it is up', async () => {
    const db = storeWithOutage();
    await db.keys.set({ session: session(1) });
    expect(db.rows.get('session:resident.0')).toEqual(Uint8Array.of(1));
    expect(db.keys.waiting).toBe(0);
  });

  it('keeps a session the database refused, serves it to reads, and writes it once the database is back', async () => {
    const db = storeWithOutage();
    db.setDown(true);
    // Baileys' write succeeds, so it goes on to hand the decrypted message over.
    await db.keys.set({ session: session(2), 'pre-key': { '7': null } });
    const read: Session = await db.keys.get('session', ['resident.0']);
    expect(read).toEqual(session(2));
    expect(await db.keys.get('pre-key', ['7'])).toEqual({});
    expect(db.keys.waiting).toBe(2);

    db.setDown(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(db.rows.get('session:resident.0')).toEqual(Uint8Array.of(2));
    expect(db.keys.waiting).toBe(0);
    expect(db.logs.join('\n')).toContain('kept during the database outage are saved');
  });

  it('writes the newest value of a key, never an older one after it', async () => {
    const db = storeWithOutage();
    db.setDown(true);
    await db.keys.set({ session: session(3) });
    db.setDown(false);
    // The database is back before the retry: this write still waits behind the held one.
    await db.keys.set({ session: session(4) });
    expect(db.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(db.writes).toEqual([{ session: session(4) }]);
  });

  it('tries again with growing pauses while the database stays down', async () => {
    const db = storeWithOutage();
    db.setDown(true);
    await db.keys.set({ session: session(5) });
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 400);
    db.setDown(false);
    await vi.advanceTimersByTimeAsync(399);
    expect(db.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.writes).toEqual([{ session: session(5) }]);
  });

  it("reads a sender's device list as absent when the database cannot be read, but never a session", async () => {
    const db = storeWithOutage();
    db.setDown(true);
    expect(await db.keys.get('device-list', ['6281234567890'])).toEqual({});
    await expect(db.keys.get('session', ['resident.0'])).rejects.toThrow('connection refused');
  });

  it('makes one last try on close and logs how many writes are lost when it fails', async () => {
    const db = storeWithOutage();
    db.setDown(true);
    await db.keys.set({ session: session(6), 'sender-key': { group: Uint8Array.of(1) } });
    await db.keys.close();
    const errors = db.logs
      .map((line) => JSON.parse(line) as { level: number; lost?: number })
      .filter((line) => line.level === 50);
    expect(errors).toEqual([expect.objectContaining({ lost: 2 })]);
    db.setDown(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(db.writes).toEqual([]);
  });
});
