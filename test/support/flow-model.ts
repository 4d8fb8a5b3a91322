/**
 * Generates, from the machines themselves, the events a resident (or an
 * effect) can send at each step, so tests can walk every state and every
 * transition of every flow without hand-written scripts.
 */
import { getShortestPaths } from '@xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { FlowStart, Resolution, StepMeta } from '../../flows/flow-kit.ts';
import { AREA_MORE, AREA_SHOW_LIST } from '../../flows/place-steps.ts';
import { currentStep } from '../../src/runtime/flow-driver.ts';

/** Flows behave differently with and without consent, so both are explored. */
export const SAMPLE_STARTS: FlowStart[] = [
  { locale: 'id', consented: true, ticketCode: 'PB-7K4M2Q', serviceCode: 'kesehatan' },
  { locale: 'su', consented: false, ticketCode: 'PB-7K4M2Q' },
];

const SAMPLE_VALUES: Record<string, string[]> = {
  services: ['kesehatan', 'perlindungan'],
  kecamatan: ['32.04.05'],
  desa: ['32.04.05.2001'],
  myTickets: ['PB-7K4M2Q'],
  text: ['Ibu saya butuh bantuan biaya berobat'],
  name: ['Siti Aminah'],
  nik: ['3204054512900001'],
  // the second one is the sample NIK again, which the help request refuses as a KK
  kk: ['3204051234560001', '3204054512900001'],
  trackingCode: ['PB-7K4M2Q'],
  rating: ['4'],
  message: ['Kapan bantuan saya cair?'],
};

/** A payload with every field an effect result commonly carries. */
const SAMPLE_RESULT = {
  code: 'PB-7K4M2Q',
  dueDate: 'Rabu, 2 Desember 2026',
  unitName: 'Puskesos Desa Cileunyi Kulon',
  statusLabel: 'Baru',
  holder: 'Puskesos Desa Cileunyi Kulon',
  timeline: '- Jumat, 27 November 2026: tiket dibuat',
  serviceText: 'Kesehatan: KTP, KK',
  reason: 'test',
  tickets: [{ id: 'PB-7K4M2Q', label: 'PB-7K4M2Q (Baru)' }],
};

export function input(resolution: Resolution, text = resolution.ok ? resolution.value : 'x') {
  return { type: 'INPUT', input: { kind: 'text', text, resolution } } as const;
}

function accepted(step: StepMeta): Resolution[] {
  const values: string[] = [];
  if (step.options?.kind === 'static') values.push(...step.options.options.map((o) => o.id));
  else if (step.options?.kind === 'fromContext') {
    values.push(
      ...(step.options.extra ?? []).map((o) => o.id),
      ...SAMPLE_RESULT.tickets.map((o) => o.id),
    );
  } else if (step.options?.kind === 'area') {
    values.push(...(SAMPLE_VALUES[step.options.level] ?? []), AREA_SHOW_LIST, AREA_MORE);
  } else if (step.options) {
    values.push(...(SAMPLE_VALUES[step.options.kind] ?? []));
    if (step.options.kind === 'myTickets')
      values.push(...(step.options.extra ?? []).map((o) => o.id));
  }
  // What the step reads from free words ("saya butuh bantuan beras" at the menu).
  values.push(...(step.intents ?? []));
  if (step.expects && step.expects !== 'choice') {
    values.push(...(SAMPLE_VALUES[step.expects] ?? []));
  }
  const resolutions: Resolution[] = values.map((value) => ({ ok: true, value, label: value }));
  // An intent that named a service or a code, as the runtime reads "butuh beras" or "cek PB-…".
  for (const value of step.intents ?? []) {
    resolutions.push({
      ok: true,
      value,
      start: { serviceCode: 'kesehatan', ticketCode: 'PB-7K4M2Q' },
    });
  }
  if (step.expects === 'area') {
    // a typed name that fits several places, or none
    resolutions.push({ ok: false, reason: { code: 'input.placeUnclear' } });
    resolutions.push({ ok: false, reason: { code: 'input.placeNotFound', typed: 'Cilenyi' } });
  }
  if (step.expects === 'attachments') {
    resolutions.push({ ok: true, value: 'attachment', attachmentIds: ['attachment-1'] });
    resolutions.push({ ok: true, value: 'done', done: true });
  }
  return resolutions;
}

/** Every event worth trying at this snapshot. */
export function candidateEvents(snapshot: AnyMachineSnapshot): { type: string }[] {
  if (snapshot.status !== 'active') return [];
  const step = currentStep(snapshot);
  const events: { type: string }[] = [{ type: 'BACK' }];
  if (step) {
    events.push(...accepted(step).map((r) => input(r)));
    events.push(input({ ok: false, reason: { code: 'input.notUnderstood' } }));
  }
  const handled = new Set(
    (snapshot._nodes as { ownEvents: string[] }[]).flatMap((node) => node.ownEvents),
  );
  for (const type of handled) {
    if (type !== 'INPUT' && type !== 'BACK' && !type.startsWith('xstate.')) {
      events.push({ type, ...SAMPLE_RESULT });
    }
  }
  return events;
}

/** One shortest path to every reachable step of the machine, from each sample start. */
export function reachableSteps(machine: AnyStateMachine) {
  return SAMPLE_STARTS.flatMap((start) =>
    getShortestPaths(machine, {
      input: start,
      events: candidateEvents as never,
      serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.status]),
      serializeEvent: (event) => JSON.stringify(event),
      limit: 5000,
    }),
  );
}
