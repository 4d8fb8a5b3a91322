/**
 * The contract between the pure conversation machines in flows/ and the
 * runtime that drives them (src/runtime/). Flows never do I/O: they declare
 * what each step asks (state `meta`), react to the resident's input as
 * already resolved by the runtime, and name effects the runtime carries out
 * in the same database transaction.
 *
 * A step looks like:
 *
 *   askNik: {
 *     meta: { prompt: 'help.askNik', expects: 'nik' } satisfies StepMeta,
 *     on: {
 *       INPUT: [
 *         { guard: 'inputAccepted', target: 'askKk', actions: 'rememberNik' },
 *         { actions: 'refuseInput' },   // runtime sends the reason, then the prompt again
 *       ],
 *       BACK: 'askName',
 *     },
 *   }
 *
 * The runtime sends a step's prompt whenever the conversation enters it, and
 * again after a refusal. "menu", "batal", "petunjuk" and "bantuan" are
 * handled by the runtime for every flow (at the menu "bantuan" is an intent,
 * see src/runtime/menu-intents.ts); "kembali" arrives as BACK.
 */
import type { Key, Locale } from '../src/i18n/translate.ts';

export const FLOW_IDS = [
  'entry',
  'menu',
  'help-request',
  'complaint',
  'status',
  'feedback',
  'service-info',
  'contact-staff',
] as const;
export type FlowId = (typeof FLOW_IDS)[number];

/** What kind of answer a step waits for; the runtime has one resolver per kind. */
export type Expectation =
  /** one of the step's options, by number, by label (tolerant) or by button */
  | 'choice'
  /** free text, 3 to 1,000 characters, not emoji only */
  | 'text'
  /** a person's name: letters, 2 to 100 characters */
  | 'name'
  | 'nik'
  | 'kk'
  /**
   * a place of an `area` option source typed by name (tolerant of typos), or
   * one of the options shown; a name that fits several places is refused with
   * `input.placeUnclear`, one that fits none with `input.placeNotFound`
   */
  | 'area'
  /** photos or documents, or the option to finish */
  | 'attachments'
  | 'trackingCode'
  /** 1 to 5 */
  | 'rating'
  /** a chat message: any text up to 1,000 characters, or photos/documents (with a caption) */
  | 'message';

/** Where a step's options come from. Static ones name their label keys. */
export type OptionSource =
  | { kind: 'static'; options: readonly { id: string; label: Key }[] }
  | { kind: 'services' }
  /** the resident's own tickets, then the static `extra` ones (a way back to the menu) */
  | { kind: 'myTickets'; extra?: readonly { id: string; label: Key }[] }
  /**
   * A long list of places asked by name (flows/place-steps.ts). `ask`: every
   * place when they fit on one page, else only "Lihat daftar"; `matches`: the
   * places closest to `context.areaQuery`, then "Lihat daftar"; `page`: page
   * `context.areaPage` of the whole list, then "Lainnya" when there are more.
   * Desa are those of `context.kecamatanCode`. Any place may be typed by name.
   */
  | { kind: 'area'; level: 'kecamatan' | 'desa'; view: 'ask' | 'matches' | 'page' }
  /** `context[field]` as `{ id, label }[]` (found by an effect), then the static `extra` ones */
  | { kind: 'fromContext'; field: string; extra?: readonly { id: string; label: Key }[] };

/** State meta of a step. `prompt` is rendered with the machine's context as parameters. */
export interface StepMeta {
  prompt: Key;
  expects?: Expectation;
  options?: OptionSource;
  /** the desk asked this itself or a chat stays open: a 30-minute pause does not restart it */
  keepOnIdle?: boolean;
  /** what "batal" says here, when "nothing was sent" would not be true */
  cancelled?: Key;
  /**
   * Values this step also reads from a resident's own words when they pick no
   * option ("saya butuh bantuan beras" at the menu means 'help'); see
   * src/runtime/menu-intents.ts for the words.
   */
  intents?: readonly string[];
}

/** Start data an intent found in free words: the service they point to, a tracking code. */
export interface IntentStart {
  serviceCode?: string;
  ticketCode?: string;
}

/** A refusal the resident sees: a catalog key and its parameters. */
export interface Refusal {
  code: Key;
  [param: string]: string | number;
}

/** The runtime's reading of one inbound message against the current step. */
export type Resolution =
  | {
      ok: true;
      value: string;
      label?: string;
      attachmentIds?: string[];
      done?: boolean;
      /** what the chosen flow may start with, read from the resident's words (an intent) */
      start?: IntentStart;
    }
  | { ok: false; reason: Refusal };

