/**
 * Parameter-shift gradients: each angle α of each gate occurrence is shifted on its own (not
 * the input, which several gates may share), the circuit re-run, and the chain rule applied.
 * The rule depends on the spectrum of the angle's generator on the whole gate, controls
 * included (see gate-derivatives.ts):
 * - eigenvalues ±1/2, or a projector (0, 1): ∂⟨H⟩/∂α = [⟨H⟩(α + π/2) − ⟨H⟩(α − π/2)] / 2;
 * - a controlled rotation (eigenvalues 0, ±1/2): the four-term rule
 *   ∂⟨H⟩/∂α = c₊[⟨H⟩(α + π/2) − ⟨H⟩(α − π/2)] − c₋[⟨H⟩(α + 3π/2) − ⟨H⟩(α − 3π/2)],
 *   c± = (√2 ± 1)/(4√2) (Anselmetti et al. 2021).
 * Both rules are exact on exact expectation values and unbiased on sampled ones, so this
 * method works with `shots` (each shifted value estimated from samples).
 */
import type { PauliSum } from "../observables";
import type { Rng } from "../sample";
import { chainRule } from "./chain-rule";
import type { Evaluator } from "./evaluator";
import { sampledExpectation } from "./shots";

const C_PLUS = (Math.SQRT2 + 1) / (4 * Math.SQRT2);
const C_MINUS = (Math.SQRT2 - 1) / (4 * Math.SQRT2);
const TWO_TERM: readonly (readonly [number, number])[] = [
  [Math.PI / 2, 0.5],
  [-Math.PI / 2, -0.5],
];
const FOUR_TERM: readonly (readonly [number, number])[] = [
  [Math.PI / 2, C_PLUS],
  [-Math.PI / 2, -C_PLUS],
  [(3 * Math.PI) / 2, -C_MINUS],
  [(-3 * Math.PI) / 2, C_MINUS],
];

export interface Sampling {
  readonly shots: number;
  readonly rng: Rng;
}

/** Writes ⟨H_m⟩ into `values[m]` and ∂⟨H_m⟩/∂θ_j into `gradients[m][j]`. */
export function shiftGradient(
  ev: Evaluator,
  inputs: Float64Array,
  observables: readonly PauliSum[],
  values: Float64Array,
  gradients: readonly Float64Array[],
  sampling?: Sampling,
): void {
  const tape = ev.tape;
  const count = observables.length;
  const measured = new Float64Array(count);
  const measure = (out: Float64Array): void => {
    if (sampling === undefined) {
      ev.measure(observables, out);
      return;
    }
    const work = ev.buffer(0);
    for (let m = 0; m < count; m++) {
      out[m] = sampledExpectation(ev.state, observables[m], sampling.shots, sampling.rng, work);
    }
  };
  ev.run(inputs);
  measure(values);
  const slotCount = tape.slots.length;
  const byAngle = new Float64Array(count * slotCount);
  tape.slots.forEach((slot, s) => {
    if (slot.rule === "zero") return;
    const base = tape.gates[slot.gate].values[slot.param];
    for (const [shift, coeff] of slot.rule === "two-term" ? TWO_TERM : FOUR_TERM) {
      ev.shiftGate(slot.gate, slot.param, base + shift);
      ev.rerun();
      measure(measured);
      for (let m = 0; m < count; m++) byAngle[m * slotCount + s] += coeff * measured[m];
    }
    ev.shiftGate(slot.gate, slot.param, base);
  });
  chainRule(tape, inputs, byAngle, gradients);
}
