/**
 * The staff and partner desk: chat commands from Puskesos staff, koordinators
 * and partners. Each command runs in one transaction, like a resident's turn:
 * the message id is recorded first (a redelivered command runs once), the
 * role and area are checked, the command's effects and every message they
 * cause (answers, resident updates, announcements) are written together.
 */
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { type Locale, t } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import type { TurnMeter, TurnResult } from '../metrics/meters.ts';
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import { handleOnce } from '../runtime/handle-once.ts';
import { KeyedQueue } from '../runtime/keyed-queue.ts';
import type { InboundMessage, OutboundMessage, OutboundOption } from '../runtime/messages.ts';
import { writeOutbox } from '../runtime/outbox-writer.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';
import type { TurnOutcome } from '../runtime/run-turn.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Database, Tx } from '../store/database.ts';
import { type Actor, findActor } from './actor.ts';
import type { CommandContext } from './command.ts';
import { commandMenuFor } from './command-menu.ts';
import { COMMAND_NAMES, findCommand, JOIN_COMMAND } from './command-registry.ts';
import { joinReply, joinWithInvite } from './commands/join.ts';
import { type ParsedCommand, parseCommand } from './parse-command.ts';
import { wasRevoked } from './revoked-staff.ts';
import { rememberStaffChat } from './staff-chats.ts';
import { placeholderStaffName } from './staff-name.ts';
import { staffStandingOf } from './staff-standing.ts';
import { usageExamples, usageLine } from './usage-examples.ts';

/** INVITE_TTL_HOURS's default (src/config/env.ts), for desks built without a config. */
const DEFAULT_INVITE_TTL_HOURS = 72;

/** Where a desk built without a server (tests, tools) says its pages are: `npm start`'s address. */
const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/** Commands a resident uses too: from someone without a role they belong to the conversation. */
const RESIDENT_COMMANDS = new Set(['bantuan', 'start', 'menu', 'batal', 'kembali']);

export interface StaffDeskDeps {
  db: Database;
  cipher: FieldCipher;
  ref: ReferenceData;
  runtime: Pick<ConversationRuntime, 'startFlow'>;
  logger: Logger;
  clock?: () => Date;
  /** the desk's web address for links it sends (known once the server listens); a local default otherwise */
  publicUrl?: () => string;
  /** counts commands and their latency (METRICS_ENABLED) */
  metrics?: TurnMeter;
  /** validity of invites made with /undang; INVITE_TTL_HOURS's default when not given */
  inviteTtlHours?: number;
  /** where files the desk makes (report charts, CSV) are kept to be sent */
  attachments?: AttachmentStore;
}

function commandOf(message: InboundMessage): ParsedCommand | null {
  if (message.kind === 'option' && message.optionId?.startsWith('/')) {
    return parseCommand(message.optionId);
  }
  return message.kind === 'text' ? parseCommand(message.text) : null;
}

export class StaffDesk {
  readonly #queue = new KeyedQueue();
  readonly #clock: () => Date;

  constructor(private readonly deps: StaffDeskDeps) {
    this.#clock = deps.clock ?? (() => new Date());
  }

  /** Whether a message belongs here rather than in a resident conversation. */
  async claims(message: InboundMessage): Promise<boolean> {
    const parsed = commandOf(message);
    if (parsed?.name === JOIN_COMMAND) return true;
    const standing = await staffStandingOf(
      this.deps.db.statements(),
      message.channel,
      message.sender.id,
    );
    if (standing.active) return true;
    // Someone whose access was revoked learns so from /bantuan too, not from the resident menu.
    if (standing.isStaff && parsed?.name === 'bantuan') return true;
    return parsed !== null && COMMAND_NAMES.has(parsed.name) && !RESIDENT_COMMANDS.has(parsed.name);
  }

  /**
   * True when only the sender's standing can make this message the staff
   * desk's (it is no command): then it is theirs exactly when an active staff
   * member sent it, which the resident turn can ask in its own first round
   * trip (`unlessStaff`) instead of `claims` asking before it.
   */
  standingAlone(message: InboundMessage): boolean {
    return commandOf(message) === null;
  }

