/**
 * Moves one conversation's machine: starts flows, feeds events, carries out
 * the named effects a pure transition returns (feeding their results back in)
 * and switches flows when one hands over to another.
 */
import {
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
} from 'xstate';
import type { FlowDefinition, FlowId, FlowStart, StepMeta } from '../../flows/flow-kit.ts';
import { hasConsent } from './consent.ts';
import type { FlowRegistry } from './flow-registry.ts';
import type { EffectHandler, TurnScope } from './turn-scope.ts';

export interface ActiveFlow {
  def: FlowDefinition<AnyStateMachine>;
  snapshot: AnyMachineSnapshot;
}

/** Effect results and flow hand-overs per turn; more means a flow is looping. */
const MAX_CHAIN = 12;

type Action = { type: string; params?: unknown };

export class FlowDriver {
  constructor(
    private readonly flows: FlowRegistry,
    private readonly effects: Record<string, EffectHandler>,
  ) {}

  restore(
    flowId: FlowId,
    version: number,
    value: unknown,
    context: Record<string, unknown>,
  ): ActiveFlow | null {
    const def = this.flows[flowId];
    if (!def || def.version !== version) return null;
    try {
      const snapshot = def.machine.resolveState({ value: value as never, context });
      return { def, snapshot };
    } catch {
      return null;
    }
  }

  async start(
    scope: TurnScope,
    flowId: FlowId,
    start: Partial<FlowStart> = {},
  ): Promise<ActiveFlow> {
    let next: { flowId: FlowId; start: Partial<FlowStart> } | null = { flowId, start };
    let active: ActiveFlow | null = null;
    for (let hops = 0; next && hops < MAX_CHAIN; hops++) {
      let def = this.flows[next.flowId];
      if (!def) {
        scope.say('runtime.flowUnavailable');
        def = this.flows.menu as FlowDefinition<AnyStateMachine>;
      }
      const input: FlowStart = {
        locale: scope.locale,
        consented: await hasConsent(scope.sql, scope.identityId),
        ...next.start,
      };
      scope.nextFlow = null;
      const [snapshot, actions] = pure(def.machine, (scope) =>
        def.machine.getInitialSnapshot(scope, input),
      );
      active = await this.#run(scope, { def, snapshot }, actions as Action[]);
      next = scope.nextFlow;
    }
    if (!active) throw new Error('no flow could be started');
    return active;
  }

  /** Sends one event; returns the flow that is active afterwards (possibly another one). */
  async send(scope: TurnScope, active: ActiveFlow, event: { type: string }): Promise<ActiveFlow> {
    scope.nextFlow = null;
    const [snapshot, actions] = pure(active.def.machine, (scope) =>
      active.def.machine.transition(active.snapshot, event, scope),
    );
    const after = await this.#run(scope, { def: active.def, snapshot }, actions as Action[]);
    if (scope.nextFlow) {
      const { flowId, start } = scope.nextFlow;
      return this.start(scope, flowId, start);
    }
    // A flow that ended without naming a successor goes back to the menu.
    if (after.snapshot.status === 'done') return this.start(scope, 'menu');
    return after;
  }

  async #run(scope: TurnScope, active: ActiveFlow, actions: Action[]): Promise<ActiveFlow> {
    const queue = [...actions];
    let results = 0;
    while (queue.length > 0) {
      const action = queue.shift() as Action;
      const handler = this.effects[action.type];
      if (!handler) continue;
      scope.context = active.snapshot.context as Record<string, unknown>;
      const result = await handler(scope, (action.params ?? {}) as Record<string, unknown>);
      if (!result) continue;
      if (++results > MAX_CHAIN)
        throw new Error(`flow ${active.def.id} keeps producing effect results`);
      const [snapshot, more] = pure(active.def.machine, (scope) =>
        active.def.machine.transition(active.snapshot, result, scope),
      );
      active = { def: active.def, snapshot };
      queue.push(...(more as Action[]));
    }
    return active;
  }
}

/**
 * XState's `transition` and `initialTransition`, with the inert actor scope
 * made once per machine: theirs builds a throwaway actor, with its initial
 * state, on every call, a fifth of a turn's flow time. The scope's members
 * are all no-ops but the action collector, and no flow spawns, invokes or
 * delays anything that could register with its system, so one scope serves
 * every call; the collector is set for each (transitions are synchronous).
 */
const inertScopes = new WeakMap<AnyStateMachine, AnyActorScope>();

function pure(
  machine: AnyStateMachine,
  step: (scope: AnyActorScope) => AnyMachineSnapshot,
): [AnyMachineSnapshot, Action[]] {
  let scope = inertScopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: () => {},
    } as AnyActorScope;
    inertScopes.set(machine, scope);
  }
  const actions: Action[] = [];
  scope.actionExecutor = (action) => {
    actions.push(action as unknown as Action);
  };
  return [step(scope), actions];
}

/** The prompt of the deepest active step that has one. */
export function currentStep(snapshot: AnyMachineSnapshot): StepMeta | undefined {
  const metas = Object.values(snapshot.getMeta() as Record<string, Partial<StepMeta>>);
  return metas.filter((m): m is StepMeta => typeof m?.prompt === 'string').at(-1);
}
