/**
 * Every text the desk can say, merged from the feature text files. Add a
 * feature's texts here; the completeness test checks all of them.
 */
import { en as domainEn } from './catalog/en.ts';
import { id as domainId } from './catalog/id.ts';
import { su as domainSu } from './catalog/su.ts';
import { channelTexts } from './texts/channels.ts';
import { complaintTexts } from './texts/complaint.ts';
import { contactStaffTexts } from './texts/contact-staff.ts';
import { conversationTexts } from './texts/conversation.ts';
import { dashboardTexts } from './texts/dashboard.ts';
import { entryTexts } from './texts/entry.ts';
import { feedbackTexts } from './texts/feedback.ts';
import { helpRequestTexts } from './texts/help-request.ts';
import { jargonTexts } from './texts/jargon.ts';
import { outboxTexts } from './texts/outbox.ts';
import { privacyTexts } from './texts/privacy.ts';
import { reportTexts } from './texts/reports.ts';
import { serviceInfoTexts } from './texts/service-info.ts';
import { simulatorTexts } from './texts/simulator.ts';
import { slaTexts } from './texts/sla.ts';
import { staffAdminTexts } from './texts/staff-admin.ts';
import { staffDeskTexts } from './texts/staff-desk.ts';
import { staffLanguageTexts } from './texts/staff-language.ts';
import { statusTexts } from './texts/status.ts';

const features = [
  conversationTexts,
  entryTexts,
  privacyTexts,
  feedbackTexts,
  serviceInfoTexts,
  contactStaffTexts,
  complaintTexts,
  statusTexts,
  helpRequestTexts,
  channelTexts,
  simulatorTexts,
  staffDeskTexts,
  slaTexts,
  dashboardTexts,
  outboxTexts,
  reportTexts,
  staffLanguageTexts,
  staffAdminTexts,
  jargonTexts,
] as const;

export const id = {
  ...domainId,
  ...conversationTexts.id,
  ...entryTexts.id,
  ...privacyTexts.id,
  ...feedbackTexts.id,
  ...serviceInfoTexts.id,
  ...contactStaffTexts.id,
  ...complaintTexts.id,
  ...statusTexts.id,
  ...helpRequestTexts.id,
  ...channelTexts.id,
  ...simulatorTexts.id,
  ...staffDeskTexts.id,
  ...slaTexts.id,
  ...dashboardTexts.id,
  ...outboxTexts.id,
  ...reportTexts.id,
  ...staffLanguageTexts.id,
  ...staffAdminTexts.id,
  ...jargonTexts.id,
};

type Catalog = { [K in keyof typeof id]: string };

function merge(locale: 'su' | 'en', domain: Record<string, string>): Catalog {
  return Object.assign({}, domain, ...features.map((f) => f[locale])) as Catalog;
}

export const su: Catalog = merge('su', domainSu);
export const en: Catalog = merge('en', domainEn);
