/** Effects of the feedback flow (flows/feedback.ts): check, save and reopen in the turn's transaction. */
import type { FeedbackEffectParams } from '../../../flows/feedback.ts';
import { t } from '../../i18n/translate.ts';
import { alertUnit } from '../../staff-desk/resident-alerts.ts';
import { findOwnTicket } from '../../tickets/own-ticket.ts';
import { recordFeedback } from '../../tickets/record-feedback.ts';
import { reopenTicket } from '../../tickets/reopen-ticket.ts';
import type { EffectHandler } from '../turn-scope.ts';

const NOT_YOURS = { type: 'FEEDBACK_TICKET_NOT_YOURS' } as const;

export const feedbackEffectHandlers: Record<string, EffectHandler> = {
  async checkFeedbackTicket(scope, params) {
    const { ticketCode } = params as FeedbackEffectParams['checkFeedbackTicket'];
    const ticket = await findOwnTicket(scope.tx, ticketCode, scope.identityId);
    return ticket ? undefined : NOT_YOURS;
  },

  async saveFeedback(scope, params) {
    const { ticketCode, rating, comment } = params as FeedbackEffectParams['saveFeedback'];
    const ticket = await findOwnTicket(scope.tx, ticketCode, scope.identityId);
    if (!ticket) return NOT_YOURS;
    await recordFeedback(scope.tx, scope.cipher, {
      ticket,
      citizenId: scope.citizenId,
      rating,
      comment,
      now: scope.now,
    });
    await alertUnit(scope.tx, scope.cipher, ticket.id, { kind: 'lowRating', rating }, scope.now);
    return { type: 'FEEDBACK_SAVED' };
  },

  async reopenTicket(scope, params) {
    const { ticketCode, reason } = params as FeedbackEffectParams['reopenTicket'];
    const ticket = await findOwnTicket(scope.tx, ticketCode, scope.identityId);
    if (!ticket) return NOT_YOURS;
    const result = await reopenTicket(scope.tx, scope.cipher, {
      holidays: scope.ref.holidays,
      ticket,
      citizenId: scope.citizenId,
      reason,
      now: scope.now,
    });
    if (result.ok) {
      await alertUnit(scope.tx, scope.cipher, ticket.id, { kind: 'reopened' }, scope.now);
    }
    return result.ok
      ? { type: 'TICKET_REOPENED', unitName: result.unitName }
      : {
          type: 'REOPEN_REFUSED',
          statusLabel: t(scope.locale, `status.ticket.${result.status}`),
        };
  },
};
