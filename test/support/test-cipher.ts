/** A FieldCipher with a fixed test key (never a production key). */
import { FieldCipher } from '../../src/security/field-cipher.ts';

export const TEST_KEY_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export function testCipher(): FieldCipher {
  return new FieldCipher(Buffer.from(TEST_KEY_HEX, 'hex'));
}