export interface FlowInput {
  kind: 'text' | 'option' | 'photo' | 'document' | 'location' | 'contact' | 'unsupported';
  text: string;
  resolution: Resolution;
}

/** Events every flow receives. Effect results are added per flow. */
export type InputEvent = { type: 'INPUT'; input: FlowInput };
export type BackEvent = { type: 'BACK' };

/** What every machine is started with. */
export interface FlowStart {
  locale: Locale;
  consented: boolean;
  /** flow-specific start data, e.g. the ticket code for feedback */
  ticketCode?: string;
  serviceCode?: string;
}

/** Parameters of the named effects the runtime implements (see src/runtime/effects/). */
export interface EffectParams {
  /** an extra message; prompts are sent by the runtime itself */
  say: { key: Key; vars?: Record<string, string | number> };
  /** send the refusal reason of the current INPUT, then the current prompt again */
  refuseInput: Record<string, never>;
  /** finish this flow and continue in another one (the menu by default) */
  startFlow: { flowId: FlowId; start?: Partial<FlowStart> };
  setLocale: { locale: Locale };
  recordConsent: { granted: boolean };
}

export interface FlowDefinition<TMachine> {
  id: FlowId;
  /** bump when states or context change shape: older snapshots restart at the menu */
  version: number;
  machine: TMachine;
}

/**
 * No-op stand-ins for the shared effects, so every machine names them in
 * `setup({ actions })`. The runtime reads the named actions that a pure
 * transition returns and carries them out; nothing here runs.
 */
export const sharedEffects = {
  say: (_: unknown, _params: EffectParams['say']) => {},
  refuseInput: (_: unknown, _params?: EffectParams['refuseInput']) => {},
  startFlow: (_: unknown, _params: EffectParams['startFlow']) => {},
  setLocale: (_: unknown, _params: EffectParams['setLocale']) => {},
  recordConsent: (_: unknown, _params: EffectParams['recordConsent']) => {},
};

/** Declares a flow-specific effect with typed params (implemented in src/runtime/effects/). */
export function effect<TParams>() {
  return (_: unknown, _params: TParams) => {};
}

/** The input was read as a valid answer for the current step. */
export function inputAccepted({ event }: { event: { type: string } }): boolean {
  return event.type === 'INPUT' && (event as InputEvent).input.resolution.ok;
}

/** The accepted value of an INPUT event ('' for other events). */
export function acceptedValue(event: { type: string }): string {
  if (event.type !== 'INPUT') return '';
  const { resolution } = (event as InputEvent).input;
  return resolution.ok ? resolution.value : '';
}

/** The start data an intent found in the accepted INPUT ({} for options and other events). */
export function acceptedStart(event: { type: string }): IntentStart {
  if (event.type !== 'INPUT') return {};
  const { resolution } = (event as InputEvent).input;
  return resolution.ok ? (resolution.start ?? {}) : {};
}

/** The accepted label (option text, area name), falling back to the value. */
export function acceptedLabel(event: { type: string }): string {
  if (event.type !== 'INPUT') return '';
  const { resolution } = (event as InputEvent).input;
  return resolution.ok ? (resolution.label ?? resolution.value) : '';
}

/** The resident picked the option with this id (a named guard every flow shares). */
export function chose({ event }: { event: { type: string } }, params: { option: string }): boolean {
  return inputAccepted({ event }) && acceptedValue(event) === params.option;
}

/** Options that never change, named by their catalog label keys. */
export const choice = (options: readonly { id: string; label: Key }[]) =>
  ({ kind: 'static', options }) as const;

/** The `chose` guard for one option, as machine config refers to it. */
export const choseOption = (option: string) => ({ type: 'chose', params: { option } }) as const;

/** The shared `say` action for one catalog text. */
export const say = (key: Key) => ({ type: 'say', params: { key } }) as const;

/** The shared `startFlow` action back to the main menu. */
export const toMenu = { type: 'startFlow', params: { flowId: 'menu' } } as const;

/** The runtime could not read the input and said why with this catalog key. */
export function refusedWith(event: { type: string }, code: Key): boolean {
  if (event.type !== 'INPUT') return false;
  const { resolution } = (event as InputEvent).input;
  return !resolution.ok && resolution.reason.code === code;
}

/** Languages offered at first contact and in the menu, each named in itself. */
export const LANGUAGE_OPTIONS = {
  kind: 'static',
  options: [
    { id: 'id', label: 'entry.language.id' },
    { id: 'su', label: 'entry.language.su' },
    { id: 'en', label: 'entry.language.en' },
  ],
} as const;
