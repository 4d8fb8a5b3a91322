/**
 * The short words staff read about a ticket in one line: what it is about
 * (the service, or the complaint topic), where, and by when. Names come from
 * the reference data the desk keeps in memory, not from a query per line.
 */
import { formatLongDate } from '../i18n/format-date.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';
import type { ReferenceData } from '../runtime/reference-data.ts';

export interface LabelSource {
  kind: string;
  serviceCode: string | null;
  topic: string | null;
  areaCode: string | null;
  slaDueAt?: Date | null;
}

export interface TicketLabels {
  kind: string;
  about: string;
  desa: string;
  due: string;
}

export function ticketLabels(
  ref: ReferenceData,
  locale: Locale,
  ticket: LabelSource,
): TicketLabels {
  const about = ticket.serviceCode
    ? (ref.service(ticket.serviceCode)?.name[locale] ?? ticket.serviceCode)
    : ticket.topic
      ? t(locale, `complaint.topic.${ticket.topic}` as Key)
      : '-';
  return {
    kind: t(locale, `staff.ticket.kind.${ticket.kind}` as Key),
    about,
    desa: ticket.areaCode ? (ref.areaName(ticket.areaCode) ?? ticket.areaCode) : '-',
    due: ticket.slaDueAt ? formatLongDate(locale, ticket.slaDueAt) : '-',
  };
}
