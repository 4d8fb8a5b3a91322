/**
 * Baileys' authentication state kept in the database instead of a folder, so
 * the WhatsApp session survives restarts and moves with the database when
 * another desk process takes the session over.
 *
 * Every row holds private key material (the device's identity and noise keys,
 * Signal sessions, pre-keys), so values are sealed with the FieldCipher. Row
 * ids are keyed hashes: Baileys names many keys after JIDs and phone numbers
 * (lid-mapping, device-list, tctoken), and a database dump must not list the
 * residents who wrote to the desk. Baileys only ever looks keys up by id, so a
 * hashed id loses nothing.
 *
 * @example
 * const auth = await loadDatabaseAuthState(prisma, cipher);
 * const sock = makeWASocket({ auth: auth.state });
 * sock.ev.on('creds.update', auth.saveCreds);
 */
import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import type { FieldCipher } from '../../security/field-cipher.ts';
import type { Db } from '../../store/database.ts';

/** The category of the single row that holds the device credentials. */
export const CREDS_CATEGORY = 'creds';

export interface DatabaseAuthState {
  /** Pass as `auth` to makeWASocket. */
  readonly state: AuthenticationState;
  /** Writes the current credentials; Baileys asks for it with `creds.update`. */
  saveCreds(): Promise<void>;
  /** Deletes the whole session (credentials and keys): after a logout it is worthless. */
  clearSession(): Promise<void>;
  /**
   * Replaces the credentials with fresh ones (new identity, no `me`) and
   * deletes every key, in the database and in `state`, so the next socket
   * registers as a new device. For a pairing that never finished: Baileys
   * saves `me` when it asks for a pairing code, and with `me` set the next
   * socket logs in instead of registering, so no new code would ever come.
   */
  resetCreds(): Promise<void>;
}

type Category = keyof SignalDataTypeMap;

/**
 * Loads the stored session, or fresh credentials for a new pairing when none
 * is stored. Throws when the stored credentials cannot be decrypted (another
 * DATA_ENCRYPTION_KEY): silently pairing anew would hide the misconfiguration.
 */
export async function loadDatabaseAuthState(
  prisma: Db,
  cipher: FieldCipher,
): Promise<DatabaseAuthState> {
  const rowId = (category: string, id: string) => ({
    category,
    keyId: cipher.lookupHash(`whatsapp.${category}`, id),
  });
  const seal = (value: unknown) => cipher.encrypt(JSON.stringify(value, BufferJSON.replacer));
  const open = (sealed: string): unknown => JSON.parse(cipher.decrypt(sealed), BufferJSON.reviver);

  // A fixed id, not a hash: under another key the session must fail loudly, not look absent.
  const credsId = { category: CREDS_CATEGORY, keyId: CREDS_CATEGORY };
  const stored = await prisma.whatsAppAuthKey.findUnique({
    where: { category_keyId: credsId },
    select: { value: true },
  });
  let creds: AuthenticationCreds;
  try {
    creds = stored ? (open(stored.value) as AuthenticationCreds) : initAuthCreds();
  } catch (error) {
    throw new Error(
      'the stored WhatsApp session cannot be decrypted: was DATA_ENCRYPTION_KEY changed?',
      { cause: error },
    );
  }

  const keys: SignalKeyStore = {
    async get<T extends Category>(type: T, ids: string[]) {
      const hashed = new Map(ids.map((id) => [rowId(type, id).keyId, id]));
      const rows = await prisma.whatsAppAuthKey.findMany({
        where: { category: type, keyId: { in: [...hashed.keys()] } },
        select: { keyId: true, value: true },
      });
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const row of rows) {
        const id = hashed.get(row.keyId) as string;
        let value: unknown;
        try {
          value = open(row.value);
        } catch {
          // An unreadable key counts as missing: Baileys renegotiates the session.
          continue;
        }
        // Baileys expects the protobuf class here, as useMultiFileAuthState rebuilds it.
        if (type === 'app-state-sync-key') {
          value = proto.Message.AppStateSyncKeyData.fromObject(value as object);
        }
        found[id] = value as SignalDataTypeMap[T];
      }
      return found;
    },

    async set(data: SignalDataSet) {
      // One transaction: Baileys writes a session and its pre-key removal together.
      const writes = Object.entries(data).flatMap(([category, values]) =>
        Object.entries(values ?? {}).map(([id, value]) => {
          const where = { category_keyId: rowId(category, id) };
          if (value === null || value === undefined) {
            return prisma.whatsAppAuthKey.deleteMany({ where: rowId(category, id) });
          }
          const sealed = seal(value);
          return prisma.whatsAppAuthKey.upsert({
            where,
            create: { ...rowId(category, id), value: sealed },
            update: { value: sealed },
          });
        }),
      );
      if (writes.length > 0) await prisma.$transaction(writes);
    },

    async clear() {
      await prisma.whatsAppAuthKey.deleteMany({ where: { category: { not: CREDS_CATEGORY } } });
    },
  };

  const state: AuthenticationState = { creds, keys };
  return {
    state,
    async saveCreds() {
      const value = seal(state.creds);
      await prisma.whatsAppAuthKey.upsert({
        where: { category_keyId: credsId },
        create: { ...credsId, value },
        update: { value },
      });
    },
    async clearSession() {
      await prisma.whatsAppAuthKey.deleteMany({});
    },
    async resetCreds() {
      state.creds = initAuthCreds();
      const value = seal(state.creds);
      await prisma.$transaction([
        prisma.whatsAppAuthKey.deleteMany({ where: { category: { not: CREDS_CATEGORY } } }),
        prisma.whatsAppAuthKey.upsert({
          where: { category_keyId: credsId },
          create: { ...credsId, value },
          update: { value },
        }),
      ]);
    },
  };
}
