/**
 * A help request (permohonan bantuan): category → the need in the resident's
 * words → name, NIK, KK → kecamatan and desa → the category's documents
 * (photos optional) → summary → filed with a PB- code and the SLA date.
 *
 * Three wrong NIKs (or KKs) offer to go on without it; the ticket is then
 * flagged for verification of the KTP in person. An open request for the same
 * NIK or KK and category is found as soon as the number is known, so nobody
 * types everything for nothing. Editing from the summary changes one part
 * (the same steps under `edit`) and comes straight back.
 */
import { assign, not, setup } from 'xstate';
import {
  acceptedLabel,
  acceptedValue,
  choice,
  chose,
  choseOption,
  effect,
  type FlowDefinition,
  type FlowStart,
  inputAccepted,
  type StepMeta,
  say,
  sharedEffects,
  toMenu,
} from './flow-kit.ts';
import {
  categoryStep,
  describeCategory,
  draftOf,
  EDITABLE,
  formSteps,
  type HelpRequestContext,
  type HelpRequestEffectParams,
  type HelpRequestEvent,
  initialContext,
  noPerson,
  shorten,
  summaryStep,
  WRONG_TRIES,
} from './help-request-steps.ts';
import { placeNotFound, placeUnclear, typedPlace } from './place-steps.ts';

type Created = Extract<HelpRequestEvent, { type: 'HELP_REQUEST_CREATED' }>;

const sayCreated = {
  type: 'say',
  params: ({ event }: { event: Created }) => ({
    key: 'helpRequest.created' as const,
    vars: { code: event.code, dueDate: event.dueDate, unitName: event.unitName },
  }),
} as const;
/** a NIK or KK was skipped: the Puskesos checks the cards in person */
const sayBringCards = {
  type: 'say',
  params: ({ event }: { event: Created }) => ({
    key: 'helpRequest.created.verify' as const,
    vars: { unitName: event.unitName },
  }),
} as const;

