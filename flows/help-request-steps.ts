/**
 * Pure pieces of the help request flow (flows/help-request.ts): its context,
 * events, the draft it files, and its form steps. The steps are built twice:
 * once for filling the form in order, once under `edit` for changing one part
 * from the summary. So the state value itself says whether an answer goes on
 * or returns to the summary, and a restored snapshot needs no extra flag.
 */
import { and } from 'xstate';
import type { Locale } from '../src/i18n/translate.ts';
import {
  type BackEvent,
  choice,
  choseOption,
  type FlowStart,
  type InputEvent,
  type StepMeta,
  say,
} from './flow-kit.ts';
import { placeSteps } from './place-steps.ts';

/** What `createHelpRequest` files. An empty NIK or KK was skipped after three wrong tries. */
export interface HelpRequestDraft {
  serviceCode: string;
  need: string;
  name: string;
  nik: string;
  kk: string;
  needsVerification: boolean;
  desaCode: string;
  attachmentIds: string[];
  location: { latitude: number; longitude: number } | null;
}

/** Only strings, numbers, booleans and string arrays: the snapshot is stored as JSON. */
export interface HelpRequestContext {
  locale: Locale;
  consented: boolean;
  serviceCode: string;
  categoryName: string;
  /** the category's documents in the resident's language, written by `describeHelpCategory` */
  checklist: string;
  need: string;
  needShort: string;
  name: string;
  nik: string;
  /** masked NIK for the summary, or "-" when skipped */
  nikLabel: string;
  nikTries: number;
  kk: string;
  kkLabel: string;
  kkTries: number;
  /** the kecamatan whose desa list is shown now */
  kecamatanCode: string;
  /** a kecamatan or desa name that fitted several places: their list is shown */
  areaQuery: string;
  /** the page of the whole kecamatan or desa list shown now (wraps around) */
  areaPage: number;
  kecamatanChoice: string;
  /** the kecamatan of the chosen desa, set together with it so the summary never mixes two */
  kecamatanName: string;
  desaCode: string;
  desaName: string;
  located: boolean;
  latitude: number;
  longitude: number;
  attachmentIds: string[];
  photoCount: number;
}

/** Effect results (src/runtime/effects/help-request-effects.ts). */
export type HelpRequestResult =
  | { type: 'HELP_CATEGORY_DESCRIBED'; categoryName: string; checklist: string }
  | { type: 'HELP_CATEGORY_UNKNOWN' }
  | { type: 'HELP_REQUEST_LOCATION'; latitude: number; longitude: number }
  | { type: 'HELP_REQUEST_CREATED'; code: string; dueDate: string; unitName: string }
  | { type: 'HELP_REQUEST_DUPLICATE'; code: string; statusLabel: string };

export type HelpRequestEvent = InputEvent | BackEvent | HelpRequestResult;

export interface HelpRequestEffectParams {
  /** answers HELP_CATEGORY_DESCRIBED, or HELP_CATEGORY_UNKNOWN for a code not in the catalogue */
  describeHelpCategory: { serviceCode: string };
  /** answers HELP_REQUEST_DUPLICATE when the NIK or KK already has this category open */
  checkHelpDuplicate: { serviceCode: string; nik: string; kk: string };
  /** answers HELP_REQUEST_LOCATION with the pin of the inbound message */
  noteHelpLocation: Record<string, never>;
  /** answers HELP_REQUEST_CREATED or HELP_REQUEST_DUPLICATE */
  createHelpRequest: HelpRequestDraft;
}

/** Wrong NIKs (or KKs) in a row before the resident may go on without one. */
export const WRONG_TRIES = 3;
const SHORT_NEED = 80;

export function shorten(text: string): string {
  return text.length <= SHORT_NEED ? text : `${text.slice(0, SHORT_NEED - 1)}…`;
}

export function initialContext(input: FlowStart): HelpRequestContext {
  return {
    locale: input.locale,
    consented: input.consented,
    serviceCode: input.serviceCode ?? '',
    categoryName: '',
    checklist: '',
    need: '',
    needShort: '',
    name: '',
    nik: '',
    nikLabel: '',
    nikTries: 0,
    kk: '',
    kkLabel: '',
    kkTries: 0,
    kecamatanCode: '',
    areaQuery: '',
    areaPage: 0,
    kecamatanChoice: '',
    kecamatanName: '',
    desaCode: '',
    desaName: '',
    located: false,
    latitude: 0,
    longitude: 0,
    attachmentIds: [],
    photoCount: 0,
  };
}

