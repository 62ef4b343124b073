/**
 * `kind: expectation`: ⟨observable⟩ of the learner's final state against a target value, within
 * a tolerance (inclusive). Terminal measurements are dropped (the value is that of the state just
 * before them); with mid-circuit measurements the value is the exact average over the outcomes.
 */
import { QuantumError } from "@/lib/quantum/errors";
import { expectation, parsePauliSum, type PauliSum } from "@/lib/quantum/observables";

import { finalBranches, outcomeProbabilities } from "./branches";
import { probabilityComparison } from "./compare";
import { COMPARISON_SLACK, formatAgainst, type CheckOutcome } from "./feedback";
import { CheckDefinitionError, plural, type GradeOptions, type Program } from "./programs";
import type { Check } from "./schemas";

export type ExpectationCheck = Extract<Check, { kind: "expectation" }>;

export function parseObservable(text: string): PauliSum {
  try {
    return parsePauliSum(text);
  } catch (error) {
    if (error instanceof QuantumError) {
      throw new CheckDefinitionError(`the check's observable is invalid: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}

export function checkExpectation(
  check: ExpectationCheck,
  learner: Program,
  options: GradeOptions,
): CheckOutcome {
  const observable = parseObservable(check.observable);
  const needed =
    1 + Math.max(-1, ...observable.terms.flatMap((t) => t.factors.map((f) => f.qubit)));
  const { circuit, shape } = learner;
  if (circuit.numQubits < needed) {
    return {
      passed: false,
      message: `The observable ${check.observable} acts on qubits up to q[${needed - 1}], but your circuit has ${plural(circuit.numQubits, "qubit")}; declare at least ${needed}.`,
      details: {},
    };
  }
  const branches = finalBranches(circuit, shape, options.limits);
  let value = 0;
  for (const b of branches) value += b.probability * expectation(b.state, observable);
  const gap = Math.abs(value - check.target);
  const passed = gap <= check.tolerance + COMPARISON_SLACK;
  const shownValue = value.toFixed(4);
  const shownGap = formatAgainst(gap, check.tolerance);
  // Probabilities over qubits, for the learner to see which states produce the value.
  const learnerShape = { ...shape, measures: false };
  const comparison = probabilityComparison(
    outcomeProbabilities(circuit, learnerShape, branches),
    null,
    "qubits",
  );
  return {
    passed,
    message: passed
      ? `⟨${check.observable}⟩ of your final state is ${shownValue}, within ${check.tolerance} of the target ${check.target} (off by ${shownGap}).`
      : `⟨${check.observable}⟩ of your final state is ${shownValue}, but the target is ${check.target} ± ${check.tolerance} (off by ${shownGap}).`,
    details: { value, target: check.target, comparison },
  };
}
