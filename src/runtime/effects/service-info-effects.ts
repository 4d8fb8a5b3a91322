/**
 * Effects of the service information flow (flows/service-info.ts). The
 * description is composed from the reference data in the resident's
 * language, so an admin's catalogue edit shows up without a code change.
 */
import type { ServiceInfoEffectParams } from '../../../flows/service-info.ts';
import { explainJargon } from '../../i18n/jargon.ts';
import { type Locale, t } from '../../i18n/translate.ts';
import type { ServiceInfo } from '../reference-data.ts';
import type { EffectHandler } from '../turn-scope.ts';

/** Three short blocks: what it is, how long it takes, what to bring; then what its acronyms mean. */
function composeServiceText(service: ServiceInfo, locale: Locale): string {
  const list = (docs: ServiceInfo['documents']) => docs.map((d) => `- ${d.label[locale]}`);
  const required = service.documents.filter((d) => d.required);
  const optional = service.documents.filter((d) => !d.required);
  const what = [service.name[locale], service.description[locale]];
  const when = [
    ...(service.urgent ? [t(locale, 'serviceInfo.urgent')] : []),
    t(locale, 'serviceInfo.sla', { days: service.slaDays }),
    t(locale, 'serviceInfo.firstResponse'),
  ];
  const bring =
    required.length === 0
      ? [t(locale, 'serviceInfo.noDocuments')]
      : [t(locale, 'serviceInfo.required'), ...list(required)];
  if (optional.length > 0) bring.push(t(locale, 'serviceInfo.optional'), ...list(optional));
  if (service.documents.length > 0) bring.push(t(locale, 'serviceInfo.photosLater'));
  const text = [what, when, bring]
    .map((block) => block.filter((line) => line !== '').join('\n'))
    .join('\n\n');
  // Acronyms (PBI-JK, DTKS, SKTM…) get one plain line each, after what the resident reads.
  const jargon = explainJargon(locale, text);
  return jargon === '' ? text : `${text}\n\n${jargon}`;
}

export const serviceInfoEffectHandlers: Record<string, EffectHandler> = {
  describeService(scope, params) {
    const { serviceCode } = params as ServiceInfoEffectParams['describeService'];
    const service = scope.ref.service(serviceCode);
    if (!service) return undefined;
    return { type: 'SERVICE_DESCRIBED', serviceText: composeServiceText(service, scope.locale) };
  },
};
