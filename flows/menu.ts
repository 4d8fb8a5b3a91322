/**
 * The main menu. Filing a help request or talking to staff needs consent;
 * a resident who refused is asked once more, and may still complain
 * anonymously, check a ticket or read service information.
 *
 * Residents also write their own words here ("saya butuh bantuan beras",
 * "mau lapor", "halo"): the runtime reads them as one of the `intents`
 * (src/runtime/menu-intents.ts), with the service or tracking code they name
 * as start data for the flow they open. A greeting is answered kindly.
 *
 * Privasi keeps the consent text's promise: anyone may see what is stored
 * about them ("Lihat data saya") or have it erased ("Hapus data saya"), with
 * or without consent now, since a withdrawal leaves earlier tickets stored.
 * Both are runtime effects (src/runtime/effects/privacy-effects.ts): the
 * data never enters this machine's context, which is persisted.
 */
import { assign, not, setup } from 'xstate';
import type { Locale } from '../src/i18n/translate.ts';
import {
  acceptedStart,
  acceptedValue,
  type BackEvent,
  choice,
  chose,
  choseOption,
  type FlowDefinition,
  type FlowId,
  type FlowStart,
  type InputEvent,
  inputAccepted,
  LANGUAGE_OPTIONS,
  type StepMeta,
  say,
  sharedEffects,
} from './flow-kit.ts';

interface MenuContext {
  locale: Locale;
  consented: boolean;
  /** the flow to open once consent is given */
  pending: FlowId | null;
  /** the service the resident's words pointed to, for that flow ('' for none; absent in older snapshots) */
  pendingService?: string;
}

const MENU_TARGETS: Record<string, FlowId> = {
  help: 'help-request',
  complaint: 'complaint',
  status: 'status',
  info: 'service-info',
  contact: 'contact-staff',
};
const NEEDS_CONSENT: readonly FlowId[] = ['help-request', 'contact-staff'];

/** Effects of the Privasi menu; both act on this chat's identity and its citizen. */
export interface PrivacyEffectParams {
  /** sends the stored data, masked, as one message */
  showMyData: Record<string, never>;
  /** erases or pseudonymises the personal data and closes open tickets */
  eraseMyData: Record<string, never>;
}

const seeOrErase = [
  { id: 'view', label: 'menu.privacy.view' },
  { id: 'erase', label: 'menu.privacy.erase' },
] as const;

/** What both privacy steps do with "see" and "erase". */
const seeOrEraseInput = [
  { guard: choseOption('view'), actions: 'showMyData' },
  { guard: choseOption('erase'), target: 'confirmErase' },
] as const;

const yesNo = choice([
  { id: 'yes', label: 'common.yes' },
  { id: 'no', label: 'common.no' },
]);

