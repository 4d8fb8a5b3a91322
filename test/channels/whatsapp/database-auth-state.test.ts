import {
  type AuthenticationCreds,
  BufferJSON,
  Curve,
  initAuthCreds,
  proto,
  type SignalDataSet,
} from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatabaseAuthState } from '../../../src/channels/whatsapp/database-auth-state.ts';
import { FieldCipher } from '../../../src/security/field-cipher.ts';
import type { Database } from '../../../src/store/database.ts';
import { testCipher } from '../../support/test-cipher.ts';
import { openTestDatabase, PROVIDERS } from '../../support/test-database.ts';

const PN_USER = '6281234567890';

/** Bytes compared as bytes: Baileys writes Uint8Arrays and, like its file store, reads Buffers back. */
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value, BufferJSON.replacer));
const LID_USER = '215487369012345';

/** One key of every type Baileys 7 stores, shaped as Baileys writes them. */
function everyKeyType(): SignalDataSet {
  const preKey = Curve.generateKeyPair();
  return {
    'pre-key': { '31': preKey },
    session: { [`${LID_USER}.0`]: new Uint8Array([1, 2, 3, 250]) },
    'sender-key': { [`120363025246125888@g.us::${LID_USER}::0`]: new Uint8Array([9, 8, 7]) },
    'sender-key-memory': { '120363025246125888@g.us': { [`${LID_USER}:0@lid`]: true } },
    'app-state-sync-key': {
      AAAAAFf8: proto.Message.AppStateSyncKeyData.fromObject({
        keyData: Buffer.from('app-state-key-material'),
        timestamp: 1_764_208_800,
      }),
    },
    'app-state-sync-version': {
      regular_high: {
        version: 7,
        hash: Buffer.alloc(128, 3),
        indexValueMap: { abc: { valueMac: Buffer.from([5, 6]) } },
      },
    },
    'lid-mapping': { [PN_USER]: LID_USER, [`${LID_USER}_reverse`]: PN_USER },
    'device-list': { [LID_USER]: ['0', '12'] },
    tctoken: {
      [`${LID_USER}@lid`]: { token: Buffer.from('trusted-contact-token'), timestamp: '1764208800' },
    },
    'identity-key': { [`${LID_USER}.0`]: new Uint8Array(33).fill(4) },
  };
}

describe.each(PROVIDERS)('database auth state on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
  });
  afterAll(() => drop());

  it('survives a restart: the same credentials and every key type come back', async () => {
    const first = await loadDatabaseAuthState(db.prisma, testCipher());
    first.state.creds.me = { id: `${PN_USER}:3@s.whatsapp.net`, lid: `${LID_USER}:3@lid` };
    first.state.creds.registered = true;
    await first.saveCreds();
    const keys = everyKeyType();
    await first.state.keys.set(keys);

    const second = await loadDatabaseAuthState(db.prisma, testCipher());
    expect(second.state.creds).toEqual(first.state.creds);
    expect(Buffer.from(second.state.creds.noiseKey.private)).toEqual(
      Buffer.from(first.state.creds.noiseKey.private),
    );
    for (const [type, values] of Object.entries(keys) as [
      keyof SignalDataSet,
      Record<string, unknown>,
    ][]) {
      const ids = Object.keys(values);
      const loaded = await second.state.keys.get(type, ids);
      expect(asStored(loaded), type).toEqual(asStored(values));
    }
    const syncKey = (await second.state.keys.get('app-state-sync-key', ['AAAAAFf8'])).AAAAAFf8;
    expect(syncKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
  });

  it('stores nothing readable: values are sealed and ids are keyed hashes', async () => {
    const rows = await db.prisma.whatsAppAuthKey.findMany();
    expect(new Set(rows.map((r) => r.category))).toEqual(
      new Set(['creds', ...Object.keys(everyKeyType())]),
    );
    const dump = JSON.stringify(rows);
    for (const secret of [
      PN_USER,
      LID_USER,
      'trusted-contact-token',
      'noiseKey',
      'Buffer',
      'regular_high',
    ]) {
      expect(dump).not.toContain(secret);
    }
    for (const row of rows) expect(row.value).toMatch(/^v1\./);
  });

  it('answers only the ids it has and deletes a key set to null, all in one write', async () => {
    const auth = await loadDatabaseAuthState(db.prisma, testCipher());
    expect(await auth.state.keys.get('pre-key', ['31', '32'])).toEqual({
      '31': expect.objectContaining({ public: expect.any(Uint8Array) }),
    });
    await auth.state.keys.set({
      'pre-key': { '31': null, '32': Curve.generateKeyPair() },
      session: { [`${LID_USER}.0`]: null },
    });
    expect(Object.keys(await auth.state.keys.get('pre-key', ['31', '32']))).toEqual(['32']);
    expect(await auth.state.keys.get('session', [`${LID_USER}.0`])).toEqual({});
  });

  it('refuses to start on a session sealed with another key instead of silently pairing anew', async () => {
    const otherKey = new FieldCipher(Buffer.alloc(32, 9));
    await expect(loadDatabaseAuthState(db.prisma, otherKey)).rejects.toThrow(/DATA_ENCRYPTION_KEY/);
  });

  it('clears the whole session after a logout, and starts fresh credentials next time', async () => {
    const auth = await loadDatabaseAuthState(db.prisma, testCipher());
    const before: AuthenticationCreds = auth.state.creds;
    await auth.clearSession();
    expect(await db.prisma.whatsAppAuthKey.count()).toBe(0);
    const fresh = await loadDatabaseAuthState(db.prisma, testCipher());
    expect(fresh.state.creds.registered).toBe(false);
    expect(fresh.state.creds.advSecretKey).not.toBe(before.advSecretKey);
    expect(Object.keys(fresh.state.creds).sort()).toEqual(Object.keys(initAuthCreds()).sort());
  });

  it('replaces an unfinished pairing with fresh credentials, stored and in use, and drops its keys', async () => {
    const auth = await loadDatabaseAuthState(db.prisma, testCipher());
    // What Baileys saves when it asks for a pairing code.
    auth.state.creds.me = { id: `${PN_USER}@s.whatsapp.net`, name: '~' };
    auth.state.creds.pairingCode = 'K7M2Q9PX';
    await auth.saveCreds();
    await auth.state.keys.set({ 'pre-key': { '1': Curve.generateKeyPair() } });
    const before = auth.state.creds;

    await auth.resetCreds();

    expect(auth.state.creds.me).toBeUndefined();
    expect(auth.state.creds.pairingCode).toBeUndefined();
    expect(auth.state.creds.noiseKey.public).not.toEqual(before.noiseKey.public);
    expect(await auth.state.keys.get('pre-key', ['1'])).toEqual({});
    expect(await db.prisma.whatsAppAuthKey.count()).toBe(1);
    const reloaded = await loadDatabaseAuthState(db.prisma, testCipher());
    expect(reloaded.state.creds).toEqual(auth.state.creds);
    // Later saves write the new credentials, not the abandoned ones.
    auth.state.creds.accountSyncCounter = 4;
    await auth.saveCreds();
    const again = await loadDatabaseAuthState(db.prisma, testCipher());
    expect(again.state.creds.accountSyncCounter).toBe(4);
    expect(again.state.creds.me).toBeUndefined();
  });
});
