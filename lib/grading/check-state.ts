/**
 * `kind: state`: the learner's final state against the reference's, up to global phase.
 * Fidelity |⟨ψ|φ⟩|² is 1 exactly when the states differ at most by a global phase e^{iα}, which
 * no measurement can see, so `gphase`, Z·X·Z·X, extra identities and other decompositions of the
 * same preparation all pass. Terminal measurements are dropped; anything that makes the state
 * depend on measurement outcomes is refused with the line that does it.
 */
import { finalState } from "@/lib/quantum/simulate";

import { stateComparison, stateFidelity } from "./compare";
import { COMPARISON_SLACK, formatAgainst, type CheckOutcome } from "./feedback";
import {
  compileReference,
  describeObstacle,
  plural,
  requireUnitaryReference,
  type GradeOptions,
  type Program,
} from "./programs";
import type { Check } from "./schemas";

export type StateCheck = Extract<Check, { kind: "state" }>;

export function checkState(
  check: StateCheck,
  learner: Program,
  options: GradeOptions,
): CheckOutcome {
  const reference = compileReference(check.reference, options);
  requireUnitaryReference(reference, "state");
  const n = reference.circuit.numQubits;
  if (learner.circuit.numQubits !== n) {
    return {
      passed: false,
      message: `Your circuit has ${plural(learner.circuit.numQubits, "qubit")} but the target state is on ${plural(n, "qubit")}: declare exactly ${n} so the states can be compared.`,
      details: {},
    };
  }
  if (learner.shape.obstacle) {
    return {
      passed: false,
      message: `This exercise wants a unitary preparation of a state, but ${describeObstacle(learner.shape.obstacle)}; measure only at the end, or not at all.`,
      details: {},
    };
  }
  const target = finalState(reference.circuit, { limits: options.limits });
  const state = finalState(learner.circuit, { limits: options.limits });
  const fidelity = stateFidelity(target, state);
  const passed = fidelity >= check.minFidelity - COMPARISON_SLACK;
  const shown = formatAgainst(fidelity, check.minFidelity);
  return {
    passed,
    message: passed
      ? `Your state matches the target up to a global phase (fidelity ${shown} ≥ ${check.minFidelity}).`
      : `Your state is not the target state (fidelity ${shown} < ${check.minFidelity}, global phase ignored); compare the two side by side below.`,
    details: { fidelity, comparison: stateComparison(target, state) },
  };
}
