/**
 * Consent records (UU PDP): every grant and withdrawal is its own row, and the
 * latest one for the chat identity decides.
 */
import type { Tx } from '../store/database.ts';

export const CONSENT_PURPOSE = 'layanan-sosial';
/** Bump when the consent text changes in substance; older grants are asked again. */
export const CONSENT_VERSION = '2026-11';

/** Raw: asked whenever a flow starts, and a model query costs four times as much. */
export async function hasConsent(tx: Tx, identityId: string): Promise<boolean> {
  const [latest] = await tx.$queryRaw<{ granted: boolean | number; version: string }[]>`
    SELECT "granted", "version" FROM "Consent"
    WHERE "identityId" = ${identityId} AND "purpose" = ${CONSENT_PURPOSE}
    ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
  // SQLite hands booleans back as 0/1, PostgreSQL as true/false.
  return latest !== undefined && Number(latest.granted) === 1 && latest.version === CONSENT_VERSION;
}