export function draftOf(context: HelpRequestContext): HelpRequestDraft {
  const { serviceCode, need, name, nik, kk, desaCode, attachmentIds } = context;
  return {
    serviceCode,
    need,
    name,
    nik,
    kk,
    needsVerification: nik === '' || kk === '',
    desaCode,
    attachmentIds,
    location: context.located ? { latitude: context.latitude, longitude: context.longitude } : null,
  };
}

/** Nothing personal stays in the conversation once the request is filed or dropped. */
export const noPerson = {
  need: '',
  needShort: '',
  name: '',
  nik: '',
  nikLabel: '',
  kk: '',
  kkLabel: '',
} as const;

/** What the summary lets the resident change, and the step that changes it. */
export const EDITABLE = {
  category: 'category',
  need: 'need',
  name: 'name',
  nik: 'nik',
  kk: 'kk',
  domicile: 'kecamatan',
  documents: 'documents',
} as const;

export const SUMMARY = '#help-request.summary';

/** Asks the runtime whether this person already has this category open. */
export const checkDuplicate = {
  type: 'checkHelpDuplicate',
  params: ({ context }: { context: HelpRequestContext }) => ({
    serviceCode: context.serviceCode,
    nik: context.nik,
    kk: context.kk,
  }),
} as const;

export const describeCategory = {
  type: 'describeHelpCategory',
  params: ({ context }: { context: HelpRequestContext }) => ({
    serviceCode: context.serviceCode,
  }),
} as const;

const refuse = { actions: 'refuseInput' } as const;

/** An accepted answer is remembered and leads to `target`; anything else is refused with its reason. */
const answered = <const A>(remember: A, target: string) =>
  [{ guard: 'inputAccepted', actions: remember, target }, refuse] as const;

/** A pin shared at the kecamatan or desa step: kept with a thank-you, and the question stays. */
const locationPin = {
  guard: 'sentLocation',
  actions: { type: 'noteHelpLocation', params: {} },
} as const;
const onLocation = {
  actions: ['rememberLocation', say('helpRequest.location.noted')],
} as const;

const sayReceived = {
  type: 'say',
  params: ({ context }: { context: HelpRequestContext }) => ({
    key: 'helpRequest.documents.received' as const,
    vars: { photoCount: context.photoCount },
  }),
} as const;

/**
 * NIK and KK: three wrong numbers in a row lead to `stuck`, where typing it
 * again still works. A valid number that is the other one (the NIK typed as
 * the KK) is wrong too: the masked summary would show two equal numbers and
 * the household could not be told apart from the person.
 */
function numberSteps(
  field: 'nik' | 'kk',
  at: (step: string) => string,
  next: string,
  back: string,
) {
  const remember = field === 'nik' ? 'rememberNik' : 'rememberKk';
  const skip = field === 'nik' ? 'skipNik' : 'skipKk';
  const countTry = field === 'nik' ? 'countNikTry' : 'countKkTry';
  const lastTry = field === 'nik' ? 'lastNikTry' : 'lastKkTry';
  const same = field === 'nik' ? 'sameAsKk' : 'sameAsNik';
  const saySame = say(field === 'nik' ? 'helpRequest.nik.sameAsKk' : 'helpRequest.kk.sameAsNik');
  const accepted = {
    guard: 'inputAccepted',
    actions: [remember, checkDuplicate],
    target: next,
  } as const;
  return {
    ask: {
      entry: field === 'nik' ? 'resetNikTries' : 'resetKkTries',
      meta: { prompt: `helpRequest.${field}.ask`, expects: field } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: and([same, lastTry]),
            actions: [countTry, saySame],
            target: at(`${field}Stuck`),
          },
          { guard: same, actions: [countTry, saySame] },
          accepted,
          { guard: lastTry, actions: [countTry, 'refuseInput'], target: at(`${field}Stuck`) },
          { actions: [countTry, 'refuseInput'] },
        ],
        BACK: back,
      },
    },
    stuck: {
      meta: {
        prompt: `helpRequest.${field}.stuck`,
        expects: field,
        options: choice([
          { id: 'retry', label: 'helpRequest.stuck.retry' },
          { id: 'skip', label: `helpRequest.${field}.skip` },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: choseOption('retry'), target: at(field) },
          { guard: choseOption('skip'), actions: skip, target: next },
          { guard: same, actions: saySame },
          accepted,
          refuse,
        ],
        BACK: at(field),
      },
    },
  } as const;
}

