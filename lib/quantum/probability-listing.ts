/**
 * The probabilities a result lists: those above a floor, keyed q[n-1]…q[0], capped so the JSON
 * stays a few megabytes.
 */
import { basisLabel } from "./sample";
import { StateVector } from "./statevector";

/** Results list at most this many amplitudes/probabilities (2^16), so JSON stays a few MB. */
export const MAX_LISTED = 1 << 16;
const PROBABILITY_FLOOR = 1e-12;

export /** Probabilities above the floor, keyed q[n-1]…q[0]; at most MAX_LISTED, the largest kept. */
function listProbabilities(
  probs: Float64Array | StateVector,
  numQubits: number,
): { list: Record<string, number>; truncated: boolean } {
  const p = (k: number): number =>
    probs instanceof StateVector ? probs.amps[2 * k] ** 2 + probs.amps[2 * k + 1] ** 2 : probs[k];
  const dim = 2 ** numQubits;
  let count = 0;
  for (let k = 0; k < dim; k++) if (p(k) > PROBABILITY_FLOOR) count++;
  const truncated = count > MAX_LISTED;
  // When too many: histogram by quarter-octave of probability, keep whole buckets from the
  // top, then fill up from the first bucket that does not fit, in index order (ties happen:
  // H on every qubit makes all probabilities equal).
  const bucket = (x: number): number => Math.min(199, Math.floor(-4 * Math.log2(x)));
  let cut = 200;
  let room = Infinity;
  if (truncated) {
    const buckets = new Float64Array(200);
    for (let k = 0; k < dim; k++) if (p(k) > PROBABILITY_FLOOR) buckets[bucket(p(k))]++;
    let kept = 0;
    cut = 0;
    while (cut < 200 && kept + buckets[cut] <= MAX_LISTED) kept += buckets[cut++];
    room = MAX_LISTED - kept;
  }
  const list: Record<string, number> = {};
  for (let k = 0; k < dim; k++) {
    const v = p(k);
    if (!(v > PROBABILITY_FLOOR)) continue;
    if (truncated) {
      const b = bucket(v);
      if (b > cut || (b === cut && room-- <= 0)) continue;
    }
    list[basisLabel(k, numQubits)] = v;
  }
  return { list, truncated };
}
