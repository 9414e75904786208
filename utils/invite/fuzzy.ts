/**
 * Names typed into an invite file against the org's names: the key both are compared by, and
 * "Did you mean …?" by optimal-string-alignment distance (Levenshtein plus transpositions of
 * neighbours) on those keys.
 */

/**
 * The key a name is compared by: Unicode NFC (a file saved on macOS may spell "Données" with a
 * combining accent, NFD; the org spells it precomposed), lowercase, trimmed, inner whitespace
 * collapsed to one space. NFC, not NFKC: names that merely look alike ("x²", "x2") stay apart.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Damerau-Levenshtein distance (optimal string alignment variant). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  let previous2 = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, previous2[j - 2]! + 1);
      current[j] = best;
    }
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length]!;
}

/**
 * The closest of `candidates` to `input`, when it is close enough: distance at most
 * max(2, 30% of the input's length). Ties go to the earliest candidate. Never a candidate with the
 * same key as the input: that one is not a suggestion ("Did you mean" the very thing typed) but a
 * match, which the caller resolves (or reports as ambiguous) before asking for one.
 */
export function closestName(input: string, candidates: readonly string[]): string | null {
  const needle = normalizeName(input);
  const limit = Math.max(2, Math.floor(needle.length * 0.3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, normalizeName(candidate));
    if (distance === 0) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}
