/** Every effect a flow may name, by name. Each flow's own effects live in a file beside this one. */
import type { EffectHandler } from '../turn-scope.ts';
import { sharedEffectHandlers } from './shared-effects.ts';

export const EFFECT_HANDLERS: Record<string, EffectHandler> = {
  ...sharedEffectHandlers,
};
