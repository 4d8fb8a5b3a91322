/**
 * The shape of one chat command: who may use it, how its arguments read, and
 * what it does inside the command's transaction.
 */
import type { z } from 'zod';
import type { Key, Params } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import type { OutboundOption } from '../runtime/messages.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { StaffRole } from '../staff/roles.ts';
import type { Db, Tx } from '../store/database.ts';
import type { Actor } from './actor.ts';

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  /** the chat the command came from */
  chat: { channel: string; chatKey: string };
  now: Date;
  /** unique per inbound message: dedupe keys of everything this command queues start with it */
  causeKey: string;
  cipher: FieldCipher;
  ref: ReferenceData;
  runtime: Pick<ConversationRuntime, 'startFlow'>;
  /** for after-commit work only; inside the command use tx */
  prisma: Db;
  /** how long an invite made from chat stays valid (INVITE_TTL_HOURS) */
  inviteTtlHours: number;
  /** for records without personal data (who revoked whom, by id) */
  logger: Logger;
  /** the desk's own web address (DASHBOARD_BASE_URL), for links it sends such as /dasbor's */
  publicUrl(): string;
  /** an answer to the chat the command came from, in the actor's language */
  reply(key: Key, params?: Params, options?: OutboundOption[]): void;
  /** an answer composed from several catalog lines */
  replyText(text: string, options?: OutboundOption[]): void;
  /** a stored photo or document, with a caption */
  replyFile(caption: string, attachmentId: string): void;
  /**
   * Stores a file the command made (a report's chart or CSV) so replyFile can
   * send it; null when this desk keeps no files.
   */
  storeFile(file: {
    bytes: Uint8Array;
    mimeType: string;
    kind: 'photo' | 'document';
  }): Promise<string | null>;
  /** work that needs the command committed first (it opens its own transaction) */
  afterCommit(task: () => Promise<unknown>): void;
}

export interface StaffCommand<A = unknown> {
  name: string;
  roles: readonly StaffRole[];
  /** the catalog line shown by /bantuan and after a wrong argument */
  usage: Key;
  /** reads the text after the command; a failure shows the usage line */
  args: z.ZodType<A, string>;
  run(ctx: CommandContext, args: A): Promise<void>;
}

/** Keeps each command's argument type while listing them together. */
export function command<A>(definition: StaffCommand<A>): StaffCommand<A> {
  return definition;
}

export const STAFF = ['petugas', 'koordinator', 'admin'] as const satisfies readonly StaffRole[];
export const PARTNER = ['mitra'] as const satisfies readonly StaffRole[];
