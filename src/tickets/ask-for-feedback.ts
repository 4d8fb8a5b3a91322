/**
 * Asks the resident for feedback once a ticket is SELESAI: the feedback flow
 * starts in the chat the ticket was filed from (its most recently used
 * conversation, so the question is asked once, not in every chat). The cause
 * key makes a repeated call a no-op, while a ticket that was reopened and
 * completed again is asked again.
 *
 * @example
 * await askForFeedback(runtime, prisma, ticket.id); // 'asked'
 * await askForFeedback(runtime, prisma, ticket.id); // 'alreadyAsked'
 */
import type { ConversationRuntime } from '../runtime/conversation-runtime.ts';
import type { Channel } from '../runtime/messages.ts';
import type { Db } from '../store/database.ts';
import { isUniqueViolation } from '../store/unique-violation.ts';

export type AskForFeedbackResult = 'asked' | 'alreadyAsked' | 'noChat';

export async function askForFeedback(
  runtime: Pick<ConversationRuntime, 'startFlow'>,
  prisma: Db,
  ticketId: string,
): Promise<AskForFeedbackResult> {
  const ticket = await prisma.ticket.findUnique({
    where: { id: ticketId },
    select: { code: true, originIdentityId: true },
  });
  // An anonymous complaint has no chat to ask in.
  if (!ticket?.originIdentityId) return 'noChat';
  const chat = await prisma.conversation.findFirst({
    where: { identityId: ticket.originIdentityId },
    orderBy: { updatedAt: 'desc' },
    select: { channel: true, chatKey: true },
  });
  if (!chat) return 'noChat';
  const reopenings = await prisma.ticketEvent.count({ where: { ticketId, type: 'reopened' } });
  const causeKey = reopenings === 0 ? `feedback:${ticketId}` : `feedback:${ticketId}:${reopenings}`;
  try {
    await runtime.startFlow(
      { channel: chat.channel as Channel, chatKey: chat.chatKey },
      'feedback',
      { ticketCode: ticket.code },
      causeKey,
    );
    return 'asked';
  } catch (error) {
    // The outbox already holds this question: the whole second start was rolled back.
    if (isUniqueViolation(error)) return 'alreadyAsked';
    throw error;
  }
}
