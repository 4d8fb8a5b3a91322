/**
 * Effects of the complaint flow (flows/complaint.ts): filing the complaint
 * and reading a shared location pin. An anonymous complaint goes to
 * openTicket without any person, so no citizen is created or linked and the
 * ticket keeps no trace of the chat it came from.
 */
import type { ComplaintDraft } from '../../../flows/complaint.ts';
import { formatLongDate } from '../../i18n/format-date.ts';
import { openTicket } from '../../tickets/open-ticket.ts';
import type { EffectHandler } from '../turn-scope.ts';

export const complaintEffectHandlers: Record<string, EffectHandler> = {
  async createComplaint(scope, params) {
    const draft = params as unknown as ComplaintDraft;
    const anonymous = draft.identityMode === 'anonymous';
    const located = draft.latitude !== null && draft.longitude !== null;
    const result = await openTicket(
      { tx: scope.tx, sql: scope.sql, cipher: scope.cipher, ref: scope.ref, now: scope.now },
      {
        kind: 'pengaduan',
        topic: draft.topic,
        description: draft.description,
        desaCode: draft.desaCode,
        identityMode: draft.identityMode,
        person: anonymous
          ? undefined
          : { name: draft.name || undefined, nik: draft.nik || undefined, locale: scope.locale },
        // nobody can verify an identity that was never given
        needsVerification: !anonymous && draft.needsVerification,
        attachmentIds: draft.attachmentIds,
        location: located
          ? { latitude: draft.latitude as number, longitude: draft.longitude as number }
          : undefined,
        channel: scope.channel,
        identityId: scope.identityId,
      },
    );
    if (!result.ok) {
      // openTicket only refuses duplicate help requests; a complaint reaching here is a bug.
      throw new Error(`complaint refused as a duplicate of ${result.duplicate.code}`);
    }
    const { ticket } = result;
    return {
      type: 'COMPLAINT_CREATED',
      code: ticket.code,
      dueDate: formatLongDate(scope.locale, ticket.slaDueAt),
      unitName: ticket.unitName,
    };
  },

  noteComplaintLocation(scope) {
    const location = scope.inbound?.location;
    return location
      ? { type: 'COMPLAINT_LOCATION', latitude: location.latitude, longitude: location.longitude }
      : undefined;
  },
};