  handle(message: InboundMessage): Promise<TurnOutcome> {
    return this.#queue.run(`${message.channel}:${message.conversationKey}`, () =>
      this.#handle(message),
    );
  }

  async #handle(message: InboundMessage): Promise<TurnOutcome> {
    const now = this.#clock();
    const causeKey = `cmd:${message.channel}:${message.messageId}`;
    const afterCommit: (() => Promise<unknown>)[] = [];
    const handled = await handleOnce(
      {
        db: this.deps.db,
        cipher: this.deps.cipher,
        logger: this.deps.logger,
        now,
        apology: 'staff.failed',
        ...(this.deps.metrics ? { observe: commandObserver(this.deps.metrics, message) } : {}),
      },
      message,
      async (tx) => {
        const replies = await this.#run(tx, message, now, causeKey, afterCommit);
        await writeOutbox(
          this.deps.db.statements(tx),
          this.deps.cipher,
          { channel: message.channel, chatKey: message.conversationKey },
          causeKey,
          replies,
          now,
        );
        return replies;
      },
    );
    if (handled.status !== 'handled') {
      return { status: handled.status === 'duplicate' ? 'duplicate' : 'handled', replies: [] };
    }
    for (const task of afterCommit) {
      await task().catch((error: unknown) =>
        this.deps.logger.error({ err: error, causeKey }, 'follow-up of a staff command failed'),
      );
    }
    return { status: 'handled', replies: handled.result };
  }

  async #run(
    tx: Tx,
    message: InboundMessage,
    now: Date,
    causeKey: string,
    afterCommit: (() => Promise<unknown>)[],
  ): Promise<OutboundMessage[]> {
    const inGroup = message.chatType === 'group';
    const who = { channel: message.channel, externalId: message.sender.id };
    const chat = { channel: message.channel, chatKey: message.conversationKey };
    const identity = await tx.channelIdentity.upsert({
      where: { channel_externalId: who },
      create: {
        ...who,
        altExternalId: message.sender.altId ?? null,
        createdAt: now,
        lastSeenAt: now,
      },
      update: { lastSeenAt: now },
      select: { id: true, locale: true },
    });
    const out: OutboundMessage[] = [];
    const parsed = commandOf(message);
    let actor = await findActor(tx, who, message);
    const locale: Locale = actor?.locale ?? (identity.locale as Locale);
    const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
      out.push({ text: t(locale, key, params), options: [] });

    if (!parsed) {
      // Group chatter is people talking to each other; a private chat deserves an answer.
      if (!inGroup) say('staff.notCommand');
      return out;
    }
    if (parsed.name === JOIN_COMMAND) {
      const joined = await joinWithInvite(tx, this.deps.cipher, {
        identityId: identity.id,
        typedCode: parsed.args,
        displayName: message.sender.name ?? placeholderStaffName(identity.id),
        now,
      });
      actor = await findActor(tx, who, message);
      out.push({
        text: joinReply(locale, joined),
        options: [],
        ...(joined.ok && actor ? { commandMenu: commandMenuFor(actor.role, locale) } : {}),
      });
      if (joined.ok && actor) {
        await rememberStaffChat(tx, actor, chat);
        if (inGroup && actor.role !== 'mitra') say('staff.join.room', { unit: actor.unitName });
      }
      return out;
    }
    if (!actor) {
      say((await wasRevoked(tx, identity.id)) ? 'staffAdmin.revoked' : 'staff.notStaff');
      return out;
    }
    if (actor.partner && !actor.partner.active) {
      // The partnership ended: its contacts keep no access, whatever they type.
      say('partner.inactive', { partner: actor.partner.name });
      return out;
    }
    await rememberStaffChat(tx, actor, chat);
    const command = findCommand(parsed.name);
    if (!command) {
      say('staff.unknownCommand', { command: `/${parsed.name}` });
      return out;
    }
    if (!command.roles.includes(actor.role)) {
      say('staff.notAllowed', {
        command: parsed.name,
        role: t(locale, `staff.role.${actor.role}`),
      });
      return out;
    }
    const args = command.args.safeParse(parsed.args);
    if (!args.success) {
      const examples = await usageExamples(tx, actor, now);
      say('staff.usage', {
        usage: usageLine(locale, command, actor.role, examples.params),
      });
      return out;
    }
    await command.run(this.#context(tx, actor, chat, now, causeKey, out, afterCommit), args.data);
    return out;
  }

  #context(
    tx: Tx,
    actor: Actor,
    chat: { channel: string; chatKey: string },
    now: Date,
    causeKey: string,
    out: OutboundMessage[],
    afterCommit: (() => Promise<unknown>)[],
  ): CommandContext {
    return {
      tx,
      actor,
      chat,
      now,
      causeKey,
      cipher: this.deps.cipher,
      ref: this.deps.ref,
      runtime: this.deps.runtime,
      prisma: this.deps.db.prisma,
      publicUrl: this.deps.publicUrl ?? (() => DEFAULT_PUBLIC_URL),
      inviteTtlHours: this.deps.inviteTtlHours ?? DEFAULT_INVITE_TTL_HOURS,
      logger: this.deps.logger,
      reply: (key, params, options: OutboundOption[] = []) =>
        out.push({ text: t(actor.locale, key, params), options }),
      replyText: (text, options: OutboundOption[] = []) => out.push({ text, options }),
      replyFile: (caption, attachmentId) =>
        out.push({ text: caption, options: [], attachment: { attachmentId } }),
      storeFile: async (file) =>
        this.deps.attachments ? this.deps.attachments.saveGenerated(tx, file) : null,
      afterCommit: (task) => afterCommit.push(task),
    };
  }
}

/** Reports a staff or partner command to the meter. */
function commandObserver(meter: TurnMeter, message: InboundMessage) {
  return (result: TurnResult, seconds: number) =>
    meter.turnDone('staff', message.channel, result, seconds);
}
