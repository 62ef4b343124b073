/**
 * Expectation values estimated from measurement samples, as hardware would give them: each
 * Pauli term is measured in its own basis (H before measuring X, S†·H before Y) with `shots`
 * samples, and the term's value is the mean parity of the measured bits on its qubits.
 */
import type { PauliSum } from "../observables";
import type { Rng } from "../sample";
import { sampleCounts } from "../sample";
import { planGate, runPlan, type Plan, type StateVector } from "../statevector";

const loc = { line: 1, column: 1 };

function basisChange(n: number, pauli: "X" | "Y", qubit: number): Plan[] {
  const gate = (name: string): Plan =>
    planGate(n, {
      kind: "gate",
      name,
      params: [],
      qubits: [qubit],
      controls: [],
      controlStates: [],
      loc,
    });
  return pauli === "X" ? [gate("h")] : [gate("sdg"), gate("h")];
}

/** Estimates ⟨H⟩ on `state` with `shots` samples per term; `work` is a scratch state. */
export function sampledExpectation(
  state: StateVector,
  sum: PauliSum,
  shots: number,
  rng: Rng,
  work: StateVector,
): number {
  let total = 0;
  for (const term of sum.terms) {
    if (term.factors.length === 0) {
      total += term.coeff;
      continue;
    }
    work.copyFrom(state);
    let mask = 0;
    for (const f of term.factors) {
      mask |= 1 << f.qubit;
      if (f.pauli !== "Z") {
        for (const plan of basisChange(state.numQubits, f.pauli, f.qubit)) runPlan(work, plan);
      }
    }
    let even = 0;
    for (const [index, hits] of sampleCounts(work, shots, rng)) {
      if (parityOf(index & mask) === 0) even += hits;
    }
    total += (term.coeff * (2 * even - shots)) / shots;
  }
  return total;
}

function parityOf(v: number): number {
  let p = 0;
  while (v !== 0) {
    p ^= 1;
    v &= v - 1;
  }
  return p;
}
