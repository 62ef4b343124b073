/**
 * `kind: unitary`: the learner's circuit as an operator against the reference's, up to global
 * phase. The grade is the process fidelity |Tr(U†V)|²/d², which is 1 exactly when V = e^{iα}U.
 * The feedback also runs both operators on concrete inputs — every computational basis state and
 * |+…+⟩ (which exposes wrong relative phases between basis inputs, e.g. Z against I) — and on a
 * failure shows the first input whose two outputs differ.
 */
import type { Matrix } from "@/lib/quantum/ir";
import { basisLabel } from "@/lib/quantum/sample";
import { circuitUnitary, MAX_UNITARY_QUBITS } from "@/lib/quantum/simulate";
import { StateVector } from "@/lib/quantum/statevector";

import { stateComparison, stateFidelity } from "./compare";
import {
  COMPARISON_SLACK,
  formatAgainst,
  type CheckOutcome,
  type Counterexample,
} from "./feedback";
import {
  CheckDefinitionError,
  compileReference,
  describeObstacle,
  plural,
  requireUnitaryReference,
  type GradeOptions,
  type Program,
} from "./programs";
import type { Check } from "./schemas";

export type UnitaryCheck = Extract<Check, { kind: "unitary" }>;

/** |Tr(U†V)|²/d² = |Σ_ij conj(U_ij) V_ij|²/d². */
export function processFidelity(u: Matrix, v: Matrix): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < u.re.length; i++) {
    re += u.re[i] * v.re[i] + u.im[i] * v.im[i];
    im += u.re[i] * v.im[i] - u.im[i] * v.re[i];
  }
  return (re * re + im * im) / (u.dim * u.dim);
}

/** M applied to input k (a column), or to |+…+⟩ when k is "plus". */
function output(m: Matrix, numQubits: number, k: number | "plus"): StateVector {
  const state = new StateVector(numQubits);
  const d = m.dim;
  for (let row = 0; row < d; row++) {
    if (k === "plus") {
      let re = 0;
      let im = 0;
      for (let col = 0; col < d; col++) {
        re += m.re[row * d + col];
        im += m.im[row * d + col];
      }
      state.amps[2 * row] = re / Math.sqrt(d);
      state.amps[2 * row + 1] = im / Math.sqrt(d);
    } else {
      state.amps[2 * row] = m.re[row * d + k];
      state.amps[2 * row + 1] = m.im[row * d + k];
    }
  }
  return state;
}

export function checkUnitary(
  check: UnitaryCheck,
  learner: Program,
  options: GradeOptions,
): CheckOutcome {
  const reference = compileReference(check.reference, options);
  requireUnitaryReference(reference, "unitary");
  const n = reference.circuit.numQubits;
  if (n > MAX_UNITARY_QUBITS) {
    throw new CheckDefinitionError(
      `a unitary check compares at most ${MAX_UNITARY_QUBITS} qubits; the reference has ${n}`,
    );
  }
  if (learner.circuit.numQubits !== n) {
    return {
      passed: false,
      message: `Your circuit has ${plural(learner.circuit.numQubits, "qubit")} but the target operation acts on ${plural(n, "qubit")}: declare exactly ${n} so the two can be compared.`,
      details: {},
    };
  }
  if (learner.shape.obstacle) {
    return {
      passed: false,
      message: `This exercise asks for a unitary operation, but ${describeObstacle(learner.shape.obstacle)}; measure only at the end, or not at all.`,
      details: {},
    };
  }
  const u = circuitUnitary(reference.circuit, { limits: options.limits });
  const v = circuitUnitary(learner.circuit, { limits: options.limits });
  const fidelity = processFidelity(u, v);
  const passed = fidelity >= check.minFidelity - COMPARISON_SLACK;

  const inputs: { label: string; k: number | "plus" }[] = [];
  for (let k = 0; k < u.dim; k++) inputs.push({ label: `|${basisLabel(k, n)}⟩`, k });
  inputs.push({ label: `|${"+".repeat(n)}⟩`, k: "plus" });
  const inputsTried = inputs.map((i) => i.label);
  const what = `all ${plural(u.dim, "computational basis input")} and ${inputs[u.dim].label}`;
  const shown = formatAgainst(fidelity, check.minFidelity);

  if (passed) {
    return {
      passed,
      message: `Your circuit implements the target operation up to a global phase (process fidelity ${shown} ≥ ${check.minFidelity}); its outputs agree on ${what}.`,
      details: { fidelity, inputsTried },
    };
  }
  const counterexample = firstDifference(u, v, n, inputs, check.minFidelity);
  const where =
    counterexample.input === inputs[u.dim].label
      ? `every basis input gives the right output up to a phase, but on ${counterexample.input} the outputs differ, so the relative phases between inputs are wrong`
      : `on input ${counterexample.input} your output differs from the target's`;
  return {
    passed,
    message: `Your circuit is not the target operation (process fidelity ${shown} < ${check.minFidelity}, global phase ignored): ${where}; both outputs are shown below.`,
    details: { fidelity, inputsTried, counterexample },
  };
}

/** The first input whose outputs differ beyond the threshold, else the worst one. */
function firstDifference(
  u: Matrix,
  v: Matrix,
  n: number,
  inputs: readonly { label: string; k: number | "plus" }[],
  minFidelity: number,
): Counterexample {
  let worst: { input: (typeof inputs)[number]; fidelity: number } | undefined;
  for (const input of inputs) {
    const fidelity = stateFidelity(output(u, n, input.k), output(v, n, input.k));
    if (!worst || fidelity < worst.fidelity) worst = { input, fidelity };
    if (fidelity < minFidelity) break;
  }
  const { input, fidelity } = worst!;
  return {
    input: input.label,
    fidelity,
    outputs: stateComparison(output(u, n, input.k), output(v, n, input.k)),
  };
}
