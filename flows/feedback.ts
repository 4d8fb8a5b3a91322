/**
 * Feedback on a finished ticket. The desk starts it when a ticket becomes
 * SELESAI: the resident says whether the need was met; if so they rate 1–5
 * and may comment, if not they say why and the ticket is reopened. Only the
 * chat that filed the ticket may answer for it (checked by an effect at start
 * and again when saving).
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

interface FeedbackContext {
  locale: Locale;
  ticketCode: string;
  rating: number;
}

/** Effect results (src/runtime/effects/feedback-effects.ts). */
type FeedbackEvent =
  | { type: 'FEEDBACK_TICKET_NOT_YOURS' }
  | { type: 'FEEDBACK_SAVED' }
  | { type: 'TICKET_REOPENED'; unitName: string }
  | { type: 'REOPEN_REFUSED'; statusLabel: string };

export interface FeedbackEffectParams {
  checkFeedbackTicket: { ticketCode: string };
  saveFeedback: { ticketCode: string; rating: number; comment: string | null };
  reopenTicket: { ticketCode: string; reason: string };
}

const ratingOptions = choice([
  { id: '1', label: 'feedback.rating.1' },
  { id: '2', label: 'feedback.rating.2' },
  { id: '3', label: 'feedback.rating.3' },
  { id: '4', label: 'feedback.rating.4' },
  { id: '5', label: 'feedback.rating.5' },
]);

export const feedbackMachine = setup({
  types: {
    context: {} as FeedbackContext,
    input: {} as FlowStart,
    events: {} as InputEvent | BackEvent | FeedbackEvent,
  },
  actions: {
    ...sharedEffects,
    checkFeedbackTicket: effect<FeedbackEffectParams['checkFeedbackTicket']>(),
    saveFeedback: effect<FeedbackEffectParams['saveFeedback']>(),
    reopenTicket: effect<FeedbackEffectParams['reopenTicket']>(),
    rememberRating: assign({ rating: ({ event }) => Number(acceptedValue(event)) }),
  },
  guards: {
    inputAccepted,
    chose,
    validRating: ({ event }) => /^[1-5]$/.test(acceptedValue(event)),
  },
}).createMachine({
  id: 'feedback',
  context: ({ input }) => ({ locale: input.locale, ticketCode: input.ticketCode ?? '', rating: 0 }),
  entry: {
    type: 'checkFeedbackTicket',
    params: ({ context }) => ({ ticketCode: context.ticketCode }),
  },
  initial: 'askResolved',
  on: {
    // Any step: the ticket turned out not to be this resident's.
    FEEDBACK_TICKET_NOT_YOURS: {
      target: '.done',
      actions: [
        {
          type: 'say',
          params: ({ context }) => ({
            key: 'feedback.notYours',
            vars: { ticketCode: context.ticketCode },
          }),
        },
        toMenu,
      ],
    },
  },
  states: {
    askResolved: {
      meta: {
        prompt: 'feedback.askResolved',
        expects: 'choice',
        options: choice([
          { id: 'resolved', label: 'feedback.resolved.yes' },
          { id: 'unresolved', label: 'feedback.resolved.no' },
        ]),
        // The desk asked this out of the blue; an answer hours later still counts.
        keepOnIdle: true,
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: choseOption('resolved'), target: 'askRating' },
          { guard: choseOption('unresolved'), target: 'askReason' },
          { actions: 'refuseInput' },
        ],
      },
    },
    askRating: {
      meta: {
        prompt: 'feedback.askRating',
        expects: 'rating',
        options: ratingOptions,
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: 'validRating', actions: 'rememberRating', target: 'askComment' },
          { actions: 'refuseInput' },
        ],
        BACK: 'askResolved',
      },
    },
    askComment: {
      meta: {
        prompt: 'feedback.askComment',
        expects: 'text',
        options: choice([{ id: 'skip', label: 'common.skip' }]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: choseOption('skip'),
            actions: {
              type: 'saveFeedback',
              params: ({ context }) => ({
                ticketCode: context.ticketCode,
                rating: context.rating,
                comment: null,
              }),
            },
          },
          {
            guard: 'inputAccepted',
            actions: {
              type: 'saveFeedback',
              params: ({ context, event }) => ({
                ticketCode: context.ticketCode,
                rating: context.rating,
                comment: acceptedValue(event),
              }),
            },
          },
          { actions: 'refuseInput' },
        ],
        FEEDBACK_SAVED: {
          target: 'done',
          actions: [say('feedback.thanks'), toMenu],
        },
        BACK: 'askRating',
      },
    },
    askReason: {
      meta: { prompt: 'feedback.askReason', expects: 'text' } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: 'inputAccepted',
            actions: {
              type: 'reopenTicket',
              params: ({ context, event }) => ({
                ticketCode: context.ticketCode,
                reason: acceptedValue(event),
              }),
            },
          },
          { actions: 'refuseInput' },
        ],
        TICKET_REOPENED: {
          target: 'done',
          actions: [
            {
              type: 'say',
              params: ({ context, event }) => ({
                key: 'feedback.reopened',
                vars: { ticketCode: context.ticketCode, unitName: event.unitName },
              }),
            },
            toMenu,
          ],
        },
        REOPEN_REFUSED: {
          target: 'done',
          actions: [
            {
              type: 'say',
              params: ({ context, event }) => ({
                key: 'feedback.reopenRefused',
                vars: { ticketCode: context.ticketCode, status: event.statusLabel },
              }),
            },
            toMenu,
          ],
        },
        BACK: 'askResolved',
      },
    },
    done: { type: 'final' },
  },
});

export const feedbackFlow: FlowDefinition<typeof feedbackMachine> = {
  id: 'feedback',
  version: 1,
  machine: feedbackMachine,
};
