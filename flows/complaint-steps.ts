/**
 * The complaint flow's steps, built once by small factories and placed twice
 * by flows/complaint.ts: on the main path and under `edit`, where every
 * answer returns to the summary. `next` and `back` are state ids
 * ('#complaint.…'); guards and actions are named in the machine's setup.
 */
import type { Key, Locale } from '../src/i18n/translate.ts';
import { choice, choseOption, type StepMeta, say } from './flow-kit.ts';
import { placeSteps } from './place-steps.ts';

export type IdentityMode = 'named' | 'confidential' | 'anonymous';

/** What `createComplaint` files; name and NIK are empty for an anonymous complaint. */
export interface ComplaintDraft {
  topic: string;
  description: string;
  identityMode: IdentityMode;
  name: string;
  nik: string;
  needsVerification: boolean;
  desaCode: string;
  attachmentIds: string[];
  latitude: number | null;
  longitude: number | null;
}

export interface ComplaintContext extends ComplaintDraft {
  locale: Locale;
  consented: boolean;
  topicLabel: string;
  descriptionShort: string;
  kecamatanCode: string;
  /** a kecamatan or desa name that fitted several places: their list is shown */
  areaQuery: string;
  /** the page of the whole kecamatan or desa list shown now (wraps around) */
  areaPage: number;
  desaName: string;
  photoCount: number;
  code: string;
  dueDate: string;
  unitName: string;
}

export const SHORT_DESCRIPTION = 80;
export const TOPICS = [
  'bantuan_tidak_diterima',
  'data_salah',
  'pelayanan_petugas',
  'pungutan_liar',
  'lainnya',
] as const;
export const SUMMARY: Record<IdentityMode, Key> = {
  named: 'complaint.summary.named',
  confidential: 'complaint.summary.confidential',
  anonymous: 'complaint.summary.anonymous',
};

export const refuse = { actions: 'refuseInput' } as const;
export const noPerson = { name: '', nik: '', needsVerification: false } as const;

export function shorten(text: string): string {
  return text.length <= SHORT_DESCRIPTION ? text : `${text.slice(0, SHORT_DESCRIPTION - 1)}…`;
}

export function draftOf(c: ComplaintContext): ComplaintDraft {
  return {
    topic: c.topic,
    description: c.description,
    identityMode: c.identityMode,
    name: c.name,
    nik: c.nik,
    needsVerification: c.needsVerification,
    desaCode: c.desaCode,
    attachmentIds: c.attachmentIds,
    latitude: c.latitude,
    longitude: c.longitude,
  };
}

export type Ctx = { context: ComplaintContext };
export const sayPhotoCount = {
  type: 'say',
  params: ({ context }: Ctx) => ({
    key: 'complaint.photos.received' as const,
    vars: { photoCount: context.photoCount },
  }),
} as const;
/** The summary is said once on arrival; the prompt after it only asks to confirm. */
export const saySummary = {
  type: 'say',
  params: ({ context: c }: Ctx) => ({
    key: SUMMARY[c.identityMode],
    vars: {
      topicLabel: c.topicLabel,
      descriptionShort: c.descriptionShort,
      name: c.name,
      desaName: c.desaName,
      photoCount: c.photoCount,
    },
  }),
} as const;
export const sayCreated = {
  type: 'say',
  params: ({ context: c }: Ctx) => ({
    key: 'complaint.created' as const,
    vars: { code: c.code, dueDate: c.dueDate, unitName: c.unitName },
  }),
} as const;
/** an anonymous complaint can be followed by its code only */
export const sayKeepCode = {
  type: 'say',
  params: ({ context }: Ctx) => ({
    key: 'complaint.created.anonymous' as const,
    vars: { code: context.code },
  }),
} as const;

// Step factories: `next` and `back` are state ids ('#complaint.…').
export const id = (path: string) => `#complaint.${path}`;
export const locationPin = {
  guard: 'sentLocation',
  actions: { type: 'noteComplaintLocation' },
} as const;
export const onLocation = {
  actions: ['rememberLocation', say('complaint.location.noted')],
} as const;

