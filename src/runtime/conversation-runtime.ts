/**
 * The conversation runtime: the single entry point for every inbound message
 * from every channel. Turns of one chat run one at a time in arrival order;
 * a message id seen before is ignored; each turn is one transaction.
 */
import type { FlowId, FlowStart } from '../../flows/flow-kit.ts';
import type { Logger } from '../log.ts';
import type { TurnMeter, TurnResult } from '../metrics/meters.ts';
import type { FileEraser } from '../privacy/erase-resident.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Database } from '../store/database.ts';
import { EFFECT_HANDLERS } from './effects/index.ts';
import { FlowDriver } from './flow-driver.ts';
import { FLOWS, type FlowRegistry } from './flow-registry.ts';
import { handleOnce } from './handle-once.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { type InboundMessage, type InboundMessageInput, inboundMessageSchema } from './messages.ts';
import type { ReferenceData } from './reference-data.ts';
import { runTurn, startFlowInChat, type TurnDeps, type TurnOutcome } from './run-turn.ts';
import type { EffectHandler } from './turn-scope.ts';

export interface RuntimeOptions {
  db: Database;
  cipher: FieldCipher;
  ref: ReferenceData;
  logger: Logger;
  clock?: () => Date;
  flows?: FlowRegistry;
  effects?: Record<string, EffectHandler>;
  /** counts turns and their latency (METRICS_ENABLED) */
  metrics?: TurnMeter;
  /** where residents' photos are stored, so "Hapus data saya" deletes the files too */
  attachments?: FileEraser;
}

export class ConversationRuntime {
  readonly #queue = new KeyedQueue();
  readonly #deps: TurnDeps;
  readonly #clock: () => Date;

  constructor(private readonly options: RuntimeOptions) {
    this.#clock = options.clock ?? (() => new Date());
    this.#deps = {
      cipher: options.cipher,
      ref: options.ref,
      logger: options.logger,
      files: options.attachments,
      driver: new FlowDriver(options.flows ?? FLOWS, { ...EFFECT_HANDLERS, ...options.effects }),
    };
  }

  /** Handles one inbound message; resolves when its turn is committed. */
  handle(input: InboundMessageInput): Promise<TurnOutcome> {
    return this.handleParsed(inboundMessageSchema.parse(input));
  }

  /**
   * The same for a message the gateway already validated, so it is not cleaned
   * and parsed twice. `unlessStaff`: an active staff member's message throws
   * SentByStaff instead, with nothing written (the gateway's way of asking).
   */
  handleParsed(message: InboundMessage, { unlessStaff = false } = {}): Promise<TurnOutcome> {
    return this.#queue.run(`${message.channel}:${message.conversationKey}`, () =>
      this.#turn(message, unlessStaff),
    );
  }

  /** Starts a flow in an existing chat (e.g. feedback once a ticket is done). */
  startFlow(
    target: { channel: InboundMessage['channel']; chatKey: string },
    flowId: FlowId,
    start: Partial<FlowStart>,
    causeKey: string,
  ): Promise<void> {
    return this.#queue.run(`${target.channel}:${target.chatKey}`, () =>
      this.options.db.inChat(target, (tx, sql) =>
        startFlowInChat(tx, sql, this.#deps, target, flowId, start, causeKey, this.#clock()),
      ),
    );
  }

  async #turn(message: InboundMessage, unlessStaff: boolean): Promise<TurnOutcome> {
    const handled = await handleOnce(
      {
        db: this.options.db,
        cipher: this.options.cipher,
        logger: this.options.logger,
        now: this.#clock(),
        apology: 'runtime.error',
        unlessStaff,
        ...(this.options.metrics ? { observe: observer(this.options.metrics, message) } : {}),
      },
      message,
      (tx, sql) => runTurn(tx, sql, this.#deps, message, this.#clock()),
    );
    if (handled.status === 'handled') return handled.result;
    return { status: handled.status === 'duplicate' ? 'duplicate' : 'handled', replies: [] };
  }
}

/** Reports a resident's turn to the meter. */
function observer(meter: TurnMeter, message: InboundMessage) {
  return (result: TurnResult, seconds: number) =>
    meter.turnDone('resident', message.channel, result, seconds);
}
