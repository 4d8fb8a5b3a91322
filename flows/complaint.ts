/**
 * A complaint (pengaduan): topic → story → how the resident wants to be
 * known (named, confidential, anonymous) → name and NIK unless anonymous →
 * kecamatan and desa → evidence photos → summary → filed with a PG- code.
 *
 * Without consent only an anonymous complaint is possible, so the identity
 * choice is skipped with a one-sentence reason. "Ubah" at the summary opens
 * the same steps under `edit`, where every answer returns to the summary.
 * Where the conversation goes depends on the state and the answer, never on
 * a context flag, so a restored snapshot always continues the same way.
 *
 * Each step is built once by a factory in complaint-steps.ts and placed twice:
 * on the main path and under `edit`.
 */
import { assign, setup } from 'xstate';
import {
  type ComplaintContext,
  type ComplaintDraft,
  desaSteps,
  descriptionStep,
  draftOf,
  type IdentityMode,
  id,
  identityStep,
  kecamatanSteps,
  nameStep,
  nikStep,
  noPerson,
  photosStep,
  refuse,
  sayCreated,
  sayKeepCode,
  saySummary,
  shorten,
  topicStep,
} from './complaint-steps.ts';
import {
  acceptedLabel,
  acceptedValue,
  type BackEvent,
  choice,
  chose,
  choseOption,
  effect,
  type FlowDefinition,
  type FlowStart,
  type InputEvent,
  inputAccepted,
  type StepMeta,
  say,
  sharedEffects,
  toMenu,
} from './flow-kit.ts';
import { placeNotFound, placeUnclear, typedPlace } from './place-steps.ts';

export type { ComplaintDraft, IdentityMode } from './complaint-steps.ts';

type ComplaintEvent =
  | InputEvent
  | BackEvent
  | { type: 'COMPLAINT_CREATED'; code: string; dueDate: string; unitName: string }
  | { type: 'COMPLAINT_LOCATION'; latitude: number; longitude: number };

