/**
 * Consent records (UU PDP): every grant and withdrawal is its own row, and the
 * latest one for the chat identity decides.
 */
import type { Tx } from '../store/database.ts';

export const CONSENT_PURPOSE = 'layanan-sosial';
/** Bump when the consent text changes in substance; older grants are asked again. */
export const CONSENT_VERSION = '2026-11';

export async function hasConsent(tx: Tx, identityId: string): Promise<boolean> {
  const latest = await tx.consent.findFirst({
    where: { identityId, purpose: CONSENT_PURPOSE },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { granted: true, version: true },
  });
  return latest?.granted === true && latest.version === CONSENT_VERSION;
}
