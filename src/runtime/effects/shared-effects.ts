/** The effects every flow may name (flows/flow-kit.ts `sharedEffects`). */
import type { EffectParams } from '../../../flows/flow-kit.ts';
import { CONSENT_PURPOSE, CONSENT_VERSION } from '../consent.ts';
import type { EffectHandler } from '../turn-scope.ts';

export const sharedEffectHandlers: Record<string, EffectHandler> = {
  say(scope, params) {
    const { key, vars } = params as EffectParams['say'];
    scope.say(key, vars);
    return undefined;
  },

  refuseInput(scope) {
    const resolution = scope.input?.resolution;
    const reason =
      resolution && !resolution.ok ? resolution.reason : { code: 'input.notUnderstood' as const };
    const { code, ...vars } = reason;
    scope.say(code, vars);
    return undefined;
  },

  startFlow(scope, params) {
    const { flowId, start } = params as EffectParams['startFlow'];
    scope.nextFlow = { flowId, start: start ?? {} };
    return undefined;
  },

  async setLocale(scope, params) {
    const { locale } = params as EffectParams['setLocale'];
    scope.locale = locale;
    await scope.sql.setIdentityLocale(scope.identityId, locale);
    if (scope.citizenId) {
      await scope.tx.citizen.update({ where: { id: scope.citizenId }, data: { locale } });
    }
    return undefined;
  },

  async recordConsent(scope, params) {
    const { granted } = params as EffectParams['recordConsent'];
    await scope.sql.recordConsent({
      identityId: scope.identityId,
      citizenId: scope.citizenId,
      purpose: CONSENT_PURPOSE,
      version: CONSENT_VERSION,
      granted,
      now: scope.now,
    });
    return undefined;
  },
};
