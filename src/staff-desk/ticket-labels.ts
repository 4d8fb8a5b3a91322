/**
 * The short words staff read about a ticket in one line: what it is about
 * (the service, or the complaint topic), where, and by when.
 */
import { formatLongDate } from '../i18n/format-date.ts';
import { type Key, type Locale, t } from '../i18n/translate.ts';
import type { Tx } from '../store/database.ts';

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

/** Loads the names a set of tickets needs in one query each, then labels them. */
export async function ticketLabeller(
  tx: Tx,
  locale: Locale,
): Promise<(ticket: LabelSource) => Promise<TicketLabels>> {
  const services = new Map<string, string>();
  const areas = new Map<string, string>();
  return async (ticket) => {
    if (ticket.serviceCode && !services.has(ticket.serviceCode)) {
      const service = await tx.service.findUnique({
        where: { code: ticket.serviceCode },
        select: { nameId: true, nameSu: true, nameEn: true },
      });
      const name = service
        ? { id: service.nameId, su: service.nameSu, en: service.nameEn }[locale]
        : ticket.serviceCode;
      services.set(ticket.serviceCode, name);
    }
    if (ticket.areaCode && !areas.has(ticket.areaCode)) {
      const area = await tx.area.findUnique({
        where: { code: ticket.areaCode },
        select: { name: true },
      });
      areas.set(ticket.areaCode, area?.name ?? ticket.areaCode);
    }
    const about = ticket.serviceCode
      ? (services.get(ticket.serviceCode) as string)
      : ticket.topic
        ? t(locale, `complaint.topic.${ticket.topic}` as Key)
        : '-';
    return {
      kind: t(locale, `staff.ticket.kind.${ticket.kind}` as Key),
      about,
      desa: ticket.areaCode ? (areas.get(ticket.areaCode) as string) : '-',
      due: ticket.slaDueAt ? formatLongDate(locale, ticket.slaDueAt) : '-',
    };
  };
}
