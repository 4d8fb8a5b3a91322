/**
 * Service information: what a service covers, how long it takes and which
 * documents to prepare, without filing or storing anything. From a service
 * the resident may go straight to a help request for it (asking consent
 * first when it was not given, as the menu does).
 */
import { assign, setup } from 'xstate';
import type { Locale } from '../src/i18n/translate.ts';
import {
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

interface ServiceInfoContext {
  locale: Locale;
  consented: boolean;
  serviceCode: string;
  /** the described service in the resident's language, composed by `describeService` */
  serviceText: string;
}

/** Effect result (src/runtime/effects/service-info-effects.ts). */
type ServiceDescribed = { type: 'SERVICE_DESCRIBED'; serviceText: string };

export interface ServiceInfoEffectParams {
  /** answers SERVICE_DESCRIBED, or nothing for an unknown code */
  describeService: { serviceCode: string };
}

const describeChosen = {
  type: 'describeService',
  params: ({ context }: { context: ServiceInfoContext }) => ({ serviceCode: context.serviceCode }),
} as const;

export const serviceInfoMachine = setup({
  types: {
    context: {} as ServiceInfoContext,
    input: {} as FlowStart,
    events: {} as InputEvent | BackEvent | ServiceDescribed,
  },
  actions: {
    ...sharedEffects,
    describeService: effect<ServiceInfoEffectParams['describeService']>(),
    rememberService: assign({ serviceCode: ({ event }) => acceptedValue(event) }),
    rememberText: assign({
      serviceText: ({ event }) => (event.type === 'SERVICE_DESCRIBED' ? event.serviceText : ''),
    }),
    grantConsent: assign({ consented: true }),
  },
  guards: {
    inputAccepted,
    chose,
    consented: ({ context }) => context.consented,
  },
}).createMachine({
  id: 'service-info',
  context: ({ input }) => ({
    locale: input.locale,
    consented: input.consented,
    serviceCode: input.serviceCode ?? '',
    serviceText: '',
  }),
  // Started for a known service (from another flow): describe it right away.
  entry: describeChosen,
  initial: 'chooseService',
  states: {
    chooseService: {
      meta: {
        prompt: 'serviceInfo.choose',
        expects: 'choice',
        options: { kind: 'services' },
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: 'inputAccepted', actions: ['rememberService', describeChosen] },
          { actions: 'refuseInput' },
        ],
        SERVICE_DESCRIBED: { target: 'showService', actions: 'rememberText' },
      },
    },
    showService: {
      meta: {
        prompt: 'serviceInfo.show',
        expects: 'choice',
        options: choice([
          { id: 'another', label: 'serviceInfo.another' },
          { id: 'apply', label: 'serviceInfo.apply' },
          { id: 'menu', label: 'common.menu' },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: choseOption('another'), target: 'chooseService' },
          {
            guard: choseOption('apply'),
            target: 'askConsent',
          },
          {
            guard: choseOption('menu'),
            actions: toMenu,
            target: 'done',
          },
          { actions: 'refuseInput' },
        ],
        BACK: 'chooseService',
      },
    },
    // Filing needs consent; with it this step passes straight on to the help request.
    askConsent: {
      always: {
        guard: 'consented',
        target: 'done',
        actions: {
          type: 'startFlow',
          params: ({ context }) => ({
            flowId: 'help-request',
            start: { consented: true, serviceCode: context.serviceCode },
          }),
        },
      },
      meta: {
        prompt: 'menu.needConsent',
        expects: 'choice',
        options: choice([
          { id: 'yes', label: 'common.yes' },
          { id: 'no', label: 'common.no' },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: choseOption('yes'),
            actions: [
              'grantConsent',
              { type: 'recordConsent', params: { granted: true } },
              {
                type: 'startFlow',
                params: ({ context }) => ({
                  flowId: 'help-request',
                  start: { consented: true, serviceCode: context.serviceCode },
                }),
              },
            ],
            target: 'done',
          },
          {
            guard: choseOption('no'),
            actions: say('entry.consent.declined'),
            target: 'showService',
          },
          { actions: 'refuseInput' },
        ],
        BACK: 'showService',
      },
    },
    done: { type: 'final' },
  },
});

export const serviceInfoFlow: FlowDefinition<typeof serviceInfoMachine> = {
  id: 'service-info',
  version: 1,
  machine: serviceInfoMachine,
};
