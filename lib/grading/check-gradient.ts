/**
 * `kind: gradient`: the exact derivative ∂⟨observable⟩/∂input of the learner's circuit at the
 * check's input values, by adjoint differentiation (lib/quantum/diff), against an expected value
 * within a tolerance (inclusive). For an experiment cell the circuit is the part below `---`.
 *
 * Every input the circuit declares needs a value from the check: an input the check does not
 * know would make the derivative depend on a value nobody chose, so it is named in the feedback
 * rather than silently set to zero.
 */
import { gradient, type ParametricCircuit } from "@/lib/quantum/diff";
import { QuantumError } from "@/lib/quantum/errors";

import { parseObservable } from "./check-expectation";
import { COMPARISON_SLACK, formatAgainst, type CheckOutcome } from "./feedback";
import { plural } from "./programs";
import type { GradientCheck } from "./schemas";

const failed = (message: string): CheckOutcome => ({ passed: false, message, details: {} });

const describeAt = (at: Readonly<Record<string, number>>) =>
  Object.entries(at)
    .map(([name, value]) => `${name} = ${value}`)
    .join(", ");

/** `circuitOffset`: lines of the cell above the circuit (an experiment's spec and `---`). */
export function checkGradient(
  check: GradientCheck,
  circuit: ParametricCircuit,
  circuitOffset: number,
): CheckOutcome {
  const observable = parseObservable(check.observable);
  const names = circuit.parameters;
  if (!names.includes(check.input)) {
    return failed(
      `Your circuit declares no \`input float ${check.input};\`: the check differentiates by it.`,
    );
  }
  const unknown = names.filter((name) => !(name in check.at));
  if (unknown.length > 0) {
    return failed(
      `The check evaluates your circuit at ${describeAt(check.at)}, but it also declares ${plural(unknown.length, "input")} with no value there (${unknown.join(", ")}): make ${unknown.length === 1 ? "it a constant" : "them constants"} or remove ${unknown.length === 1 ? "it" : "them"}.`,
    );
  }
  const needed =
    1 + Math.max(-1, ...observable.terms.flatMap((t) => t.factors.map((f) => f.qubit)));
  if (circuit.numQubits < needed) {
    return failed(
      `The check measures ${observable.text} on ${plural(needed, "qubit")}, but your circuit has ${circuit.numQubits}.`,
    );
  }
  const values = Object.fromEntries(names.map((name) => [name, check.at[name]]));
  let derivative: number;
  try {
    const result = gradient(circuit, values, [observable], { method: "adjoint" });
    derivative = result.gradients[0][names.indexOf(check.input)];
  } catch (error) {
    if (!(error instanceof QuantumError)) throw error;
    const line = error.loc ? ` (line ${error.loc.line + circuitOffset})` : "";
    return failed(`Your circuit could not be differentiated${line}: ${error.message}`);
  }
  const distance = Math.abs(derivative - check.expected);
  const passed = distance <= check.tolerance + COMPARISON_SLACK;
  const shown = formatAgainst(derivative, check.expected);
  const what = `∂⟨${observable.text}⟩/∂${check.input} at ${describeAt(values)}`;
  return {
    passed,
    message:
      `${what} is ${shown} for your circuit; the expected value is ${check.expected} ± ${check.tolerance}` +
      (passed ? "." : ` — ${formatAgainst(distance, check.tolerance)} away.`),
    details: { value: derivative, target: check.expected },
  };
}
