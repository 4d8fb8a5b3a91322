/**
 * Decides when the kill test pulls the plug and remembers what each kill left
 * behind. Kinds take turns: mid-turn (while a desk handles an update),
 * before-send (a sendMessage on its way to Telegram) and after-send (Telegram
 * accepted it, the desk has not heard back). The next kill waits until the
 * desk is back, the chats the last one held have had their next message and
 * a few more turns went through, so every kill is measured on its own.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../src/store/database.ts';
import type { SentMessage } from './bot-api-emulator.ts';
import type { DeskFleet } from './desk-fleet.ts';
import type { BotApiTap, TapPhase, WebhookBalancer } from './kill-switches.ts';

export type KillKind = 'mid-turn' | TapPhase;
const KINDS: readonly KillKind[] = ['mid-turn', 'before-send', 'after-send'];

export interface KillRecord {
  kind: KillKind;
  /** performance.now() when the kill was decided */
  diedAt: number;
  /** performance.now() once the killed process was gone */
  goneAt: number;
  /** when a desk could send the held chats again: the restart, or at once with a survivor */
  availableAt: number | null;
  /** chats with an outbox row the killed desk had claimed */
  heldChats: string[];
  /** outbox rows still pending when it died: a row among them that had already reached Telegram was caught in the crash window */
  pending: number[];
}

export interface KillControllerDeps {
  fleet: DeskFleet;
  tap: BotApiTap;
  balancer: WebhookBalancer;
  prisma: Db;
  kills: number;
  /** turns handled after a recovery before the next kill is armed */
  turnsBetween: number;
  sentTo(chatKey: string): SentMessage[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class KillController {
  readonly records: KillRecord[] = [];
  #armed: KillKind | null = null;
  #busy = false;
  #triggered = 0;
  #turns = 0;
  readonly #work: Promise<void>[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly deps: KillControllerDeps) {
    deps.tap.intercept = async (slot, phase, chatId) => {
      if (!this.#trigger(phase)) return 'pass';
      await this.#kill(phase, slot, chatId);
      return 'drop';
    };
    deps.balancer.onForward = (slot) => {
      if (!this.#trigger('mid-turn')) return;
      // A turn takes a few milliseconds: the kill lands before, inside or after its transaction.
      this.#work.push(sleep(Math.random() * 15).then(() => this.#kill('mid-turn', slot)));
    };
    this.#timer = setInterval(() => this.#maybeArm(), 50);
  }

  /** The residents call this after each handled turn. */
  turnHandled(): void {
    this.#turns += 1;
  }

  /** Every planned kill happened and the desks are back. */
  get done(): boolean {
    return this.records.length >= this.deps.kills && !this.#busy;
  }

  killed(kind: KillKind): number {
    return this.records.filter((r) => r.kind === kind).length;
  }

  async settled(): Promise<void> {
    clearInterval(this.#timer);
    this.deps.tap.intercept = null;
    this.deps.balancer.onForward = null;
    // A kill's restart joins the list while earlier work settles.
    for (let seen = -1; seen !== this.#work.length; ) {
      seen = this.#work.length;
      await Promise.allSettled(this.#work);
    }
  }

  #trigger(kind: KillKind): boolean {
    if (this.#armed !== kind || this.#busy) return false;
    this.#armed = null;
    this.#busy = true;
    this.#triggered += 1;
    return true;
  }

  #maybeArm(): void {
    const { fleet, kills, turnsBetween } = this.deps;
    if (this.#armed || this.#busy || this.#triggered >= kills) return;
    if (this.#turns < turnsBetween || fleet.live().length < fleet.slots.length) return;
    const last = this.records.at(-1);
    const recovered = last?.heldChats.every((chatKey) =>
      this.deps.sentTo(chatKey).some((m) => last.availableAt !== null && m.at >= last.availableAt),
    );
    if (last && !recovered) return;
    this.#armed = KINDS[this.#triggered % KINDS.length] as KillKind;
  }

  /** SIGKILLs the desk, notes what it held, and starts it again in the background. */
  async #kill(kind: KillKind, slot: number, chatId?: string): Promise<void> {
    const { fleet, prisma } = this.deps;
    const diedAt = performance.now();
    await fleet.kill(slot);
    const goneAt = performance.now();
    const pending = await prisma.outbox.findMany({
      where: { status: 'pending' },
      select: { id: true, chatKey: true, lockedBy: true, lockedUntil: true },
    });
    const claimed = pending.filter((row) => row.lockedUntil && row.lockedUntil > new Date());
    // Alone, every claim was the dead desk's; beside a survivor, only those of the
    // worker that was sending to the chat the kill caught.
    const worker = claimed.find((row) => row.chatKey === chatId)?.lockedBy;
    const its = fleet.slots.length === 1 ? claimed : claimed.filter((r) => r.lockedBy === worker);
    const record: KillRecord = {
      kind,
      diedAt,
      goneAt,
      availableAt: fleet.slots.length === 1 ? null : diedAt,
      heldChats: [...new Set(its.map((row) => row.chatKey))],
      pending: pending.map((row) => row.id),
    };
    this.records.push(record);
    const restart = fleet.start(slot).then((readyAt) => {
      record.availableAt ??= readyAt;
      this.#turns = 0;
      this.#busy = false;
    });
    restart.catch(() => undefined);
    this.#work.push(restart);
  }
}
