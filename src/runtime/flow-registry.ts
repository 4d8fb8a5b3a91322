/** Every conversation flow the runtime can run, by id. */
import type { AnyStateMachine } from 'xstate';
import { complaintFlow } from '../../flows/complaint.ts';
import { contactStaffFlow } from '../../flows/contact-staff.ts';
import { entryFlow } from '../../flows/entry.ts';
import { feedbackFlow } from '../../flows/feedback.ts';
import type { FlowDefinition, FlowId } from '../../flows/flow-kit.ts';
import { helpRequestFlow } from '../../flows/help-request.ts';
import { menuFlow } from '../../flows/menu.ts';
import { serviceInfoFlow } from '../../flows/service-info.ts';
import { statusFlow } from '../../flows/status.ts';

export type FlowRegistry = Partial<Record<FlowId, FlowDefinition<AnyStateMachine>>>;

export const FLOWS: FlowRegistry = {
  entry: entryFlow as FlowDefinition<AnyStateMachine>,
  menu: menuFlow as FlowDefinition<AnyStateMachine>,
  complaint: complaintFlow as FlowDefinition<AnyStateMachine>,
  status: statusFlow as FlowDefinition<AnyStateMachine>,
  feedback: feedbackFlow as FlowDefinition<AnyStateMachine>,
  'service-info': serviceInfoFlow as FlowDefinition<AnyStateMachine>,
  'contact-staff': contactStaffFlow as FlowDefinition<AnyStateMachine>,
  'help-request': helpRequestFlow as FlowDefinition<AnyStateMachine>,
};
