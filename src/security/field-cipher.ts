/**
 * Encryption at rest for personal data (UU PDP No. 27/2022): NIK, KK and names
 * are stored as AES-256-GCM ciphertext and found again through keyed hashes,
 * so neither a database dump nor its indexes reveal them.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

export class FieldCipher {
  readonly #encKey: Buffer;
  readonly #hashKey: Buffer;
  /** Random IVs drawn 256 at a time: one call to the CSPRNG per field cost as much as the AES. */
  #ivs = Buffer.alloc(0);
  #ivAt = 0;

  /** @param masterKey 32 random bytes (DATA_ENCRYPTION_KEY). */
  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('data encryption key must be 32 bytes');
    // Separate subkeys so the lookup hashes cannot be turned into a decryption oracle.
    this.#encKey = Buffer.from(hkdfSync('sha256', masterKey, '', 'slrt-desk/encrypt', 32));
    this.#hashKey = Buffer.from(hkdfSync('sha256', masterKey, '', 'slrt-desk/lookup', 32));
  }

  /** Ciphertext as `v1.<iv>.<tag>.<data>` (base64url), safe in a text column. */
  encrypt(plain: string): string {
    const iv = this.#nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  #nextIv(): Buffer {
    if (this.#ivAt + IV_BYTES > this.#ivs.length) {
      this.#ivs = randomBytes(IV_BYTES * 256);
      this.#ivAt = 0;
    }
    const iv = this.#ivs.subarray(this.#ivAt, this.#ivAt + IV_BYTES);
    this.#ivAt += IV_BYTES;
    return iv;
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new Error('unrecognised ciphertext format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /**
   * Deterministic keyed hash for lookups. `purpose` separates domains, so the
   * hash of a NIK never equals the hash of the same digits used as a KK.
   */
  lookupHash(purpose: string, value: string): string {
    return createHmac('sha256', this.#hashKey).update(`${purpose}\0${value}`).digest('base64url');
  }
}
