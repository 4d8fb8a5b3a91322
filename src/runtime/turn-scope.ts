/** What an effect may use during one turn, inside the turn's database transaction. */
import type { FlowId, FlowInput, FlowStart } from '../../flows/flow-kit.ts';
import type { Key, Locale } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import type { FileEraser } from '../privacy/erase-resident.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { Tx } from '../store/database.ts';
import type { TurnStatements } from '../store/turn-statements.ts';
import type { InboundMessage, OutboundMessage } from './messages.ts';
import type { ReferenceData } from './reference-data.ts';

export interface TurnScope {
  tx: Tx;
  /** the same transaction's hot statements */
  sql: TurnStatements;
  cipher: FieldCipher;
  ref: ReferenceData;
  logger: Logger;
  /** stored photos and documents, for erasing them (null: the desk runs without storage) */
  files: FileEraser | null;
  now: Date;
  channel: InboundMessage['channel'];
  chatKey: string;
  identityId: string;
  /** the citizen this chat identity belongs to, once known */
  citizenId: string | null;
  locale: Locale;
  /** the message being handled (absent when a domain event starts a flow) */
  inbound: InboundMessage | null;
  /** the resolved input of the current INPUT event */
  input: FlowInput | null;
  /** the machine context at the time the effect runs */
  context: Record<string, unknown>;
  send(message: OutboundMessage): void;
  say(key: Key, vars?: Record<string, string | number>): void;
  /** set by startFlow: the flow to continue in after this transition */
  nextFlow: { flowId: FlowId; start: Partial<FlowStart> } | null;
}

/** An effect's result, fed back into the machine as an event in the same turn. */
export type EffectResult = { type: string; [key: string]: unknown };

export type EffectHandler = (
  scope: TurnScope,
  params: Record<string, unknown>,
) => Promise<EffectResult | undefined> | EffectResult | undefined;
