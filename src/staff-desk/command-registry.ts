/** Every staff and partner command, in the order /bantuan lists them. */
import type { StaffCommand } from './command.ts';
import { acceptReferralCommand } from './commands/accept-referral.ts';
import { cancelReferralCommand } from './commands/cancel-referral.ts';
import { claimCommand } from './commands/claim.ts';
import { completeCommand } from './commands/complete.ts';
import { dashboardCommand } from './commands/dashboard.ts';
import { escalateCommand } from './commands/escalate.ts';
import { finishReferralCommand } from './commands/finish-referral.ts';
import { helpCommand } from './commands/help.ts';
import { inviteStaffCommand } from './commands/invite-staff.ts';
import { languageCommand } from './commands/language.ts';
import { listStaffCommand } from './commands/list-staff.ts';
import { noteCommand } from './commands/note.ts';
import { queueCommand } from './commands/queue.ts';
import { referCommand } from './commands/refer.ts';
import { referralsCommand } from './commands/referrals.ts';
import { rejectCommand } from './commands/reject.ts';
import { replyCommand } from './commands/reply-to-resident.ts';
import { reportCommand } from './commands/report.ts';
import { requestDocumentsCommand } from './commands/request-documents.ts';
import { revokeStaffCommand } from './commands/revoke-staff.ts';
import { setStatusCommand } from './commands/set-status.ts';
import { ticketDetailCommand } from './commands/ticket-detail.ts';
import { verifyCommand } from './commands/verify.ts';

/** The name a one-time invite is redeemed with; it works before anyone has a role. */
export const JOIN_COMMAND = 'masuk';

export const COMMANDS: readonly StaffCommand<never>[] = [
  queueCommand,
  ticketDetailCommand,
  claimCommand,
  verifyCommand,
  referCommand,
  cancelReferralCommand,
  requestDocumentsCommand,
  replyCommand,
  noteCommand,
  setStatusCommand,
  escalateCommand,
  completeCommand,
  rejectCommand,
  referralsCommand,
  acceptReferralCommand,
  finishReferralCommand,
  inviteStaffCommand,
  listStaffCommand,
  revokeStaffCommand,
  languageCommand,
  reportCommand,
  dashboardCommand,
  helpCommand(() => COMMANDS),
] as unknown as readonly StaffCommand<never>[];

export function findCommand(name: string): StaffCommand<never> | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Every command word the desk knows, for telling "not yours" from "no such command". */
export const COMMAND_NAMES: ReadonlySet<string> = new Set([
  JOIN_COMMAND,
  ...COMMANDS.map((c) => c.name),
]);
