/**
 * Lets Baileys keep decrypting while the database is unavailable. Every
 * message it decrypts advances a Signal session, and Baileys writes that
 * session before it hands the message over; with the session store in an
 * unreachable database it would retry for 30 s, give up and refuse the
 * message. Here a write the database refuses is kept in memory, served to
 * later reads, and written once the database is back, oldest first, each key's
 * newest value winning. Reads of keys not held here still go to the database
 * (Baileys' own cache in front of this store answers the chats it saw lately),
 * so a chat whose session is neither cached nor held cannot be decrypted
 * while the database cannot be read; Baileys then asks the phone to send the
 * message again.
 *
 * What is held is lost if the process dies during the outage; the phones then
 * renegotiate the sessions through retry receipts, as after any lost session.
 *
 * @example
 * const keys = outageTolerantKeys(auth.state.keys, { logger });
 * makeWASocket({ auth: { creds, keys: makeCacheableSignalKeyStore(keys, logger) } });
 * await keys.close(); // one last write; logs what could not be written
 */
import type { SignalDataSet, SignalDataTypeMap, SignalKeyStore } from '@whiskeysockets/baileys';
import type { Logger } from '../../log.ts';
import { errorReason } from './error-reason.ts';
import type { HoldBackoff } from './held-messages.ts';

type Category = keyof SignalDataTypeMap;
/** category → key id → value, null for a deletion */
type Writes = Map<string, Map<string, unknown>>;

export interface OutageTolerantKeys extends SignalKeyStore {
  /** how many key writes wait for the database */
  readonly waiting: number;
  /** Stops retrying after one last try; logs how many writes are lost. */
  close(): Promise<void>;
}

const DEFAULT_BACKOFF: HoldBackoff = { initialMs: 500, maxMs: 15_000 };

/**
 * Keys that may read as absent when the database cannot be read. Baileys reads
 * a sender's device list for every message it decrypts, to move their
 * sessions from phone-number to LID addresses; when none is found it has
 * nothing to move, and it asks WhatsApp for the devices when it sends.
 */
const ASKED_AGAIN_WHEN_ABSENT = new Set<string>(['device-list']);

export function outageTolerantKeys(
  store: SignalKeyStore,
  options: { logger: Logger; backoff?: HoldBackoff },
): OutageTolerantKeys {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  /** writes not tried yet, or refused */
  let waiting: Writes = new Map();
  /** writes being tried now; reads must still see them */
  let writing: Writes | null = null;
  let flushing: Promise<boolean> = Promise.resolve(true);
  let pauseMs = backoff.initialMs;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const count = (writes: Writes | null) =>
    [...(writes?.values() ?? [])].reduce((sum, ids) => sum + ids.size, 0);

  function schedule(): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, pauseMs);
  }

  /** Tries what waits, one try at a time; true when nothing waits any more. */
  function flush(): Promise<boolean> {
    if (writing) return flushing;
    if (waiting.size === 0) return Promise.resolve(true);
    const batch = waiting;
    writing = batch;
    waiting = new Map();
    flushing = Promise.resolve()
      .then(() => store.set(toDataSet(batch)))
      .then(
        () => {
          writing = null;
          pauseMs = backoff.initialMs;
          options.logger.info('WhatsApp session keys kept during the database outage are saved');
          if (waiting.size > 0) schedule();
          return waiting.size === 0;
        },
        () => {
          // Newer writes made meanwhile win over the ones that were being tried.
          waiting = merged(batch, waiting);
          writing = null;
          pauseMs = Math.min(pauseMs * 2, backoff.maxMs);
          schedule();
          return false;
        },
      );
    return flushing;
  }

  return {
    get waiting() {
      return count(waiting) + count(writing);
    },

    async get<T extends Category>(type: T, ids: string[]) {
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      const missing: string[] = [];
      for (const id of ids) {
        const held = heldValue(type, id);
        if (held === undefined) missing.push(id);
        else if (held !== null) found[id] = held as SignalDataTypeMap[T];
      }
      if (missing.length === 0) return found;
      try {
        Object.assign(found, await store.get(type, missing));
      } catch (error) {
        if (!ASKED_AGAIN_WHEN_ABSENT.has(type)) throw error;
      }
      return found;
    },

    async set(data: SignalDataSet) {
      if (waiting.size === 0 && !writing) {
        try {
          await store.set(data);
          return;
        } catch (error) {
          options.logger.warn(
            { reason: errorReason(error) },
            'WhatsApp session keys could not be saved; kept in memory until the database is back',
          );
        }
      }
      waiting = merged(waiting, fromDataSet(data));
      schedule();
    },

    async clear() {
      waiting = new Map();
      await store.clear?.();
    },

    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await flushing;
      if (await flush()) return;
      options.logger.error(
        { lost: count(waiting) },
        'WhatsApp session keys could not be saved before closing; the phones renegotiate those sessions',
      );
    },
  };

  /** undefined: not held here; null: deleted */
  function heldValue(type: string, id: string): unknown {
    for (const writes of [waiting, writing]) {
      const ids = writes?.get(type);
      if (ids?.has(id)) return ids.get(id) ?? null;
    }
    return undefined;
  }
}

function fromDataSet(data: SignalDataSet): Writes {
  const writes: Writes = new Map();
  for (const [category, values] of Object.entries(data)) {
    const ids = new Map<string, unknown>();
    for (const [id, value] of Object.entries(values ?? {})) ids.set(id, value ?? null);
    writes.set(category, ids);
  }
  return writes;
}

function toDataSet(writes: Writes): SignalDataSet {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [category, ids] of writes) data[category] = Object.fromEntries(ids);
  return data as SignalDataSet;
}

/** `newer` over `older`, neither changed. */
function merged(older: Writes, newer: Writes): Writes {
  const result: Writes = new Map([...older].map(([category, ids]) => [category, new Map(ids)]));
  for (const [category, ids] of newer) {
    const into = result.get(category) ?? new Map<string, unknown>();
    for (const [id, value] of ids) into.set(id, value);
    result.set(category, into);
  }
  return result;
}
