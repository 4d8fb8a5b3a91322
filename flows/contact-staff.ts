/**
 * Talk to staff: the resident's own words go to the staff of their unit. A
 * message about one of their open tickets goes to the unit holding that
 * ticket; anything else to the Puskesos of the desa they name. After the
 * first message the chat stays open: every further text or photo goes to the
 * same unit until the resident types "menu" or "batal". Staff replies arrive
 * through src/runtime/deliver-staff-reply.ts.
 */
import { assign, setup } from 'xstate';
import type { Locale } from '../src/i18n/translate.ts';
import {
  acceptedValue,
  type BackEvent,
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
} from './flow-kit.ts';
import { placeNotFound, placeSteps, placeUnclear, typedPlace } from './place-steps.ts';

interface TicketOption {
  id: string;
  label: string;
}

interface ContactContext {
  locale: Locale;
  /** the resident's open tickets, found when the flow starts */
  openTickets: TicketOption[];
  ticketCode: string;
  kecamatanCode: string;
  /** a kecamatan or desa name that fitted several places: their list is shown */
  areaQuery: string;
  /** the page of the whole kecamatan or desa list shown now (wraps around) */
  areaPage: number;
  desaCode: string;
  unitName: string;
}

/** Effect results (src/runtime/effects/contact-staff-effects.ts). */
type ContactEvent =
  | { type: 'OPEN_TICKETS'; tickets: TicketOption[] }
  | { type: 'STAFF_MESSAGED'; unitName: string }
  | { type: 'STAFF_UNREACHABLE' };

export interface ContactStaffEffectParams {
  /** answers OPEN_TICKETS when the resident has any */
  findOpenTickets: Record<string, never>;
  /** answers STAFF_MESSAGED, or STAFF_UNREACHABLE when no unit fits */
  messageStaff: {
    ticketCode: string;
    desaCode: string;
    text: string;
    attachmentIds: string[];
  };
}

function attachmentIdsOf(event: { type: string }): string[] {
  if (event.type !== 'INPUT') return [];
  const { resolution } = (event as InputEvent).input;
  return resolution.ok ? (resolution.attachmentIds ?? []) : [];
}

const sendToStaff = {
  type: 'messageStaff',
  params: ({ context, event }: { context: ContactContext; event: { type: string } }) => ({
    ticketCode: context.ticketCode,
    desaCode: context.desaCode,
    text: acceptedValue(event),
    attachmentIds: attachmentIdsOf(event),
  }),
} as const;

const unreachable = {
  target: '#contact-staff.askKecamatan',
  actions: [say('contact.unitUnknown'), 'forgetTicket'],
} as const;

const chatStep = (prompt: 'contact.chat.opened' | 'contact.chat.sent' | 'contact.chat.waiting') =>
  ({
    meta: {
      prompt,
      expects: 'message',
      keepOnIdle: true,
      cancelled: 'contact.chat.closed',
    } satisfies StepMeta,
  }) as const;

/** Where the message goes, asked by name (`placeSteps`). */
const path = (state: string) => `#contact-staff.${state}`;
const kecamatan = placeSteps({
  level: 'kecamatan',
  ask: 'contact.askKecamatan',
  path,
  askState: 'askKecamatan',
  chosen: { actions: 'rememberKecamatan', target: '#contact-staff.askDesa' },
  back: { guard: 'hasOpenTickets', target: '#contact-staff.chooseTicket' },
});
const desa = placeSteps({
  level: 'desa',
  ask: 'contact.askDesa',
  path,
  askState: 'askDesa',
  chosen: { actions: 'rememberDesa', target: '#contact-staff.askMessage' },
  back: '#contact-staff.askKecamatan',
});

