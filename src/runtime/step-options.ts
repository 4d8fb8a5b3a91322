/**
 * The options a step shows, computed the same way when the prompt is rendered
 * and when the answer is read, so "3" always means the third option shown.
 */
import type { OptionSource } from '../../flows/flow-kit.ts';
import { AREA_MORE, AREA_PAGE_SIZE, AREA_SHOW_LIST } from '../../flows/place-steps.ts';
import type { TicketStatus } from '../core/ticket-lifecycle.ts';
import { type Key, LOCALES, type Locale, t } from '../i18n/translate.ts';
import type { Tx } from '../store/database.ts';
import { residentTickets } from '../tickets/resident-tickets.ts';
import type { OutboundOption } from './messages.ts';
import { closeMatches } from './place-search.ts';
import type { ReferenceData } from './reference-data.ts';

export interface OptionScope {
  locale: Locale;
  context: Record<string, unknown>;
  ref: ReferenceData;
  tx: Tx;
  /** the chat identity writing now */
  identityId: string;
  citizenId: string | null;
}

/** An option as shown, plus its label in the other languages so those match too. */
export interface StepOption extends OutboundOption {
  aliases?: string[];
  /** not shown (a place on another page): it can only be typed by name */
  hidden?: boolean;
  /** a place name, searched tolerant of typos when the resident types one */
  place?: boolean;
}

export async function stepOptions(
  source: OptionSource | undefined,
  scope: OptionScope,
): Promise<StepOption[]> {
  if (!source) return [];
  switch (source.kind) {
    case 'static':
      return source.options.map((o) => staticOption(scope.locale, o));
    case 'services':
      return scope.ref.services.map((s) => ({
        id: s.code,
        label: s.name[scope.locale],
        aliases: LOCALES.map((locale) => s.name[locale]),
      }));
    case 'area':
      return areaOptions(source, scope);
    case 'fromContext': {
      const found = scope.context[source.field];
      const listed = Array.isArray(found) ? found.filter(isOption) : [];
      return [...listed, ...(source.extra ?? []).map((o) => staticOption(scope.locale, o))];
    }
    case 'myTickets': {
      // One index read per branch of residentTickets' UNION: asked on every turn of a status check.
      const tickets = (
        await residentTickets(scope.tx, {
          identityId: scope.identityId,
          citizenId: scope.citizenId,
        })
      ).slice(0, 9);
      const mine = tickets.map((ticket) => ({
        id: ticket.code,
        label: `${ticket.code} (${t(scope.locale, `status.ticket.${ticket.status as TicketStatus}`)})`,
      }));
      return [...mine, ...(source.extra ?? []).map((o) => staticOption(scope.locale, o))];
    }
  }
}

/** Shown places first (so "3" is the third shown), then the action, then the rest hidden. */
function areaOptions(
  source: Extract<OptionSource, { kind: 'area' }>,
  scope: OptionScope,
): StepOption[] {
  const kecamatan = scope.context.kecamatanCode;
  const areas =
    source.level === 'kecamatan'
      ? scope.ref.kecamatan
      : typeof kecamatan === 'string'
        ? scope.ref.desaOf(kecamatan)
        : [];
  const places: StepOption[] = areas.map((a) => ({ id: a.code, label: a.name, place: true }));
  const showList = staticOption(scope.locale, { id: AREA_SHOW_LIST, label: 'common.showList' });
  const shown = (chosen: StepOption[], action: StepOption | null) => [
    ...chosen,
    ...(action ? [action] : []),
    ...places.filter((p) => !chosen.includes(p)).map((p) => ({ ...p, hidden: true })),
  ];
  if (places.length <= AREA_PAGE_SIZE) return places;
  switch (source.view) {
    case 'ask':
      return shown([], showList);
    case 'matches': {
      const query = scope.context.areaQuery;
      const found =
        typeof query === 'string'
          ? closeMatches(
              query,
              areas.map((a) => a.name),
            )
          : [];
      const matches = found.slice(0, AREA_PAGE_SIZE).map((index) => places[index] as StepOption);
      return shown(matches, showList);
    }
    case 'page': {
      const pages = Math.ceil(places.length / AREA_PAGE_SIZE);
      const asked = Number(scope.context.areaPage);
      const page = Number.isInteger(asked) && asked > 0 ? asked % pages : 0;
      const more = staticOption(scope.locale, { id: AREA_MORE, label: 'common.more' });
      return shown(places.slice(page * AREA_PAGE_SIZE, (page + 1) * AREA_PAGE_SIZE), more);
    }
  }
}

function staticOption(locale: Locale, option: { id: string; label: Key }): StepOption {
  return {
    id: option.id,
    label: t(locale, option.label),
    aliases: LOCALES.map((other) => t(other, option.label)),
  };
}

/** A context entry an effect stored as an option; anything else is skipped, never shown. */
function isOption(value: unknown): value is StepOption {
  const option = value as Partial<StepOption> | null;
  return typeof option?.id === 'string' && typeof option.label === 'string';
}
