/**
 * Status check: a tracking code, typed loosely ("pb 7k4m2q") or picked from
 * the resident's own tickets, is looked up and its public card shown: status,
 * who holds it, due date and the public timeline. Anyone who knows a code may
 * do this, so the card carries no personal data (see lookupTicket).
 *
 * Started with a code (a resident wrote "cek PB-7K4M2Q" at the menu), it is
 * looked up right away. Asking for a code always offers "Menu utama" too:
 * a resident whose code was not found, or who has none, is never stuck here.
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
  sharedEffects,
  toMenu,
} from './flow-kit.ts';

interface StatusContext {
  locale: Locale;
  /** the code last looked up */
  code: string;
}

/** The public card of a ticket, already in the resident's language. */
export interface TicketCard {
  code: string;
  statusLabel: string;
  holder: string;
  dueDate: string;
  timeline: string;
}

type StatusEvent =
  | InputEvent
  | BackEvent
  | ({ type: 'TICKET_FOUND' } & TicketCard)
  | { type: 'TICKET_NOT_FOUND'; code: string };

/** Looks the accepted code up; the answer comes back as TICKET_FOUND or TICKET_NOT_FOUND. */
const lookup = {
  type: 'lookupTicket',
  params: ({ event }: { event: { type: string } }) => ({ code: acceptedValue(event) }),
} as const;

export const statusMachine = setup({
  types: {
    context: {} as StatusContext,
    input: {} as FlowStart,
    events: {} as StatusEvent,
  },
  actions: {
    ...sharedEffects,
    /** answers TICKET_FOUND or TICKET_NOT_FOUND */
    lookupTicket: effect<{ code: string }>(),
    rememberCode: assign({
      code: ({ event }) => ('code' in event && typeof event.code === 'string' ? event.code : ''),
    }),
  },
  guards: {
    inputAccepted,
    chose,
    startedWithCode: ({ context }) => context.code !== '',
  },
}).createMachine({
  id: 'status',
  context: ({ input }) => ({ locale: input.locale, code: input.ticketCode ?? '' }),
  initial: 'start',
  // Results of lookupTicket, from either step: a code may also be typed after a card.
  on: {
    TICKET_FOUND: {
      actions: [
        'rememberCode',
        {
          type: 'say',
          params: ({ event }) => ({
            key: 'status.card',
            vars: {
              code: event.code,
              statusLabel: event.statusLabel,
              holder: event.holder,
              dueDate: event.dueDate,
              timeline: event.timeline,
            },
          }),
        },
      ],
      target: '.shown',
    },
    // the prompt that follows asks for the code again
    TICKET_NOT_FOUND: {
      actions: [
        'rememberCode',
        {
          type: 'say',
          params: ({ event }) => ({ key: 'status.notFound', vars: { code: event.code } }),
        },
      ],
      target: '.askCode',
    },
  },
  states: {
    start: {
      always: [
        {
          guard: 'startedWithCode',
          actions: {
            type: 'lookupTicket',
            params: ({ context }: { context: StatusContext }) => ({ code: context.code }),
          },
          target: 'askCode',
        },
        { target: 'askCode' },
      ],
    },
    askCode: {
      meta: {
        prompt: 'status.askCode',
        expects: 'trackingCode',
        options: { kind: 'myTickets', extra: [{ id: 'menu', label: 'common.menu' }] },
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: choseOption('menu'), actions: toMenu, target: 'done' },
          { guard: 'inputAccepted', actions: lookup },
          { actions: 'refuseInput' },
        ],
      },
    },
    shown: {
      meta: {
        prompt: 'status.next',
        expects: 'trackingCode',
        options: choice([
          { id: 'another', label: 'status.next.another' },
          { id: 'menu', label: 'common.menu' },
        ]),
      } satisfies StepMeta,
      on: {
        INPUT: [
          { guard: choseOption('another'), target: 'askCode' },
          {
            guard: choseOption('menu'),
            actions: toMenu,
            target: 'done',
          },
          { guard: 'inputAccepted', actions: lookup },
          { actions: 'refuseInput' },
        ],
        BACK: 'askCode',
      },
    },
    done: { type: 'final' },
  },
});

export const statusFlow: FlowDefinition<typeof statusMachine> = {
  id: 'status',
  version: 1,
  machine: statusMachine,
};
