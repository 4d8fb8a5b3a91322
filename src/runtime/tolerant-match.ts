/**
 * Finds which option a resident meant when they typed its name instead of its
 * number: case, accents, punctuation, "desa"/"kel." prefixes, typos and
 * consonant abbreviations ("Cileunyi Kln" → Cileunyi Kulon) are forgiven.
 * Returns the index of the single best match, or null when none or several fit.
 */

const PREFIXES = new Set([
  'desa',
  'ds',
  'kelurahan',
  'kel',
  'kec',
  'kecamatan',
  'kabupaten',
  'kab',
]);

export function normaliseLabel(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((token, index) => token !== '' && !(index === 0 && PREFIXES.has(token)));
}

function consonants(word: string): string {
  return word.replace(/[aeiou]/g, '');
}

export function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? Number.POSITIVE_INFINITY) <= max;
}

function tokenMatches(typed: string, label: string): boolean {
  if (typed === label) return true;
  if (typed.length >= 3 && label.startsWith(typed)) return true;
  if (typed.length >= 2 && typed === consonants(label) && consonants(label).length >= 2)
    return true;
  if (label.length >= 5) return editDistanceAtMost(typed, label, label.length >= 8 ? 2 : 1);
  return false;
}

/** 2 for an exact match, 1 when every typed word matches a word of the label in order, else 0. */
export function score(typed: string[], label: string[]): number {
  if (typed.join(' ') === label.join(' ')) return 2;
  let at = 0;
  for (const word of typed) {
    while (at < label.length && !tokenMatches(word, label[at] as string)) at++;
    if (at === label.length) return 0;
    at++;
  }
  return 1;
}

export function matchOption(typed: string, labels: readonly string[]): number | null {
  const words = normaliseLabel(typed);
  if (words.length === 0) return null;
  const scores = labels.map((label) => score(words, normaliseLabel(label)));
  const best = Math.max(0, ...scores);
  if (best === 0) return null;
  const winners = scores.flatMap((s, index) => (s === best ? [index] : []));
  if (winners.length === 1) return winners[0] ?? null;
  // Several partial matches: prefer the one whose label has no extra words.
  const complete = winners.filter(
    (index) => normaliseLabel(labels[index] as string).length === words.length,
  );
  return complete.length === 1 ? (complete[0] ?? null) : null;
}
