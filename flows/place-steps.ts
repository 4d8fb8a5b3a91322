/**
 * Steps that ask for a kecamatan or a desa by name (the `area` option source
 * and expectation of flow-kit.ts), shared by the help request, the complaint
 * and the message to staff. Pure, like every machine piece in flows/.
 */
import type { Key } from '../src/i18n/translate.ts';
import { choseOption, type InputEvent, refusedWith, type StepMeta } from './flow-kit.ts';

/**
 * Places listed on one page of an `area` step: 31 kecamatan as buttons hid the
 * question on a small phone, so a longer list is asked by name and paged.
 */
export const AREA_PAGE_SIZE = 8;
/** Option ids of an `area` step that are not places. */
export const AREA_SHOW_LIST = 'list';
export const AREA_MORE = 'more';

/** A typed place name fitted several places: the machine lists them (`placeSteps`). */
export const placeUnclear = ({ event }: { event: { type: string } }) =>
  refusedWith(event, 'input.placeUnclear');
/** A typed place name fitted none: the machine says so and pages the whole list. */
export const placeNotFound = ({ event }: { event: { type: string } }) =>
  refusedWith(event, 'input.placeNotFound');

/** Longest place name kept in `areaQuery` to list the places it fits. */
export const AREA_QUERY_MAX = 100;
/** The typed name a `placeUnclear` answer fitted several places with. */
export function typedPlace(event: { type: string }): string {
  return event.type === 'INPUT'
    ? (event as InputEvent).input.text.trim().slice(0, AREA_QUERY_MAX)
    : '';
}

/**
 * The kecamatan or the desa, asked by name: 31 kecamatan as buttons hid the
 * question on a small phone. A name that fits one place goes straight on
 * (`chosen`); one that fits several lists them (`matches`); one that fits
 * none says so and shows the whole list a page at a time (`list`), where
 * typing still works. Lists short enough for one page are shown at once
 * (src/runtime/step-options.ts).
 *
 * The machine provides the guards `inputAccepted`, `chose`, `placeUnclear`,
 * `placeNotFound`, the actions `rememberAreaQuery` (areaQuery ← `typedPlace`),
 * `firstAreaPage` (areaPage ← 0), `nextAreaPage` (areaPage + 1), and
 * `areaQuery`/`areaPage` in its context. `before` are transitions tried
 * first (a location pin), `on` more events of all three steps. The three
 * states are named after the level: `kecamatan` (or `askState`),
 * `kecamatanMatches`, `kecamatanList`.
 */
export function placeSteps<
  const Chosen extends { actions: unknown; target: string },
  const Back,
  const Before extends readonly unknown[] = readonly [],
  const On extends Record<string, unknown> = Record<never, never>,
>(options: {
  level: 'kecamatan' | 'desa';
  ask: Key;
  /** the flow's state id of a state name (`#help-request.edit.${name}`, say) */
  path: (state: string) => string;
  /** the name of the asking state, when it is not the level's */
  askState?: string;
  chosen: Chosen;
  back: Back;
  before?: Before;
  on?: On;
}) {
  const { level, path } = options;
  const at = (step: 'ask' | 'matches' | 'list') =>
    path(
      step === 'ask'
        ? (options.askState ?? level)
        : `${level}${step === 'matches' ? 'Matches' : 'List'}`,
    );
  const list = at('list');
  const input = [
    ...((options.before ?? []) as Before),
    { guard: choseOption(AREA_SHOW_LIST), actions: 'firstAreaPage', target: list },
    { guard: choseOption(AREA_MORE), actions: 'nextAreaPage', target: list },
    { guard: 'placeUnclear', actions: 'rememberAreaQuery', target: at('matches') },
    { guard: 'placeNotFound', actions: ['refuseInput', 'firstAreaPage'], target: list },
    { guard: 'inputAccepted', ...options.chosen },
    { actions: 'refuseInput' },
  ] as const;
  const step = <const B>(view: 'ask' | 'matches' | 'page', prompt: Key, back: B) =>
    ({
      meta: {
        prompt,
        expects: 'area',
        options: { kind: 'area', level, view },
      } satisfies StepMeta,
      on: { ...((options.on ?? {}) as On), INPUT: input, BACK: back },
    }) as const;
  return {
    ask: step('ask', options.ask, options.back),
    matches: step('matches', `place.${level}.matches`, at('ask')),
    list: step('page', `place.${level}.list`, at('ask')),
  } as const;
}