export const contactStaffMachine = setup({
  types: {
    context: {} as ContactContext,
    input: {} as FlowStart,
    events: {} as InputEvent | BackEvent | ContactEvent,
  },
  actions: {
    ...sharedEffects,
    findOpenTickets: effect<ContactStaffEffectParams['findOpenTickets']>(),
    messageStaff: effect<ContactStaffEffectParams['messageStaff']>(),
    rememberTickets: assign({
      openTickets: ({ event }) =>
        event.type === 'OPEN_TICKETS' && Array.isArray(event.tickets) ? event.tickets : [],
    }),
    rememberTicket: assign({ ticketCode: ({ event }) => acceptedValue(event) }),
    forgetTicket: assign({ ticketCode: '' }),
    rememberKecamatan: assign({ kecamatanCode: ({ event }) => acceptedValue(event) }),
    rememberAreaQuery: assign({ areaQuery: ({ event }) => typedPlace(event) }),
    firstAreaPage: assign({ areaPage: 0 }),
    nextAreaPage: assign({ areaPage: ({ context }) => context.areaPage + 1 }),
    rememberDesa: assign({ desaCode: ({ event }) => acceptedValue(event) }),
    rememberUnit: assign({
      unitName: ({ event }) => (event.type === 'STAFF_MESSAGED' ? event.unitName : ''),
    }),
  },
  guards: {
    inputAccepted,
    chose,
    hasOpenTickets: ({ context }) => context.openTickets.length > 0,
    aboutTicket: ({ context }) => context.ticketCode !== '',
    placeUnclear,
    placeNotFound,
  },
}).createMachine({
  id: 'contact-staff',
  context: ({ input }) => ({
    locale: input.locale,
    openTickets: [],
    ticketCode: '',
    kecamatanCode: '',
    areaQuery: '',
    areaPage: 0,
    desaCode: '',
    unitName: '',
  }),
  entry: { type: 'findOpenTickets', params: {} },
  initial: 'askKecamatan',
  states: {
    askKecamatan: {
      ...kecamatan.ask,
      on: {
        ...kecamatan.ask.on,
        // Sent by `findOpenTickets` at start only when there are some.
        OPEN_TICKETS: { actions: 'rememberTickets', target: 'chooseTicket' },
      },
    },
    kecamatanMatches: kecamatan.matches,
    kecamatanList: kecamatan.list,
    chooseTicket: {
      meta: {
        prompt: 'contact.chooseTicket',
        expects: 'choice',
        options: {
          kind: 'fromContext',
          field: 'openTickets',
          extra: [{ id: 'other', label: 'contact.other' }],
        },
      } satisfies StepMeta,
      on: {
        INPUT: [
          {
            guard: choseOption('other'),
            actions: 'forgetTicket',
            target: 'askKecamatan',
          },
          { guard: 'inputAccepted', actions: 'rememberTicket', target: 'askMessage' },
          { actions: 'refuseInput' },
        ],
      },
    },
    askDesa: desa.ask,
    desaMatches: desa.matches,
    desaList: desa.list,
    askMessage: {
      meta: { prompt: 'contact.askMessage', expects: 'message' } satisfies StepMeta,
      on: {
        INPUT: [{ guard: 'inputAccepted', actions: sendToStaff }, { actions: 'refuseInput' }],
        STAFF_MESSAGED: { actions: 'rememberUnit', target: 'chatting' },
        STAFF_UNREACHABLE: unreachable,
        BACK: [{ guard: 'aboutTicket', target: 'chooseTicket' }, { target: 'askDesa' }],
      },
    },
    // The chat stays open; each state's prompt doubles as the short confirmation.
    chatting: {
      initial: 'opened',
      states: {
        opened: chatStep('contact.chat.opened'),
        sent: chatStep('contact.chat.sent'),
        waiting: chatStep('contact.chat.waiting'),
      },
      on: {
        INPUT: [
          { guard: 'inputAccepted', actions: sendToStaff },
          { actions: 'refuseInput', target: '.waiting' },
        ],
        STAFF_MESSAGED: { actions: 'rememberUnit', target: '.sent' },
        STAFF_UNREACHABLE: unreachable,
        BACK: '.waiting',
      },
    },
  },
});

export const contactStaffFlow: FlowDefinition<typeof contactStaffMachine> = {
  id: 'contact-staff',
  // 2: the kecamatan and desa are asked by name, with areaQuery and areaPage in the context
  version: 2,
  machine: contactStaffMachine,
};
