/**
 * One turn of one conversation, inside one database transaction: restore the
 * flow, read the message against the current step, transition, carry out the
 * effects, save the snapshot and queue every reply in the outbox. Either all
 * of it is committed or none of it.
 */
import type { InputEvent, Resolution } from '../../flows/flow-kit.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import type { FileEraser } from '../privacy/erase-resident.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import type { TurnStatements } from '../store/turn-statements.ts';
import { loadConversation, saveConversation } from './conversation-store.ts';
import { type ActiveFlow, currentStep, type FlowDriver } from './flow-driver.ts';
import { globalCommand } from './global-commands.ts';
import { type InboundMessage, numberOptions, type OutboundMessage } from './messages.ts';
import { outboxRows } from './outbox-writer.ts';
import type { ReferenceData } from './reference-data.ts';
import { resolveInput } from './resolve-input.ts';
import { stepOptions } from './step-options.ts';
import type { TurnScope } from './turn-scope.ts';

/** A conversation untouched this long starts over at the menu. */
export const IDLE_RESTART_MS = 30 * 60_000;

export interface TurnDeps {
  cipher: FieldCipher;
  ref: ReferenceData;
  driver: FlowDriver;
  logger: Logger;
  files?: FileEraser | undefined;
}

export type TurnOutcome = {
  status: 'handled' | 'duplicate' | 'ignored';
  replies: OutboundMessage[];
};

export async function runTurn(
  tx: Tx,
  sql: TurnStatements,
  deps: TurnDeps,
  message: InboundMessage,
  now: Date,
): Promise<TurnOutcome> {
  const loaded = await loadConversation(sql, deps.cipher, message.channel, message.conversationKey);
  const identity = loaded
    ? { id: loaded.identityId, citizenId: loaded.citizenId, locale: loaded.locale }
    : await identityOf(sql, message, now);
  const scope = newScope(tx, sql, deps, message, identity, now);

  let active: ActiveFlow;
  const restored = loaded?.flow
    ? deps.driver.restore(
        loaded.flow.flowId,
        loaded.flow.version,
        loaded.flow.value,
        loaded.flow.context,
      )
    : null;
  if (!loaded) {
    active = await deps.driver.start(scope, 'entry');
  } else if (!restored) {
    scope.say('runtime.restarted.version');
    active = await deps.driver.start(scope, 'menu');
  } else if (
    now.getTime() - loaded.updatedAt.getTime() > IDLE_RESTART_MS &&
    !currentStep(restored.snapshot)?.keepOnIdle
  ) {
    scope.say('runtime.restarted.idle');
    const fresh = await deps.driver.start(scope, restored.def.id === 'entry' ? 'entry' : 'menu');
    active = await wokenAt(scope, deps, fresh, message);
  } else {
    active = await answer(scope, deps, restored, message);
  }

  await renderPrompt(scope, active);
  await saveTurn(scope, active, `in:${message.channel}:${message.messageId}`);
  return { status: 'handled', replies: replies(scope) };
}

/** The flow's snapshot written back and the turn's replies queued, keyed by what caused them. */
function saveTurn(scope: TurnScope, active: ActiveFlow, causeKey: string): Promise<void> {
  const key = { channel: scope.channel, chatKey: scope.chatKey, identityId: scope.identityId };
  return saveConversation(
    scope.sql,
    scope.cipher,
    key,
    {
      flowId: active.def.id,
      version: active.def.version,
      value: active.snapshot.value,
      context: active.snapshot.context as Record<string, unknown>,
    },
    scope.locale,
    scope.now,
    outboxRows(scope.cipher, key, causeKey, replies(scope), scope.now),
  );
}

async function answer(
  scope: TurnScope,
  deps: TurnDeps,
  active: ActiveFlow,
  message: InboundMessage,
): Promise<ActiveFlow> {
  const command = message.kind === 'text' ? globalCommand(message.text) : null;
  switch (command) {
    case 'MENU':
      return active.def.id === 'entry'
        ? deps.driver.start(scope, 'entry')
        : deps.driver.start(scope, 'menu');
    case 'CANCEL':
      scope.say(currentStep(active.snapshot)?.cancelled ?? 'runtime.cancelled');
      return active.def.id === 'entry'
        ? deps.driver.start(scope, 'entry')
        : deps.driver.start(scope, 'menu');
    case 'HELP':
      scope.say('runtime.help');
      return active;
    case 'AID':
      // At the menu "bantuan" is read as an intent (it starts a help request).
      if (currentStep(active.snapshot)?.intents) return read(scope, deps, active, message);
      scope.say(AID_ELSEWHERE[active.def.id] ?? 'runtime.aid.elsewhere');
      return active;
    case 'BACK': {
      if (!active.snapshot.can({ type: 'BACK' } as never)) {
        scope.say('runtime.backUnavailable');
        return active;
      }
      return deps.driver.send(scope, active, { type: 'BACK' });
    }
    default:
      return read(scope, deps, active, message);
  }
}

/** What "bantuan" says where it cannot start a help request. */
const AID_ELSEWHERE: Partial<Record<ActiveFlow['def']['id'], Key>> = {
  entry: 'runtime.aid.first',
  'help-request': 'runtime.aid.filling',
};

/** The message read as an answer to the current step and fed to the flow. */
async function read(
  scope: TurnScope,
  deps: TurnDeps,
  active: ActiveFlow,
  message: InboundMessage,
): Promise<ActiveFlow> {
  return feed(scope, deps, active, message, await resolveAt(scope, deps, active, message));
}

