import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { transition } from 'xstate';
import { en, id, su } from '../../src/i18n/catalogs.ts';
import { currentStep } from '../../src/runtime/flow-driver.ts';
import { FLOWS } from '../../src/runtime/flow-registry.ts';
import { candidateEvents, reachableSteps } from '../support/flow-model.ts';

const CATALOGS = { id, su, en } as Record<string, Record<string, string>>;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

function roundTrip(snapshot: AnyMachineSnapshot) {
  return JSON.parse(JSON.stringify({ value: snapshot.value, context: snapshot.context }));
}

describe.each(Object.values(FLOWS).map((def) => [def?.id, def] as const))('flow %s', (_id, def) => {
  if (!def) throw new Error('registry entry missing');
  const paths = reachableSteps(def.machine);
  const active = paths.filter((p) => p.state.status === 'active');

  it('reaches at least one step and every step asks something', () => {
    expect(active.length).toBeGreaterThan(0);
    for (const path of active) {
      expect(currentStep(path.state), JSON.stringify(path.state.value)).toBeDefined();
    }
  });

  it('words every prompt in id, su and en with placeholders filled from the context', () => {
    for (const path of active) {
      const step = currentStep(path.state);
      if (!step) continue;
      const context = path.state.context as Record<string, unknown>;
      for (const [locale, catalog] of Object.entries(CATALOGS)) {
        const text = catalog[step.prompt];
        expect(text, `${locale} ${step.prompt}`).toBeTruthy();
        for (const name of placeholders(text as string)) {
          expect(['string', 'number'], `${step.prompt} needs {${name}}`).toContain(
            typeof context[name],
          );
        }
      }
    }
  });

  it('keeps a context that survives JSON, so it can be persisted', () => {
    for (const path of paths) {
      expect(roundTrip(path.state).context).toEqual(path.state.context);
    }
  });

  it('continues identically from a restored snapshot, for every event at every step', () => {
    let checked = 0;
    for (const path of active) {
      const restored = def.machine.resolveState(roundTrip(path.state));
      for (const event of candidateEvents(path.state)) {
        const [direct] = transition(def.machine, path.state, event as never);
        const [afterRestore] = transition(def.machine, restored, event as never);
        expect(afterRestore.value).toEqual(direct.value);
        expect(afterRestore.context).toEqual(direct.context);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(active.length);
  });

  it('walks every path step by step through persisted snapshots', () => {
    for (const path of paths) {
      let snapshot = path.steps[0]?.state ?? path.state;
      for (const step of path.steps.slice(1)) {
        snapshot = def.machine.resolveState(roundTrip(snapshot));
        [snapshot] = transition(def.machine, snapshot, step.event as never);
        expect(snapshot.value).toEqual(step.state.value);
      }
    }
  });
});
