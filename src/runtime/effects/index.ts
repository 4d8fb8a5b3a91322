/** Every effect a flow may name, by name. Each flow's own effects live in a file beside this one. */
import type { EffectHandler } from '../turn-scope.ts';
import { complaintEffectHandlers } from './complaint-effects.ts';
import { contactStaffEffectHandlers } from './contact-staff-effects.ts';
import { feedbackEffectHandlers } from './feedback-effects.ts';
import { helpRequestEffectHandlers } from './help-request-effects.ts';
import { privacyEffectHandlers } from './privacy-effects.ts';
import { serviceInfoEffectHandlers } from './service-info-effects.ts';
import { sharedEffectHandlers } from './shared-effects.ts';
import { statusEffectHandlers } from './status-effects.ts';

export const EFFECT_HANDLERS: Record<string, EffectHandler> = {
  ...sharedEffectHandlers,
  ...complaintEffectHandlers,
  ...statusEffectHandlers,
  ...feedbackEffectHandlers,
  ...serviceInfoEffectHandlers,
  ...contactStaffEffectHandlers,
  ...helpRequestEffectHandlers,
  ...privacyEffectHandlers,
};
