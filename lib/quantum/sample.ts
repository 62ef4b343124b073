/**
 * Randomness and shots: a seeded PRNG, sampling basis states from a state vector, and counts in
 * Qiskit's bit order. Every random draw in the engine goes through an `Rng` made here from the
 * run's seed, so the same seed gives the same counts on every machine.
 */
import type { Register } from "./ir";
import type { StateVector } from "./statevector";

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
}

/** splitmix32 step: spreads a 32-bit seed over the state words. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman & Vigna): fast, 2^128 − 1 period, passes BigCrush; seeded by
 * splitmix32 from both 32-bit halves of the seed so nearby seeds give unrelated streams.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`a seed must be a non-negative safe integer, got ${seed}`);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  let s0 = splitmix32(lo);
  let s1 = splitmix32(s0 ^ hi);
  let s2 = splitmix32(s1 + 0x6a09e667);
  let s3 = splitmix32(s2 ^ 0xbb67ae85);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A fresh seed for runs that did not ask for one (reported in the result so it can be replayed). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

/**
 * Draws `shots` basis-state indices from |amplitude|²: each uniform goes to the first state
 * whose cumulative probability exceeds it. Returns index → number of shots, in index order.
 * Two ways to the same counts from the same draws: a binary search per shot when the state is
 * small beside the shots, else the uniforms are sorted and walked alongside the running
 * cumulative probability in one pass over the state (O(2^n + shots·log shots), no 2^n-sized
 * allocation).
 */
export function sampleCounts(state: StateVector, shots: number, rng: Rng): Map<number, number> {
  if (shots === 0) return new Map();
  const u = new Float64Array(shots);
  for (let s = 0; s < shots; s++) u[s] = rng.next();
  return state.dim <= shots ? searchCumulative(state, u) : walkSorted(state, u);
}

/** One way of sampleCounts (exported for the test that both ways agree). */
export function walkSorted(state: StateVector, u: Float64Array): Map<number, number> {
  const out = new Map<number, number>();
  const shots = u.length;
  u.sort();
  const a = state.amps;
  let cumulative = 0;
  let s = 0;
  let lastNonzero = 0;
  for (let k = 0; k < state.dim && s < shots; k++) {
    const p = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
    if (p === 0) continue;
    lastNonzero = k;
    cumulative += p;
    let hits = 0;
    while (s < shots && u[s] < cumulative) {
      hits++;
      s++;
    }
    if (hits > 0) out.set(k, hits);
  }
  // Rounding can leave the total a hair below 1: the last draws go to the last possible state.
  if (s < shots) out.set(lastNonzero, (out.get(lastNonzero) ?? 0) + (shots - s));
  return out;
}

/** The other way of sampleCounts. */
export function searchCumulative(state: StateVector, u: Float64Array): Map<number, number> {
  const dim = state.dim;
  const a = state.amps;
  // The same running sum as walkSorted, so each draw lands on the same state.
  const cumulative = new Float64Array(dim);
  let total = 0;
  let lastNonzero = 0;
  for (let k = 0; k < dim; k++) {
    const p = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
    if (p !== 0) {
      total += p;
      lastNonzero = k;
    }
    cumulative[k] = total;
  }
  const hits = new Uint32Array(dim);
  for (let s = 0; s < u.length; s++) {
    const x = u[s];
    if (!(x < total)) {
      hits[lastNonzero]++;
      continue;
    }
    // The first k with cumulative[k] > x; a state of probability 0 never is.
    let lo = 0;
    let hi = dim - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    hits[lo]++;
  }
  const out = new Map<number, number>();
  for (let k = 0; k < dim; k++) if (hits[k] > 0) out.set(k, hits[k]);
  return out;
}

/** One basis-state index drawn from |amplitude|². */
export function sampleIndex(state: StateVector, rng: Rng): number {
  const u = rng.next();
  const a = state.amps;
  let cumulative = 0;
  let lastNonzero = 0;
  for (let k = 0; k < state.dim; k++) {
    const p = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
    if (p === 0) continue;
    lastNonzero = k;
    cumulative += p;
    if (u < cumulative) return k;
  }
  return lastNonzero;
}

/**
 * Qiskit's `get_counts()` key for classical bits (`bits[i]` is clbit i): each register written
 * highest bit first, registers separated by one space, the last declared register first.
 */
export function countsKey(bits: Uint8Array, cregs: readonly Register[]): string {
  if (cregs.length === 0) {
    let s = "";
    for (let i = bits.length - 1; i >= 0; i--) s += bits[i] ? "1" : "0";
    return s;
  }
  const parts: string[] = [];
  for (let r = cregs.length - 1; r >= 0; r--) {
    const reg = cregs[r];
    let s = "";
    for (let i = reg.offset + reg.size - 1; i >= reg.offset; i--) s += bits[i] ? "1" : "0";
    parts.push(s);
  }
  return parts.join(" ");
}

/** Basis-state label q[n-1]…q[0], the key of `probabilities`. */
export function basisLabel(index: number, numQubits: number): string {
  return numQubits === 0 ? "" : index.toString(2).padStart(numQubits, "0");
}
