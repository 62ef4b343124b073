/**
 * "Did you mean ...?" for unknown names: the closest candidate by edit distance, compared without
 * case (so `H` finds `h`), plus the names other toolkits use for the same gate (`cnot` → `cx`).
 */

const ALIASES: ReadonlyMap<string, string> = new Map([
  ["cnot", "cx"],
  ["toffoli", "ccx"],
  ["fredkin", "cswap"],
  ["hadamard", "h"],
  ["not", "x"],
  ["i", "id"],
  ["iden", "id"],
  ["sdag", "sdg"],
  ["tdag", "tdg"],
  ["sxdag", "sxdg"],
  ["cphase", "cp"],
]);

/**
 * Names longer than this get no suggestion: typos happen in names a person types, and comparing
 * two names costs the product of their lengths (two 30 000-character names would take seconds).
 */
export const MAX_SUGGESTED_LENGTH = 64;

/** Levenshtein distance with an early exit once every entry of a row exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > max) return best;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate `name` most likely meant, or undefined when nothing is close. Ties go to the
 * candidate listed first, so callers list the most common names first.
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = name.toLowerCase();
  const alias = ALIASES.get(lower);
  if (alias !== undefined && list.includes(alias)) return alias;
  if (name.length > MAX_SUGGESTED_LENGTH) return undefined;
  const threshold = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = threshold + 1;
  for (const candidate of list) {
    if (candidate === name) continue;
    // The distance is at least the difference in length.
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "; did you mean `x`?" or "" — ready to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hit = suggest(name, candidates);
  return hit === undefined ? "" : `; did you mean \`${hit}\`?`;
}
