/**
 * What each simulator phone shows: the messages it sent and the ones the desk
 * delivered to it, in order. Kept in memory (the database already holds the
 * conversation); bounded so a demo left running all day stays small. After a
 * restart it starts from the desk's last replies (restore()), because the
 * desk's own messages are all it keeps: what the phones typed is not stored.
 */
import { randomUUID } from 'node:crypto';
import type { OutboundOption } from '../../runtime/messages.ts';

export const PHONES = ['resident', 'staff'] as const;
export type Phone = (typeof PHONES)[number];

/** The chat key (and sender id) of each phone; one fixed conversation per phone. */
export const CHAT_KEYS: Record<Phone, string> = {
  resident: 'sim-resident',
  staff: 'sim-staff',
};

export function phoneOfChatKey(chatKey: string): Phone | undefined {
  return PHONES.find((phone) => CHAT_KEYS[phone] === chatKey);
}

export interface TranscriptEntry {
  id: string;
  phone: Phone;
  /** 'note' is the page's own line, e.g. that the conversation continues after a restart */
  from: 'user' | 'desk' | 'note';
  at: string;
  text: string;
  options: OutboundOption[];
  /** the client's message id, so a retried POST does not show the message twice */
  messageId?: string;
  attachment?: { kind: 'photo' | 'document' | 'refused'; name: string };
  location?: { latitude: number; longitude: number };
}

export type NewEntry = Omit<TranscriptEntry, 'id' | 'at' | 'options'> & {
  options?: OutboundOption[];
};

/** A reply the desk sent to a phone before it restarted, as the outbox keeps it. */
export interface RestoredReply {
  text: string;
  options: OutboundOption[];
  at: Date;
}

type Listener = (entry: TranscriptEntry) => void;

export class Transcript {
  readonly #entries: Record<Phone, TranscriptEntry[]> = { resident: [], staff: [] };
  readonly #listeners = new Set<Listener>();

  constructor(
    private readonly clock: () => Date,
    private readonly limit = 300,
  ) {}

  /** Appends an entry and tells every open page about it. */
  add(entry: NewEntry): TranscriptEntry {
    const full: TranscriptEntry = {
      ...entry,
      options: entry.options ?? [],
      id: randomUUID(),
      at: this.clock().toISOString(),
    };
    const list = this.#entries[entry.phone];
    list.push(full);
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    for (const listener of this.#listeners) listener(full);
    return full;
  }

  /**
   * Puts the desk's earlier replies back on a phone after a restart, with their
   * own times, then a line saying the conversation continues: the phone's own
   * messages are gone, so without it the replies would read as out of context.
   */
  restore(phone: Phone, replies: RestoredReply[]): void {
    if (replies.length === 0) return;
    const list = this.#entries[phone];
    for (const reply of replies.slice(-this.limit + 1)) {
      list.push({
        id: randomUUID(),
        phone,
        from: 'desk',
        at: reply.at.toISOString(),
        text: reply.text,
        options: reply.options,
      });
    }
    list.push({
      id: randomUUID(),
      phone,
      from: 'note',
      at: this.clock().toISOString(),
      text: '',
      options: [],
    });
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
  }

  /** True when a message with this client id is already shown (a retried POST). */
  has(phone: Phone, messageId: string): boolean {
    return this.#entries[phone].some((entry) => entry.messageId === messageId);
  }

  snapshot(): Record<Phone, TranscriptEntry[]> {
    return { resident: [...this.#entries.resident], staff: [...this.#entries.staff] };
  }

  /** Calls `listener` for every new entry until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