export const complaintMachine = setup({
  types: {
    context: {} as ComplaintContext,
    input: {} as FlowStart,
    events: {} as ComplaintEvent,
  },
  actions: {
    ...sharedEffects,
    createComplaint: effect<ComplaintDraft>(),
    /** the runtime reads the pin from the inbound message and answers COMPLAINT_LOCATION */
    noteComplaintLocation: effect<undefined>(),
    rememberTopic: assign({
      topic: ({ event }) => acceptedValue(event),
      topicLabel: ({ event }) => acceptedLabel(event),
    }),
    rememberDescription: assign({
      description: ({ event }) => acceptedValue(event),
      descriptionShort: ({ event }) => shorten(acceptedValue(event)),
    }),
    rememberIdentityMode: assign({
      identityMode: ({ event }) => acceptedValue(event) as IdentityMode,
    }),
    becomeAnonymous: assign({ identityMode: 'anonymous' as IdentityMode, ...noPerson }),
    rememberName: assign({ name: ({ event }) => acceptedValue(event) }),
    rememberNik: assign({ nik: ({ event }) => acceptedValue(event), needsVerification: false }),
    goOnWithoutNik: assign({ nik: '', needsVerification: true }),
    rememberKecamatan: assign({ kecamatanCode: ({ event }) => acceptedValue(event) }),
    rememberAreaQuery: assign({ areaQuery: ({ event }) => typedPlace(event) }),
    firstAreaPage: assign({ areaPage: 0 }),
    nextAreaPage: assign({ areaPage: ({ context }) => context.areaPage + 1 }),
    rememberDesa: assign({
      desaCode: ({ event }) => acceptedValue(event),
      desaName: ({ event }) => acceptedLabel(event),
    }),
    rememberLocation: assign(({ context, event }) =>
      event.type === 'COMPLAINT_LOCATION' &&
      Number.isFinite(event.latitude) &&
      Number.isFinite(event.longitude)
        ? { latitude: event.latitude, longitude: event.longitude }
        : { latitude: context.latitude, longitude: context.longitude },
    ),
    addPhotos: assign(({ context, event }) => {
      const { resolution } = (event as InputEvent).input;
      const added = resolution.ok ? (resolution.attachmentIds ?? []) : [];
      const attachmentIds = [...context.attachmentIds, ...added];
      return { attachmentIds, photoCount: attachmentIds.length };
    }),
    rememberTicket: assign(({ event }) =>
      event.type === 'COMPLAINT_CREATED'
        ? { code: event.code, dueDate: event.dueDate, unitName: event.unitName }
        : {},
    ),
    /** nothing personal stays in the conversation once the complaint is filed or dropped */
    forgetPerson: assign({ ...noPerson, description: '', descriptionShort: '' }),
  },
  guards: {
    inputAccepted,
    chose,
    notConsented: ({ context }) => !context.consented,
    rejected: ({ event }) => !inputAccepted({ event }),
    isAnonymous: ({ context }) => context.identityMode === 'anonymous',
    sentLocation: ({ event }) => event.type === 'INPUT' && event.input.kind === 'location',
    placeUnclear,
    placeNotFound,
    finishedPhotos: ({ event }) => inputAccepted({ event }) && acceptedValue(event) === 'done',
    sentPhotos: ({ event }) =>
      inputAccepted({ event }) &&
      ((event as InputEvent).input.resolution as { attachmentIds?: string[] }).attachmentIds !==
        undefined,
  },
}).createMachine({
  id: 'complaint',
  context: ({ input }) => ({
    locale: input.locale,
    consented: input.consented,
    topic: '',
    topicLabel: '',
    description: '',
    descriptionShort: '',
    identityMode: input.consented ? 'named' : 'anonymous',
    ...noPerson,
    kecamatanCode: '',
    areaQuery: '',
    areaPage: 0,
    desaCode: '',
    desaName: '',
    latitude: null,
    longitude: null,
    attachmentIds: [],
    photoCount: 0,
    code: '',
    dueDate: '',
    unitName: '',
  }),
  initial: 'topic',
  states: {
    topic: topicStep(id('description')),
    description: descriptionStep(id('identity'), id('topic')),
    identity: identityStep({ name: id('name'), done: id('kecamatan'), back: id('description') }),
    name: nameStep(id('nik'), id('identity')),
    nik: nikStep(id('kecamatan'), id('name')),
    ...kecamatanSteps('', id('desa'), [
      { guard: 'notConsented', target: id('description') },
      { target: id('identity') },
    ]),
    ...desaSteps('', id('photos'), id('kecamatan')),
    photos: photosStep(id('confirm'), id('desa')),
    confirm: {
      entry: saySummary,
      meta: {
        prompt: 'complaint.confirm.ask',
        expects: 'choice',
        options: choice([
          { id: 'send', label: 'complaint.confirm.send' },
          { id: 'edit', label: 'complaint.confirm.edit' },
          { id: 'cancel', label: 'complaint.confirm.cancel' },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: choseOption('send'),
            actions: { type: 'createComplaint', params: ({ context }) => draftOf(context) },
          },
          { guard: choseOption('edit'), target: 'editField' },
          {
            guard: choseOption('cancel'),
            actions: ['forgetPerson', say('runtime.cancelled'), toMenu],
            target: 'done',
          },
          refuse,
        ],
        COMPLAINT_CREATED: [
          {
            guard: 'isAnonymous',
            actions: ['rememberTicket', sayCreated, sayKeepCode, 'forgetPerson', toMenu],
            target: 'done',
          },
          { actions: ['rememberTicket', sayCreated, 'forgetPerson', toMenu], target: 'done' },
        ],
        BACK: 'photos',
      },
    },
    editField: {
      meta: {
        prompt: 'complaint.edit.ask',
        expects: 'choice',
        options: choice([
          { id: 'topic', label: 'complaint.field.topic' },
          { id: 'description', label: 'complaint.field.description' },
          { id: 'identity', label: 'complaint.field.identity' },
          { id: 'kecamatan', label: 'complaint.field.desa' },
          { id: 'photos', label: 'complaint.field.photos' },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: choseOption('topic'), target: 'edit.topic' },
          { guard: choseOption('description'), target: 'edit.description' },
          { guard: choseOption('identity'), target: 'edit.identity' },
          { guard: choseOption('kecamatan'), target: 'edit.kecamatan' },
          { guard: choseOption('photos'), target: 'edit.photos' },
          refuse,
        ],
        BACK: 'confirm',
      },
    },
    // The same steps once more; each answer (or "kembali") returns to the summary.
    edit: {
      initial: 'topic',
      states: {
        topic: topicStep(id('confirm'), id('confirm')),
        description: descriptionStep(id('confirm'), id('confirm')),
        identity: identityStep({ name: id('edit.name'), done: id('confirm'), back: id('confirm') }),
        name: nameStep(id('edit.nik'), id('edit.identity')),
        nik: nikStep(id('confirm'), id('edit.name')),
        ...kecamatanSteps('edit.', id('edit.desa'), id('confirm')),
        ...desaSteps('edit.', id('confirm'), id('edit.kecamatan')),
        photos: photosStep(id('confirm'), id('confirm')),
      },
    },
    done: { type: 'final' },
  },
});

export const complaintFlow: FlowDefinition<typeof complaintMachine> = {
  id: 'complaint',
  // 2: the kecamatan and desa are asked by name, with areaQuery and areaPage in the context
  version: 2,
  machine: complaintMachine,
};
