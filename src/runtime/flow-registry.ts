/** Every conversation flow the runtime can run, by id. */
import type { AnyStateMachine } from 'xstate';
import { entryFlow } from '../../flows/entry.ts';
import type { FlowDefinition, FlowId } from '../../flows/flow-kit.ts';
import { menuFlow } from '../../flows/menu.ts';

export type FlowRegistry = Partial<Record<FlowId, FlowDefinition<AnyStateMachine>>>;

export const FLOWS: FlowRegistry = {
  entry: entryFlow as FlowDefinition<AnyStateMachine>,
  menu: menuFlow as FlowDefinition<AnyStateMachine>,
};
