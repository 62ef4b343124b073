/**
 * Comparing states and distributions, and laying the comparison out as rows for the feedback.
 * Pure numeric helpers; the sentences are written by the checks.
 */
import { basisLabel } from "@/lib/quantum/sample";
import { innerProduct, type StateVector } from "@/lib/quantum/statevector";

import type { Amplitude, Comparison } from "./feedback";

/** States of at most this many qubits are shown amplitude by amplitude (16 rows). */
export const MAX_AMPLITUDE_QUBITS = 4;
/** Probability tables keep at most this many rows, the largest probabilities first. */
export const MAX_ROWS = 64;

/** Values this small are shown as 0 (rounding noise such as 1e-17 or −0). */
const clean = (x: number): number => (Math.abs(x) < 1e-12 ? 0 : x);

/** ⟨target|learner⟩ as [re, im]. */
export function overlap(target: StateVector, learner: StateVector): Amplitude {
  return innerProduct(target, learner);
}

/** |⟨target|learner⟩|²: 1 for equal states up to global phase, whatever that phase is. */
export function stateFidelity(target: StateVector, learner: StateVector): number {
  const [re, im] = overlap(target, learner);
  return re * re + im * im;
}

/**
 * Amplitude rows for small states, the learner's state multiplied by the phase e^{-iφ} that
 * cancels the phase φ of ⟨target|learner⟩: a learner whose state differs only by a global phase
 * then sees the same numbers as the target, which is what "global phase ignored" means.
 */
export function amplitudeComparison(target: StateVector, learner: StateVector): Comparison {
  const [re, im] = overlap(target, learner);
  const size = Math.hypot(re, im);
  const [cr, ci] = size > 1e-9 ? [re / size, -im / size] : [1, 0];
  const rows = [];
  for (let k = 0; k < target.dim; k++) {
    const [lr, li] = learner.amplitude(k);
    const [tr, ti] = target.amplitude(k);
    rows.push({
      basis: basisLabel(k, target.numQubits),
      learner: [clean(lr * cr - li * ci), clean(lr * ci + li * cr)] as Amplitude,
      target: [clean(tr), clean(ti)] as Amplitude,
    });
  }
  return { values: "amplitudes", over: "qubits", rows, truncated: false };
}

/** Nonzero probabilities of a pure state, keyed q[n-1]…q[0]. */
export function stateProbabilities(state: StateVector): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < state.dim; k++) {
    const [re, im] = state.amplitude(k);
    const p = re * re + im * im;
    if (p > 1e-12) out.set(basisLabel(k, state.numQubits), p);
  }
  return out;
}

/** Amplitudes for small states, probabilities otherwise. */
export function stateComparison(target: StateVector, learner: StateVector): Comparison {
  if (target.numQubits <= MAX_AMPLITUDE_QUBITS && learner.numQubits === target.numQubits) {
    return amplitudeComparison(target, learner);
  }
  return probabilityComparison(stateProbabilities(learner), stateProbabilities(target), "qubits");
}

/**
 * Probability rows over the union of outcomes, sorted by bitstring; when there are more than
 * MAX_ROWS, the rows with the largest probability (learner's or target's) are kept.
 */
export function probabilityComparison(
  learner: ReadonlyMap<string, number>,
  target: ReadonlyMap<string, number> | null,
  over: "qubits" | "classical bits",
): Comparison {
  const keys = new Set([...learner.keys(), ...(target?.keys() ?? [])]);
  let rows = [...keys].map((basis) => ({
    basis,
    learner: clean(learner.get(basis) ?? 0),
    target: target === null ? null : clean(target.get(basis) ?? 0),
  }));
  const truncated = rows.length > MAX_ROWS;
  if (truncated) {
    rows = rows
      .sort((a, b) => Math.max(b.learner, b.target ?? 0) - Math.max(a.learner, a.target ?? 0))
      .slice(0, MAX_ROWS);
  }
  rows.sort((a, b) => (a.basis < b.basis ? -1 : a.basis > b.basis ? 1 : 0));
  return { values: "probabilities", over, rows, truncated };
}

/** Total variation distance ½ Σ |p(x) − q(x)| over the union of outcomes. */
export function totalVariation(
  p: ReadonlyMap<string, number>,
  q: ReadonlyMap<string, number>,
): number {
  let sum = 0;
  for (const key of new Set([...p.keys(), ...q.keys()])) {
    sum += Math.abs((p.get(key) ?? 0) - (q.get(key) ?? 0));
  }
  return sum / 2;
}