export const topicStep = (next: string, back?: string) =>
  ({
    meta: {
      prompt: 'complaint.topic.ask',
      expects: 'choice',
      options: choice(TOPICS.map((t) => ({ id: t, label: `complaint.topic.${t}` as const }))),
    } satisfies StepMeta,
    on: {
      INPUT: [{ guard: 'inputAccepted', actions: 'rememberTopic', target: next }, refuse],
      ...(back ? { BACK: back } : {}),
    },
  }) as const;

export const descriptionStep = (next: string, back: string) =>
  ({
    meta: { prompt: 'complaint.description.ask', expects: 'text' } satisfies StepMeta,
    on: {
      INPUT: [{ guard: 'inputAccepted', actions: 'rememberDescription', target: next }, refuse],
      BACK: back,
    },
  }) as const;

export const identityStep = (to: { name: string; done: string; back: string }) =>
  ({
    always: {
      guard: 'notConsented',
      actions: ['becomeAnonymous', say('complaint.identity.anonymousOnly')],
      target: to.done,
    },
    meta: {
      prompt: 'complaint.identity.ask',
      expects: 'choice',
      options: choice([
        { id: 'named', label: 'complaint.identity.named' },
        { id: 'confidential', label: 'complaint.identity.confidential' },
        { id: 'anonymous', label: 'complaint.identity.anonymous' },
      ]),
    } satisfies StepMeta,
    on: {
      INPUT: [
        { guard: choseOption('anonymous'), actions: 'becomeAnonymous', target: to.done },
        { guard: 'inputAccepted', actions: 'rememberIdentityMode', target: to.name },
        refuse,
      ],
      BACK: to.back,
    },
  }) as const;

export const nameStep = (next: string, back: string) =>
  ({
    meta: { prompt: 'complaint.name.ask', expects: 'name' } satisfies StepMeta,
    on: {
      INPUT: [{ guard: 'inputAccepted', actions: 'rememberName', target: next }, refuse],
      BACK: back,
    },
  }) as const;

/** Three wrong NIKs, counted by the state itself, and the resident goes on without one. */
export const nikStep = (next: string, back: string) => {
  const wrong = (then: string) =>
    ({ on: { INPUT: { guard: 'rejected', actions: 'refuseInput', target: then } } }) as const;
  return {
    meta: { prompt: 'complaint.nik.ask', expects: 'nik' } satisfies StepMeta,
    initial: 'first',
    states: {
      first: wrong('second'),
      second: wrong('third'),
      third: {
        on: {
          INPUT: {
            guard: 'rejected',
            actions: ['goOnWithoutNik', say('complaint.nik.skipped')],
            target: next,
          },
        },
      },
    },
    on: { INPUT: { guard: 'inputAccepted', actions: 'rememberNik', target: next }, BACK: back },
  } as const;
};

/** Kecamatan and desa are asked by name (`placeSteps`); `prefix` is '' or 'edit.'. */
const under = (prefix: string) => (state: string) => id(`${prefix}${state}`);
const pin = { before: [locationPin], on: { COMPLAINT_LOCATION: onLocation } } as const;

export const kecamatanSteps = <const Back>(prefix: '' | 'edit.', next: string, back: Back) => {
  const steps = placeSteps({
    level: 'kecamatan',
    ask: 'complaint.kecamatan.ask',
    path: under(prefix),
    chosen: { actions: 'rememberKecamatan', target: next },
    back,
    ...pin,
  });
  return { kecamatan: steps.ask, kecamatanMatches: steps.matches, kecamatanList: steps.list };
};

export const desaSteps = (prefix: '' | 'edit.', next: string, back: string) => {
  const steps = placeSteps({
    level: 'desa',
    ask: 'complaint.desa.ask',
    path: under(prefix),
    chosen: { actions: 'rememberDesa', target: next },
    back,
    ...pin,
  });
  return { desa: steps.ask, desaMatches: steps.matches, desaList: steps.list };
};

export const photosStep = (next: string, back: string) =>
  ({
    meta: {
      prompt: 'complaint.photos.ask',
      expects: 'attachments',
      options: choice([{ id: 'done', label: 'common.done' }]),
    } satisfies StepMeta,
    on: {
      INPUT: [
        { guard: 'finishedPhotos', target: next },
        { guard: 'sentPhotos', actions: ['addPhotos', sayPhotoCount] },
        refuse,
      ],
      BACK: back,
    },
  }) as const;
