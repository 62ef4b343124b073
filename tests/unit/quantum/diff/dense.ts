/**
 * Expectation values and their gradients from the independent dense reference
 * (tests/support/dense-reference.ts): every op a full Kronecker-product unitary, every Pauli
 * term a full matrix, gradients by central differences of whole recompiled circuits.
 */
import { compile } from "@/lib/quantum/compile";
import type { Circuit } from "@/lib/quantum/ir";
import { parsePauliSum } from "@/lib/quantum/observables";
import {
  eye,
  matmul,
  matVec,
  place,
  referenceState,
  textbookGate,
  type RVec,
} from "@/tests/support/dense-reference";

function pauliExpectation(state: RVec, text: string, n: number): number {
  let total = 0;
  for (const term of parsePauliSum(text).terms) {
    let m = eye(1 << n);
    for (const f of term.factors) {
      m = matmul(place(textbookGate(f.pauli.toLowerCase(), []), [f.qubit], n), m);
    }
    const v = matVec(m, state);
    let re = 0;
    for (let k = 0; k < v.re.length; k++) re += state.re[k] * v.re[k] + state.im[k] * v.im[k];
    total += term.coeff * re;
  }
  return total;
}

export function denseExpectations(circuit: Circuit, observables: readonly string[]): number[] {
  const state = referenceState(circuit);
  return observables.map((o) => pauliExpectation(state, o, circuit.numQubits));
}

/** gradients[m][j] by central differences with step h on input j (names in `inputs` order). */
export function denseGradients(
  source: string,
  inputs: readonly string[],
  values: readonly number[],
  observables: readonly string[],
  h = 1e-6,
): number[][] {
  const at = (x: readonly number[]) =>
    denseExpectations(
      compile(source, { params: Object.fromEntries(inputs.map((name, i) => [name, x[i]])) }),
      observables,
    );
  const out = observables.map(() => new Array<number>(inputs.length).fill(0));
  inputs.forEach((_, j) => {
    const plus = at(values.map((v, i) => (i === j ? v + h : v)));
    const minus = at(values.map((v, i) => (i === j ? v - h : v)));
    observables.forEach((_, m) => (out[m][j] = (plus[m] - minus[m]) / (2 * h)));
  });
  return out;
}
