import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDataKey } from '../../src/security/data-key.ts';
import { FieldCipher } from '../../src/security/field-cipher.ts';
import { TEST_KEY_HEX, testCipher } from '../support/test-cipher.ts';

const NIK = '3204051234560001';
const cipher = testCipher();
const otherCipher = new FieldCipher(Buffer.alloc(32, 7));

/** Changes one character of the sealed text's part at `index` (1 iv, 2 tag, 3 data). */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index] as string;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('FieldCipher', () => {
  it.each([
    ['a NIK', NIK],
    ['a name with emoji', 'Ibu Siti Nurhaliza 👩‍👧‍👦 (janda, 3 anak)'],
    ['an empty string', ''],
    ['5,000 characters', 'Ñañang 🌾 '.repeat(500)],
  ])('gives back %s exactly', (_, plain) => {
    const sealed = cipher.encrypt(plain);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]*$/);
    if (plain !== '') expect(sealed).not.toContain(plain);
    expect(cipher.decrypt(sealed)).toBe(plain);
  });

  it('encrypts the same NIK differently each time', () => {
    const first = cipher.encrypt(NIK);
    const second = cipher.encrypt(NIK);
    expect(first).not.toBe(second);
    expect(cipher.decrypt(second)).toBe(NIK);
  });

  it('never reuses an IV, across the batches IVs are drawn in', () => {
    // AES-GCM with a repeated IV under one key leaks the XOR of two NIKs.
    const sealed = Array.from({ length: 1000 }, () => cipher.encrypt(NIK));
    const ivs = new Set(sealed.map((text) => text.split('.')[1]));
    expect(ivs.size).toBe(1000);
    expect(sealed.every((text) => cipher.decrypt(text) === NIK)).toBe(true);
  });

  it.each([
    ['the iv', 1],
    ['the tag', 2],
    ['the data', 3],
  ])('refuses ciphertext whose %s was tampered with', (_, index) => {
    expect(() => cipher.decrypt(tamper(cipher.encrypt(NIK), index))).toThrow();
  });

  it('refuses text that is not its ciphertext', () => {
    expect(() => cipher.decrypt(NIK)).toThrow('unrecognised ciphertext format');
    expect(() => cipher.decrypt(cipher.encrypt(NIK).replace(/^v1/, 'v2'))).toThrow(
      'unrecognised ciphertext format',
    );
  });

  it('cannot be read with another key', () => {
    expect(() => otherCipher.decrypt(cipher.encrypt(NIK))).toThrow();
  });

  it('hashes for lookups deterministically, per purpose and per key', () => {
    const hash = cipher.lookupHash('nik', NIK);
    expect(cipher.lookupHash('nik', NIK)).toBe(hash);
    expect(testCipher().lookupHash('nik', NIK)).toBe(hash);
    expect(cipher.lookupHash('kk', NIK)).not.toBe(hash);
    expect(cipher.lookupHash('nik', '3204051234560002')).not.toBe(hash);
    expect(otherCipher.lookupHash('nik', NIK)).not.toBe(hash);
    expect(hash).not.toContain(NIK);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new FieldCipher(Buffer.alloc(16))).toThrow('32 bytes');
  });
});

describe('resolveDataKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slrt-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a private key file beside a new SQLite database, once, and reuses it', () => {
    const sqliteFile = join(dir, 'data', 'slrt.db');

    const first = resolveDataKey({ configuredKey: undefined, sqliteFile });
    const second = resolveDataKey({ configuredKey: undefined, sqliteFile });

    const path = join(dir, 'data', 'data-encryption.key');
    expect(first).toMatchObject({ kind: 'file', path, created: true });
    expect(second).toMatchObject({ kind: 'file', path, created: false });
    expect(first.key).toHaveLength(32);
    expect(second.key.equals(first.key)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.key.toString('hex'));
  });

  it('uses DATA_ENCRYPTION_KEY when set, as hex or base64, and writes no file', () => {
    const hex = resolveDataKey({
      configuredKey: TEST_KEY_HEX,
      sqliteFile: join(dir, 'configured', 'slrt.db'),
    });
    expect(hex).toEqual({ kind: 'env', key: Buffer.from(TEST_KEY_HEX, 'hex') });
    const base64 = resolveDataKey({
      configuredKey: Buffer.from(TEST_KEY_HEX, 'hex').toString('base64'),
      sqliteFile: undefined,
    });
    expect(base64.key.equals(hex.key)).toBe(true);
    expect(() => statSync(join(dir, 'configured'))).toThrow();
  });

  it('demands DATA_ENCRYPTION_KEY with PostgreSQL', () => {
    expect(() => resolveDataKey({ configuredKey: undefined, sqliteFile: undefined })).toThrow(
      /^Invalid DATA_ENCRYPTION_KEY: required with PostgreSQL/,
    );
  });
});
