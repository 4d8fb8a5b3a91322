/**
 * Effects of the help request flow (flows/help-request.ts): the category's
 * checklist in the resident's language, the early duplicate check, a shared
 * location pin, and filing the request. Each answers with an event the
 * machine reacts to in the same turn.
 */
import type {
  HelpRequestDraft,
  HelpRequestEffectParams,
} from '../../../flows/help-request-steps.ts';
import type { TicketStatus } from '../../core/ticket-lifecycle.ts';
import { formatLongDate } from '../../i18n/format-date.ts';
import { explainJargon } from '../../i18n/jargon.ts';
import { type Locale, t } from '../../i18n/translate.ts';
import { findOpenDuplicate, openTicket } from '../../tickets/open-ticket.ts';
import type { ServiceInfo } from '../reference-data.ts';
import type { EffectHandler, EffectResult, TurnScope } from '../turn-scope.ts';

/** Required documents, then the optional ones (SKTM: partners often ask for it), then what acronyms mean. */
function checklistOf(service: ServiceInfo, locale: Locale): string {
  if (service.documents.length === 0) return t(locale, 'helpRequest.documents.none');
  const list = (required: boolean) =>
    service.documents.filter((d) => d.required === required).map((d) => `- ${d.label[locale]}`);
  const block = (heading: string, lines: string[]) =>
    lines.length === 0 ? [] : [heading, ...lines];
  const checklist = [
    ...block(t(locale, 'helpRequest.documents.required'), list(true)),
    ...block(t(locale, 'helpRequest.documents.optional'), list(false)),
  ].join('\n');
  const jargon = explainJargon(locale, checklist);
  return jargon === '' ? checklist : `${checklist}\n${jargon}`;
}

function deps(scope: TurnScope) {
  return { tx: scope.tx, sql: scope.sql, cipher: scope.cipher, ref: scope.ref, now: scope.now };
}

function duplicateFound(scope: TurnScope, duplicate: { code: string; status: TicketStatus }) {
  return {
    type: 'HELP_REQUEST_DUPLICATE',
    code: duplicate.code,
    statusLabel: t(scope.locale, `status.ticket.${duplicate.status}`),
  } satisfies EffectResult;
}

export const helpRequestEffectHandlers: Record<string, EffectHandler> = {
  describeHelpCategory(scope, params) {
    const { serviceCode } = params as HelpRequestEffectParams['describeHelpCategory'];
    if (serviceCode === '') return undefined;
    const service = scope.ref.service(serviceCode);
    if (!service) return { type: 'HELP_CATEGORY_UNKNOWN' };
    return {
      type: 'HELP_CATEGORY_DESCRIBED',
      categoryName: service.name[scope.locale],
      checklist: checklistOf(service, scope.locale),
    };
  },

  async checkHelpDuplicate(scope, params) {
    const { serviceCode, nik, kk } = params as HelpRequestEffectParams['checkHelpDuplicate'];
    if (serviceCode === '') return undefined;
    const person = { nik: nik || undefined, kk: kk || undefined };
    const duplicate = await findOpenDuplicate(deps(scope), person, serviceCode, scope.identityId);
    return duplicate ? duplicateFound(scope, duplicate) : undefined;
  },

  noteHelpLocation(scope) {
    const location = scope.inbound?.location;
    return location
      ? {
          type: 'HELP_REQUEST_LOCATION',
          latitude: location.latitude,
          longitude: location.longitude,
        }
      : undefined;
  },

  async createHelpRequest(scope, params) {
    const draft = params as unknown as HelpRequestDraft;
    const result = await openTicket(deps(scope), {
      kind: 'permohonan',
      serviceCode: draft.serviceCode,
      description: draft.need,
      desaCode: draft.desaCode,
      identityMode: 'named',
      person: {
        name: draft.name,
        nik: draft.nik || undefined,
        kk: draft.kk || undefined,
        locale: scope.locale,
      },
      needsVerification: draft.needsVerification,
      attachmentIds: draft.attachmentIds,
      location: draft.location ?? undefined,
      channel: scope.channel,
      identityId: scope.identityId,
    });
    if (!result.ok) return duplicateFound(scope, result.duplicate);
    return {
      type: 'HELP_REQUEST_CREATED',
      code: result.ticket.code,
      dueDate: formatLongDate(scope.locale, result.ticket.slaDueAt),
      unitName: result.ticket.unitName,
    };
  },
};
