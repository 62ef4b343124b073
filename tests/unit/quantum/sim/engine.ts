/** Glue between the engine's StateVector and the reference's split vectors, for tests. */
import type { Circuit } from "@/lib/quantum/ir";
import { finalState } from "@/lib/quantum/simulate";
import { StateVector } from "@/lib/quantum/statevector";
import { referenceState, type RVec } from "@/tests/support/dense-reference";

export function toVec(s: StateVector): RVec {
  const re = new Float64Array(s.dim);
  const im = new Float64Array(s.dim);
  for (let k = 0; k < s.dim; k++) [re[k], im[k]] = s.amplitude(k);
  return { re, im };
}

export function fromVec(n: number, v: RVec): StateVector {
  const s = new StateVector(n);
  for (let k = 0; k < v.re.length; k++) {
    s.amps[2 * k] = v.re[k];
    s.amps[2 * k + 1] = v.im[k];
  }
  return s;
}

/** One interface over both simulators, so a shared suite can run against each. */
export interface Engine {
  readonly name: string;
  state(circuit: Circuit): RVec;
}

export const ENGINES: readonly Engine[] = [
  { name: "state-vector engine", state: (c) => toVec(finalState(c)) },
  { name: "state-vector engine, no fusion", state: (c) => toVec(finalState(c, { fusion: false })) },
  { name: "dense reference", state: (c) => referenceState(c) },
];

export function probabilitiesOf(v: RVec): number[] {
  return Array.from(v.re, (r, k) => r * r + v.im[k] * v.im[k]);
}