function documentsStep(prompt: StepMeta['prompt'], at: (step: string) => string, back: string) {
  return {
    meta: {
      prompt,
      expects: 'attachments',
      options: choice([{ id: 'done', label: 'helpRequest.documents.done' }]),
    } satisfies StepMeta,
    on: {
      INPUT: [
        { guard: 'finishedDocuments', target: SUMMARY },
        {
          guard: 'sentDocuments',
          actions: ['addDocuments', sayReceived],
          target: at('moreDocuments'),
        },
        refuse,
      ],
      BACK: back,
    },
  } as const;
}

/**
 * The form from the need onwards. `fill` goes through it in order; `edit`
 * changes one part (the domicile is kecamatan then desa) and returns to the
 * summary, which is also where BACK leads from the part being changed.
 */
export function formSteps(mode: 'fill' | 'edit') {
  const at = (step: string) =>
    mode === 'fill' ? `#help-request.${step}` : `#help-request.edit.${step}`;
  const then = (step: string) => (mode === 'fill' ? at(step) : SUMMARY);
  const nik = numberSteps('nik', at, then('kk'), then('name'));
  const kk = numberSteps('kk', at, then('kecamatan'), then('nik'));
  const pin = { before: [locationPin], on: { HELP_REQUEST_LOCATION: onLocation } } as const;
  const kecamatan = placeSteps({
    level: 'kecamatan',
    ask: 'helpRequest.kecamatan.ask',
    path: at,
    chosen: { actions: 'rememberKecamatan', target: at('desa') },
    back: then('kk'),
    ...pin,
  });
  const desa = placeSteps({
    level: 'desa',
    ask: 'helpRequest.desa.ask',
    path: at,
    chosen: { actions: 'rememberDesa', target: then('documents') },
    back: at('kecamatan'),
    ...pin,
  });
  return {
    need: {
      meta: { prompt: 'helpRequest.need.ask', expects: 'text' } satisfies StepMeta,
      on: { INPUT: answered('rememberNeed', then('name')), BACK: then('category') },
    },
    name: {
      meta: { prompt: 'helpRequest.name.ask', expects: 'name' } satisfies StepMeta,
      on: { INPUT: answered('rememberName', then('nik')), BACK: then('need') },
    },
    nik: nik.ask,
    nikStuck: nik.stuck,
    kk: kk.ask,
    kkStuck: kk.stuck,
    kecamatan: kecamatan.ask,
    kecamatanMatches: kecamatan.matches,
    kecamatanList: kecamatan.list,
    desa: desa.ask,
    desaMatches: desa.matches,
    desaList: desa.list,
    documents: documentsStep('helpRequest.documents.ask', at, then('desa')),
    moreDocuments: documentsStep('helpRequest.documents.more', at, then('desa')),
  } as const;
}

/** The category: the first step when filling (no BACK), one more part when editing. */
export function categoryStep(mode: 'fill' | 'edit') {
  const meta = {
    prompt: 'helpRequest.category.ask',
    expects: 'choice',
    options: { kind: 'services' },
  } satisfies StepMeta;
  const choose = answered(
    ['rememberCategory', describeCategory, checkDuplicate],
    mode === 'fill' ? '#help-request.need' : SUMMARY,
  );
  return mode === 'fill'
    ? { meta, on: { INPUT: choose } }
    : { meta, on: { INPUT: choose, BACK: SUMMARY } };
}

export const summaryStep = (prompt: StepMeta['prompt']) => ({
  meta: {
    prompt,
    expects: 'choice',
    options: choice([
      { id: 'send', label: 'helpRequest.confirm.send' },
      { id: 'edit', label: 'helpRequest.confirm.edit' },
      { id: 'cancel', label: 'helpRequest.confirm.cancel' },
    ]),
  } satisfies StepMeta,
});
