/**
 * Consent records (UU PDP): every grant and withdrawal is its own row, and the
 * latest one for the chat identity decides.
 */
import type { TurnStatements } from '../store/turn-statements.ts';

export const CONSENT_PURPOSE = 'layanan-sosial';
/** Bump when the consent text changes in substance; older grants are asked again. */
export const CONSENT_VERSION = '2026-11';

/** Asked whenever a flow starts, so it is one of the turn's own statements. */
export async function hasConsent(sql: TurnStatements, identityId: string): Promise<boolean> {
  const latest = await sql.latestConsent(identityId, CONSENT_PURPOSE);
  return latest?.granted === true && latest.version === CONSENT_VERSION;
}