export const menuMachine = setup({
  types: {
    context: {} as MenuContext,
    input: {} as FlowStart,
    events: {} as InputEvent | BackEvent,
  },
  actions: {
    ...sharedEffects,
    rememberPending: assign({
      pending: ({ event }) => MENU_TARGETS[acceptedValue(event)] ?? null,
      pendingService: ({ event }) => acceptedStart(event).serviceCode ?? '',
    }),
    grantConsent: assign({ consented: true }),
    withdrawConsent: assign({ consented: false }),
    rememberLocale: assign({ locale: ({ event }) => acceptedValue(event) as Locale }),
    // Named without params, as 'refuseInput' is (implemented in the runtime).
    showMyData: (_: unknown, _params?: PrivacyEffectParams['showMyData']) => {},
    eraseMyData: (_: unknown, _params?: PrivacyEffectParams['eraseMyData']) => {},
  },
  guards: {
    inputAccepted,
    chose,
    opensFlowWithoutConsent: ({ context, event }) => {
      const target = MENU_TARGETS[acceptedValue(event)];
      return target !== undefined && (context.consented || !NEEDS_CONSENT.includes(target));
    },
    opensFlowNeedingConsent: ({ event }) => MENU_TARGETS[acceptedValue(event)] !== undefined,
    consented: ({ context }) => context.consented,
  },
}).createMachine({
  id: 'menu',
  context: ({ input }) => ({
    locale: input.locale,
    consented: input.consented,
    pending: null,
    pendingService: '',
  }),
  initial: 'choose',
  states: {
    choose: {
      meta: {
        prompt: 'menu.choose',
        expects: 'choice',
        options: choice([
          { id: 'help', label: 'menu.help' },
          { id: 'complaint', label: 'menu.complaint' },
          { id: 'status', label: 'menu.status' },
          { id: 'info', label: 'menu.info' },
          { id: 'contact', label: 'menu.contact' },
          { id: 'language', label: 'menu.language' },
          { id: 'privacy', label: 'menu.privacy' },
        ]),
        intents: ['help', 'complaint', 'status', 'info', 'greeting'],
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: 'opensFlowWithoutConsent',
            actions: {
              type: 'startFlow',
              params: ({ context, event }) => ({
                flowId: MENU_TARGETS[acceptedValue(event)] as FlowId,
                start: { ...acceptedStart(event), consented: context.consented },
              }),
            },
            target: 'done',
          },
          { guard: 'opensFlowNeedingConsent', actions: 'rememberPending', target: 'askConsent' },
          { guard: choseOption('language'), target: 'language' },
          { guard: choseOption('privacy'), target: 'privacy' },
          { guard: choseOption('greeting'), actions: say('menu.greeting') },
          { actions: 'refuseInput' },
        ],
      },
    },
    askConsent: {
      meta: { prompt: 'menu.needConsent', expects: 'choice', options: yesNo } satisfies StepMeta,
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
                  flowId: context.pending ?? 'menu',
                  start: context.pendingService
                    ? { consented: true, serviceCode: context.pendingService }
                    : { consented: true },
                }),
              },
            ],
            target: 'done',
          },
          {
            guard: choseOption('no'),
            actions: say('entry.consent.declined'),
            target: 'choose',
          },
          { actions: 'refuseInput' },
        ],
        BACK: 'choose',
      },
    },
    language: {
      meta: {
        prompt: 'menu.askLanguage',
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
            target: 'choose',
          },
          { actions: 'refuseInput' },
        ],
        BACK: 'choose',
      },
    },
    privacy: {
      always: { guard: not('consented'), target: 'privacyWithoutConsent' },
      meta: {
        prompt: 'menu.privacyInfo',
        expects: 'choice',
        options: choice([
          ...seeOrErase,
          { id: 'withdraw', label: 'menu.privacy.withdraw' },
          { id: 'back', label: 'common.back' },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          ...seeOrEraseInput,
          {
            guard: choseOption('withdraw'),
            actions: [
              'withdrawConsent',
              { type: 'recordConsent', params: { granted: false } },
              say('menu.privacy.withdrawn'),
            ],
            target: 'choose',
          },
          { guard: choseOption('back'), target: 'choose' },
          { actions: 'refuseInput' },
        ],
        BACK: 'choose',
      },
    },
    privacyWithoutConsent: {
      meta: {
        prompt: 'menu.privacyNoConsent',
        expects: 'choice',
        options: choice([...seeOrErase, { id: 'back', label: 'common.back' }]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          ...seeOrEraseInput,
          { guard: choseOption('back'), target: 'choose' },
          { actions: 'refuseInput' },
        ],
        BACK: 'choose',
      },
    },
    confirmErase: {
      meta: {
        prompt: 'menu.privacy.eraseConfirm',
        expects: 'choice',
        options: choice([
          { id: 'erase', label: 'menu.privacy.eraseYes' },
          { id: 'cancel', label: 'menu.privacy.eraseNo' },
        ]),
        // "batal" typed here is the same answer as the Batal option
        cancelled: 'menu.privacy.eraseCancelled',
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            // Erased first, so the withdrawal is recorded for the chat alone,
            // and then the chat starts over like a newcomer's: language, consent.
            guard: choseOption('erase'),
            actions: [
              'withdrawConsent',
              say('menu.privacy.erased'),
              'eraseMyData',
              { type: 'recordConsent', params: { granted: false } },
              { type: 'startFlow', params: { flowId: 'entry', start: { consented: false } } },
            ],
            target: 'done',
          },
          {
            guard: choseOption('cancel'),
            actions: say('menu.privacy.eraseCancelled'),
            target: 'choose',
          },
          { actions: 'refuseInput' },
        ],
        BACK: 'privacy',
      },
    },
    done: { type: 'final' },
  },
});

export const menuFlow: FlowDefinition<typeof menuMachine> = {
  id: 'menu',
  version: 1,
  machine: menuMachine,
};