function feed(
  scope: TurnScope,
  deps: TurnDeps,
  active: ActiveFlow,
  message: InboundMessage,
  resolution: Resolution,
): Promise<ActiveFlow> {
  scope.input = { kind: message.kind, text: message.text, resolution };
  const event: InputEvent = { type: 'INPUT', input: scope.input };
  return deps.driver.send(scope, active, event);
}

async function resolveAt(
  scope: TurnScope,
  deps: TurnDeps,
  active: ActiveFlow,
  message: InboundMessage,
): Promise<Resolution> {
  const step = currentStep(active.snapshot);
  const options = await stepOptions(step?.options, optionScope(scope, active));
  return resolveInput(step?.expects, message, options, deps.ref, scope.now, step?.intents);
}

/**
 * The message that woke an idle chat is not thrown away: acted on at the fresh
 * step when it means something there (an option, an intent, "petunjuk",
 * "bantuan"). "menu", "batal" and "kembali" were meant for the step that is
 * gone, and words that fit nothing, so both only show the fresh step.
 */
async function wokenAt(
  scope: TurnScope,
  deps: TurnDeps,
  fresh: ActiveFlow,
  message: InboundMessage,
): Promise<ActiveFlow> {
  const command = message.kind === 'text' ? globalCommand(message.text) : null;
  if (command === 'HELP' || command === 'AID') return answer(scope, deps, fresh, message);
  if (command !== null) return fresh;
  const resolution = await resolveAt(scope, deps, fresh, message);
  return resolution.ok ? feed(scope, deps, fresh, message, resolution) : fresh;
}

async function renderPrompt(scope: TurnScope, active: ActiveFlow): Promise<void> {
  const step = currentStep(active.snapshot);
  if (!step) return;
  const context = active.snapshot.context as Record<string, unknown>;
  const options = await stepOptions(step.options, optionScope(scope, active));
  // Numbered here, for every channel alike: typing the number picks the option.
  scope.send(
    numberOptions({
      text: t(scope.locale, step.prompt, promptVars(context)),
      options: options.filter((o) => !o.hidden).map(({ id, label }) => ({ id, label })),
    }),
  );
}

function optionScope(scope: TurnScope, active: ActiveFlow) {
  return {
    locale: scope.locale,
    context: active.snapshot.context as Record<string, unknown>,
    ref: scope.ref,
    tx: scope.tx,
    identityId: scope.identityId,
    citizenId: scope.citizenId,
  };
}

/** Context fields a prompt may show: plain strings and numbers only. */
function promptVars(context: Record<string, unknown>): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(context)) {
    if (typeof value === 'string' || typeof value === 'number') vars[name] = value;
  }
  return vars;
}

const OUTBOX = Symbol('outbox');
type ScopeWithOutbox = TurnScope & { [OUTBOX]: OutboundMessage[] };

function replies(scope: TurnScope): OutboundMessage[] {
  return (scope as ScopeWithOutbox)[OUTBOX];
}

function newScope(
  tx: Tx,
  sql: TurnStatements,
  deps: TurnDeps,
  message: InboundMessage | null,
  identity: { id: string; citizenId: string | null; locale: Locale },
  now: Date,
  target?: { channel: InboundMessage['channel']; chatKey: string },
): TurnScope {
  const outbox: OutboundMessage[] = [];
  const scope: ScopeWithOutbox = {
    [OUTBOX]: outbox,
    tx,
    sql,
    cipher: deps.cipher,
    ref: deps.ref,
    logger: deps.logger,
    files: deps.files ?? null,
    now,
    channel: message?.channel ?? (target?.channel as InboundMessage['channel']),
    chatKey: message?.conversationKey ?? (target?.chatKey as string),
    identityId: identity.id,
    citizenId: identity.citizenId,
    locale: identity.locale,
    inbound: message,
    input: null,
    context: {},
    nextFlow: null,
    send: (m) => outbox.push(m),
    say: (key: Key, vars) => outbox.push({ text: t(scope.locale, key, vars), options: [] }),
  };
  return scope;
}

async function identityOf(sql: TurnStatements, message: InboundMessage, now: Date) {
  const identity = await sql.identityOf(
    {
      channel: message.channel,
      externalId: message.sender.id,
      altExternalId: message.sender.altId ?? null,
    },
    now,
  );
  return { ...identity, locale: identity.locale as Locale };
}

/**
 * Starts a flow in a chat because of something that happened elsewhere (a
 * ticket was completed, so the resident is asked for feedback). Runs inside
 * the caller's transaction; `causeKey` names the event for de-duplication.
 */
export async function startFlowInChat(
  tx: Tx,
  sql: TurnStatements,
  deps: TurnDeps,
  target: { channel: InboundMessage['channel']; chatKey: string },
  flowId: Parameters<FlowDriver['start']>[1],
  start: Parameters<FlowDriver['start']>[2],
  causeKey: string,
  now: Date,
): Promise<void> {
  const loaded = await loadConversation(sql, deps.cipher, target.channel, target.chatKey);
  if (!loaded) throw new Error('no conversation in that chat');
  const identity = { id: loaded.identityId, citizenId: loaded.citizenId, locale: loaded.locale };
  const scope = newScope(tx, sql, deps, null, identity, now, target);
  const active = await deps.driver.start(scope, flowId, start);
  await renderPrompt(scope, active);
  await saveTurn(scope, active, causeKey);
}
