import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  drawUniqueTrackingCode,
  newTrackingCode,
  parseTrackingCode,
  TRACKING_CODE_PATTERN,
} from '../../src/core/tracking-code.ts';

const AMBIGUOUS = /[ILOU]/;

/** A fake random source that encodes a counter in the low 5 bits and noise in the high 3. */
function counterSource(): (n: number) => Uint8Array {
  let i = 0;
  return (n) => {
    const bytes = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const symbol = Math.floor(i / 32 ** (n - 1 - k)) % 32;
      bytes[k] = symbol | (((i * 7 + k * 3) % 8) << 5);
    }
    i++;
    return bytes;
  };
}

describe('tracking code', () => {
  describe('newTrackingCode', () => {
    it('uses the Crockford alphabet without I, L, O and U', () => {
      expect(CROCKFORD_ALPHABET).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
      expect(CROCKFORD_ALPHABET).toHaveLength(32);
      expect(CROCKFORD_ALPHABET).not.toMatch(AMBIGUOUS);
    });

    it('prefixes PB for a permohonan and PG for a pengaduan', () => {
      expect(newTrackingCode('permohonan')).toMatch(/^PB-[0-9A-Z]{6}$/);
      expect(newTrackingCode('pengaduan')).toMatch(/^PG-[0-9A-Z]{6}$/);
    });

    it('maps each byte to alphabet[byte & 31], so all 32 symbols are equally likely', () => {
      const bytes = Uint8Array.from([0, 31, 32, 255, 0b1010_0001, 100]);
      expect(newTrackingCode('permohonan', () => bytes)).toBe('PB-0Z0Z14');
      const hits = new Map<string, number>();
      for (let byte = 0; byte < 256; byte++) {
        const code = newTrackingCode('pengaduan', () => new Uint8Array(6).fill(byte));
        const symbol = code.charAt(3);
        hits.set(symbol, (hits.get(symbol) ?? 0) + 1);
      }
      expect(hits.size).toBe(32);
      expect([...hits.values()].every((count) => count === 8)).toBe(true);
    });

    it('asks the random source for exactly 6 bytes and refuses a short answer', () => {
      const asked: number[] = [];
      newTrackingCode('permohonan', (n) => {
        asked.push(n);
        return new Uint8Array(n);
      });
      expect(asked).toEqual([6]);
      expect(() => newTrackingCode('permohonan', () => new Uint8Array(5))).toThrow(RangeError);
    });

    it('gives 100,000 well-formed codes from the real random source, colliding only by chance', () => {
      const codes = Array.from({ length: 100_000 }, (_, i) =>
        newTrackingCode(i % 2 === 0 ? 'permohonan' : 'pengaduan'),
      );
      for (const code of codes) {
        if (!TRACKING_CODE_PATTERN.test(code) || AMBIGUOUS.test(code.slice(3))) {
          throw new Error(`bad code ${code}`);
        }
      }
      // 2^30 possible bodies: about 4.7 colliding pairs are expected among 100,000 random
      // codes (birthday bound), so the store must retry on a unique-key clash. More than 25
      // would mean a broken generator (chance with a fair one: far below one in a billion).
      const bodies = new Set(codes.map((code) => code.slice(3)));
      expect(codes.length - bodies.size).toBeLessThan(25);
    });

    it('issues 100,000 unique, well-formed codes when each draw is checked against those issued', async () => {
      const issued = new Set<string>();
      for (let i = 0; i < 100_000; i++) {
        issued.add(
          await drawUniqueTrackingCode(
            i % 2 === 0 ? 'permohonan' : 'pengaduan',
            async (c) => !issued.has(c),
          ),
        );
      }
      expect(issued.size).toBe(100_000);
      for (const code of issued) {
        if (!TRACKING_CODE_PATTERN.test(code) || AMBIGUOUS.test(code.slice(3))) {
          throw new Error(`bad code ${code}`);
        }
      }
    });

    it('draws again when a code is taken and gives up loudly when nothing is free', async () => {
      const draws = [Uint8Array.from([1, 1, 1, 1, 1, 1]), Uint8Array.from([2, 2, 2, 2, 2, 2])];
      let i = 0;
      const random = () => draws[Math.min(i++, 1)] as Uint8Array;
      expect(
        await drawUniqueTrackingCode('permohonan', async (c) => c !== 'PB-111111', random),
      ).toBe('PB-222222');
      await expect(drawUniqueTrackingCode('permohonan', async () => false)).rejects.toThrow(
        /no free permohonan/,
      );
    });

    it('gives 100,000 distinct codes for 100,000 distinct random draws', () => {
      const random = counterSource();
      const codes = Array.from({ length: 100_000 }, () => newTrackingCode('permohonan', random));
      expect(new Set(codes).size).toBe(100_000);
      expect(codes.every((code) => TRACKING_CODE_PATTERN.test(code))).toBe(true);
      expect(codes.some((code) => AMBIGUOUS.test(code.slice(3)))).toBe(false);
      expect(codes[0]).toBe('PB-000000');
      expect(codes[33]).toBe('PB-000011');
    });
  });

  describe('TRACKING_CODE_PATTERN', () => {
    it.each(['PB-7K4M2Q', 'PG-000000', 'PB-ZZZZZZ'])('accepts %s', (code) => {
      expect(TRACKING_CODE_PATTERN.test(code)).toBe(true);
    });

    it.each([
      'PB-7K4M2',
      'PX-7K4M2Q',
      'PB-7K4M2O',
      'PB-7K4M2I',
      'PB-7K4M2L',
      'PB-7K4M2U',
      'pb-7k4m2q',
    ])('rejects %s', (code) => {
      expect(TRACKING_CODE_PATTERN.test(code)).toBe(false);
    });
  });

  describe('parseTrackingCode', () => {
    it.each([
      ['PB-7K4M2Q', 'PB-7K4M2Q'],
      ['pb-7k4m2q', 'PB-7K4M2Q'],
      ['pb 7k4m2q', 'PB-7K4M2Q'],
      ['PB7K4M2Q', 'PB-7K4M2Q'],
      ['Pb_7K4M2Q', 'PB-7K4M2Q'],
      ['PB – 7K4M2Q', 'PB-7K4M2Q'],
      ['pg.abcdef', 'PG-ABCDEF'],
      ['status tiket saya PG-ABCDEF ya pak', 'PG-ABCDEF'],
      ['(PB-7K4M2Q).', 'PB-7K4M2Q'],
      ['kode:\npg7k4m2q!', 'PG-7K4M2Q'],
      ['PB-7K4M2O', 'PB-7K4M20'],
      ['pb-o1il0o', 'PB-011100'],
      ['PB-7K4U2Q atau PG-7K4M2Q', 'PG-7K4M2Q'],
      ['PB-7K4M2Q dan PG-ABCDEF', 'PB-7K4M2Q'],
    ])('reads %j as %s', (text, code) => {
      expect(parseTrackingCode(text)).toBe(code);
    });

    it.each([
      '',
      'halo, mau tanya bantuan',
      'PB-7K4M2',
      'PB-7K4M2QX',
      'PX-7K4M2Q',
      'PB-7K4U2Q',
      'XPB-7K4M2Q',
      '3PB-7K4M2Q',
      'PB-7K4M2Q9',
      'P B 7K4M2Q',
    ])('finds no code in %j', (text) => {
      expect(parseTrackingCode(text)).toBeNull();
    });

    it('reads back every generated code, however it is typed', () => {
      for (let i = 0; i < 1_000; i++) {
        const code = newTrackingCode(i % 2 === 0 ? 'permohonan' : 'pengaduan');
        expect(parseTrackingCode(code)).toBe(code);
        expect(parseTrackingCode(code.toLowerCase().replace('-', ' '))).toBe(code);
        expect(parseTrackingCode(code.replace('-', ''))).toBe(code);
      }
    });
  });
});