export const helpRequestMachine = setup({
  types: {
    context: {} as HelpRequestContext,
    input: {} as FlowStart,
    events: {} as HelpRequestEvent,
  },
  actions: {
    ...sharedEffects,
    describeHelpCategory: effect<HelpRequestEffectParams['describeHelpCategory']>(),
    checkHelpDuplicate: effect<HelpRequestEffectParams['checkHelpDuplicate']>(),
    noteHelpLocation: effect<HelpRequestEffectParams['noteHelpLocation']>(),
    createHelpRequest: effect<HelpRequestEffectParams['createHelpRequest']>(),
    rememberCategory: assign({
      serviceCode: ({ event }) => acceptedValue(event),
      categoryName: ({ event }) => acceptedLabel(event),
    }),
    rememberDescription: assign(({ context, event }) =>
      event.type === 'HELP_CATEGORY_DESCRIBED' &&
      typeof event.categoryName === 'string' &&
      typeof event.checklist === 'string'
        ? { categoryName: event.categoryName, checklist: event.checklist }
        : { categoryName: context.categoryName, checklist: context.checklist },
    ),
    forgetCategory: assign({ serviceCode: '', categoryName: '', checklist: '' }),
    rememberNeed: assign({
      need: ({ event }) => acceptedValue(event),
      needShort: ({ event }) => shorten(acceptedValue(event)),
    }),
    rememberName: assign({ name: ({ event }) => acceptedValue(event) }),
    rememberNik: assign({
      nik: ({ event }) => acceptedValue(event),
      nikLabel: ({ event }) => acceptedLabel(event),
    }),
    countNikTry: assign({ nikTries: ({ context }) => context.nikTries + 1 }),
    resetNikTries: assign({ nikTries: 0 }),
    skipNik: assign({ nik: '', nikLabel: '-' }),
    rememberKk: assign({
      kk: ({ event }) => acceptedValue(event),
      kkLabel: ({ event }) => acceptedLabel(event),
    }),
    countKkTry: assign({ kkTries: ({ context }) => context.kkTries + 1 }),
    resetKkTries: assign({ kkTries: 0 }),
    skipKk: assign({ kk: '', kkLabel: '-' }),
    rememberKecamatan: assign({
      kecamatanCode: ({ event }) => acceptedValue(event),
      kecamatanChoice: ({ event }) => acceptedLabel(event),
    }),
    rememberDesa: assign({
      desaCode: ({ event }) => acceptedValue(event),
      desaName: ({ event }) => acceptedLabel(event),
      kecamatanName: ({ context }) => context.kecamatanChoice,
    }),
    rememberLocation: assign(({ context, event }) =>
      event.type === 'HELP_REQUEST_LOCATION' &&
      Number.isFinite(event.latitude) &&
      Number.isFinite(event.longitude)
        ? { located: true, latitude: event.latitude, longitude: event.longitude }
        : { located: context.located, latitude: context.latitude, longitude: context.longitude },
    ),
    addDocuments: assign(({ context, event }) => {
      const added =
        event.type === 'INPUT' && event.input.resolution.ok
          ? (event.input.resolution.attachmentIds ?? [])
          : [];
      const attachmentIds = [...context.attachmentIds, ...added];
      return { attachmentIds, photoCount: attachmentIds.length };
    }),
    forgetPerson: assign({ ...noPerson }),
    rememberAreaQuery: assign({ areaQuery: ({ event }) => typedPlace(event) }),
    firstAreaPage: assign({ areaPage: 0 }),
    nextAreaPage: assign({ areaPage: ({ context }) => context.areaPage + 1 }),
  },
  guards: {
    inputAccepted,
    chose,
    consented: ({ context }) => context.consented,
    hasCategory: ({ context }) => context.serviceCode !== '',
    lastNikTry: ({ context }) => context.nikTries >= WRONG_TRIES - 1,
    lastKkTry: ({ context }) => context.kkTries >= WRONG_TRIES - 1,
    // The other card's number typed again: refused, so NIK and KK never look alike in the summary.
    sameAsNik: ({ context, event }) =>
      inputAccepted({ event }) && context.nik !== '' && acceptedValue(event) === context.nik,
    sameAsKk: ({ context, event }) =>
      inputAccepted({ event }) && context.kk !== '' && acceptedValue(event) === context.kk,
    unverified: ({ context }) => context.nik === '' || context.kk === '',
    placeUnclear,
    placeNotFound,
    sentLocation: ({ event }) => event.type === 'INPUT' && event.input.kind === 'location',
    finishedDocuments: ({ event }) => inputAccepted({ event }) && acceptedValue(event) === 'done',
    sentDocuments: ({ event }) =>
      event.type === 'INPUT' &&
      event.input.resolution.ok &&
      (event.input.resolution.attachmentIds?.length ?? 0) > 0,
  },
}).createMachine({
  id: 'help-request',
  context: ({ input }) => initialContext(input),
  initial: 'start',
  on: {
    HELP_CATEGORY_DESCRIBED: { actions: 'rememberDescription' },
    // A category that left the catalogue (started from old service information).
    HELP_CATEGORY_UNKNOWN: { actions: 'forgetCategory', target: '.category' },
    HELP_REQUEST_DUPLICATE: {
      actions: [
        {
          type: 'say',
          params: ({ context, event }) => ({
            key: 'helpRequest.duplicate' as const,
            vars: {
              categoryName: context.categoryName,
              code: 'code' in event ? event.code : '',
              statusLabel: 'statusLabel' in event ? event.statusLabel : '',
            },
          }),
        },
        'forgetPerson',
        toMenu,
      ],
      target: '.done',
    },
  },
  states: {
    // Filing needs consent (the menu asks for it); a category may come from service information.
    start: {
      always: [
        {
          guard: not('consented'),
          actions: [say('menu.privacyNoConsent'), toMenu],
          target: 'done',
        },
        { guard: 'hasCategory', actions: describeCategory, target: 'need' },
        { target: 'category' },
      ],
    },
    category: categoryStep('fill'),
    ...formSteps('fill'),
    summary: {
      initial: 'route',
      states: {
        route: {
          always: [{ guard: 'unverified', target: 'unverified' }, { target: 'verified' }],
        },
        verified: summaryStep('helpRequest.summary'),
        unverified: summaryStep('helpRequest.summary.unverified'),
      },
      on: {
        INPUT: [
          {
            guard: choseOption('send'),
            actions: { type: 'createHelpRequest', params: ({ context }) => draftOf(context) },
          },
          { guard: choseOption('edit'), target: 'editField' },
          {
            guard: choseOption('cancel'),
            actions: ['forgetPerson', say('runtime.cancelled'), toMenu],
            target: 'done',
          },
          { actions: 'refuseInput' },
        ],
        HELP_REQUEST_CREATED: [
          {
            guard: 'unverified',
            actions: [sayCreated, sayBringCards, 'forgetPerson', toMenu],
            target: 'done',
          },
          { actions: [sayCreated, 'forgetPerson', toMenu], target: 'done' },
        ],
        BACK: 'documents',
      },
    },
    editField: {
      meta: {
        prompt: 'helpRequest.edit.ask',
        expects: 'choice',
        options: choice(
          (Object.keys(EDITABLE) as (keyof typeof EDITABLE)[]).map((id) => ({
            id,
            label: `helpRequest.field.${id}` as const,
          })),
        ),
      } satisfies StepMeta,
      on: {
        INPUT: [
          ...Object.entries(EDITABLE).map(([id, step]) => ({
            guard: choseOption(id),
            target: `#help-request.edit.${step}`,
          })),
          { actions: 'refuseInput' },
        ],
        BACK: 'summary',
      },
    },
    // Changing one part from the summary: the same steps, each answer returning to the summary.
    edit: {
      initial: 'category',
      states: { category: categoryStep('edit'), ...formSteps('edit') },
    },
    done: { type: 'final' },
  },
});

export const helpRequestFlow: FlowDefinition<typeof helpRequestMachine> = {
  id: 'help-request',
  // 2: the kecamatan and desa are asked by name, with areaQuery and areaPage in the context
  version: 2,
  machine: helpRequestMachine,
};
