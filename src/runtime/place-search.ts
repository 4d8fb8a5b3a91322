/**
 * Finds the places (kecamatan, desa) a resident meant by a typed name, for
 * steps that ask for the name instead of showing a long list of buttons.
 * Forgives what tolerant-match.ts forgives (case, accents, "desa"/"kec."
 * prefixes, typos, prefixes of a name) and a space too many or too few
 * ("bale endah" for Baleendah). Returns the indices of the closest tier only:
 * one index means the resident's place is known, several are asked about.
 *
 * @example
 * closeMatches('cilenyi', ['Cilengkrang', 'Cileunyi', 'Cimenyan']); // [1]
 * closeMatches('cile', ['Cilengkrang', 'Cileunyi', 'Cimenyan']);    // [0, 1]
 * closeMatches('bale endah', ['Baleendah', 'Banjaran']);            // [0]
 */
import { editDistanceAtMost, normaliseLabel, score } from './tolerant-match.ts';

/** How close a label is: 3 the same name, 2 every typed word fits, 1 a typo in the whole name. */
function closeness(typed: string[], label: string[]): number {
  const compactTyped = typed.join('');
  const compactLabel = label.join('');
  if (compactTyped === compactLabel) return 3;
  if (score(typed, label) > 0) return 2;
  if (compactLabel.length < 5) return 0;
  return editDistanceAtMost(compactTyped, compactLabel, compactLabel.length >= 8 ? 2 : 1) ? 1 : 0;
}

export function closeMatches(typed: string, labels: readonly string[]): number[] {
  const words = normaliseLabel(typed);
  if (words.length === 0) return [];
  const tiers = labels.map((label) => closeness(words, normaliseLabel(label)));
  const best = Math.max(0, ...tiers);
  return best === 0 ? [] : tiers.flatMap((tier, index) => (tier === best ? [index] : []));
}
