/**
 * First contact: choose a language, then give or refuse consent under UU PDP
 * before anything personal is asked. Refusing still leads to the menu, where
 * anonymous complaints and service information stay open.
 */
import { assign, setup } from 'xstate';
import type { Locale } from '../src/i18n/translate.ts';
import {
  acceptedValue,
  type BackEvent,
  choice,
  chose,
  choseOption,
  type FlowDefinition,
  type FlowStart,
  type InputEvent,
  inputAccepted,
  LANGUAGE_OPTIONS,
  type StepMeta,
  say,
  sharedEffects,
} from './flow-kit.ts';

const consentOptions = [
  { id: 'agree', label: 'entry.consent.agree' },
  { id: 'decline', label: 'entry.consent.decline' },
  { id: 'more', label: 'entry.consent.more' },
] as const;

const consentStep = (prompt: 'entry.askConsent' | 'entry.consentDetails') =>
  ({
    meta: {
      prompt,
      expects: 'choice',
      options: choice(consentOptions),
    } satisfies StepMeta,
    on: {
      INPUT: [
        {
          guard: choseOption('agree'),
          actions: [
            { type: 'recordConsent', params: { granted: true } },
            { type: 'startFlow', params: { flowId: 'menu', start: { consented: true } } },
          ],
          target: '#entry.done',
        },
        {
          guard: choseOption('decline'),
          actions: [
            { type: 'recordConsent', params: { granted: false } },
            say('entry.consent.declined'),
            { type: 'startFlow', params: { flowId: 'menu', start: { consented: false } } },
          ],
          target: '#entry.done',
        },
        { guard: choseOption('more'), target: '#entry.consentDetails' },
        { actions: 'refuseInput' },
      ],
      BACK: '#entry.language',
    },
  }) as const;

export const entryMachine = setup({
  types: {
    context: {} as { locale: Locale },
    input: {} as FlowStart,
    events: {} as InputEvent | BackEvent,
  },
  actions: {
    ...sharedEffects,
    rememberLocale: assign({ locale: ({ event }) => acceptedValue(event) as Locale }),
  },
  guards: {
    inputAccepted,
    chose,
  },
}).createMachine({
  id: 'entry',
  context: ({ input }) => ({ locale: input.locale }),
  initial: 'language',
  states: {
    language: {
      meta: {
        prompt: 'entry.askLanguage',
        expects: 'choice',
        options: LANGUAGE_OPTIONS,
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: 'inputAccepted',
            actions: [
              'rememberLocale',
              {
                type: 'setLocale',
                params: ({ event }) => ({ locale: acceptedValue(event) as Locale }),
              },
            ],
            target: 'consent',
          },
          { actions: 'refuseInput' },
        ],
      },
    },
    consent: consentStep('entry.askConsent'),
    consentDetails: consentStep('entry.consentDetails'),
    done: { type: 'final' },
  },
});

export const entryFlow: FlowDefinition<typeof entryMachine> = {
  id: 'entry',
  version: 1,
  machine: entryMachine,
};
