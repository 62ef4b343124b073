/**
 * Grading one attempt at a circuit exercise (or a quiz's circuit question): compile the
 * learner's code, run the check its kind names, measure the constraints, and explain the result.
 *
 * Never throws because of the learner's code: a compile error, a limit or an unsupported
 * construct is a failed attempt with the engine's message. It does throw CheckDefinitionError
 * when the exercise's own data is broken (a reference that does not compile, an invalid
 * observable): that is a content bug for the caller to log, not the learner's fault.
 */
import { QuantumError } from "@/lib/quantum/errors";
import { assertNever } from "@/lib/quantum/ir";

import { checkDistribution } from "./check-distribution";
import { checkExpectation } from "./check-expectation";
import { checkState } from "./check-state";
import { checkUnitary } from "./check-unitary";
import { failedConstraints } from "./constraints";
import { EQUIVALENCE, type CheckOutcome, type ExerciseFeedback } from "./feedback";
import {
  compileLearner,
  plural,
  withGradingLimits,
  type GradeOptions,
  type Program,
} from "./programs";
import type { Check, Constraints } from "./schemas";

/** What grading needs: an exercise, or a quiz's circuit question. */
export interface Gradable {
  readonly check: Check;
  readonly constraints?: Constraints;
}

export type { GradeOptions };

function thresholdOf(check: Check): number {
  switch (check.kind) {
    case "state":
    case "unitary":
      return check.minFidelity;
    case "distribution":
      return check.maxDistance;
    case "expectation":
      return check.tolerance;
    default:
      return assertNever(check, "check");
  }
}

function runCheck(check: Check, learner: Program, options: GradeOptions): CheckOutcome {
  switch (check.kind) {
    case "state":
      return checkState(check, learner, options);
    case "unitary":
      return checkUnitary(check, learner, options);
    case "distribution":
      return checkDistribution(check, learner, options);
    case "expectation":
      return checkExpectation(check, learner, options);
    default:
      return assertNever(check, "check");
  }
}

/** An engine message as the end of a sentence: ends with one full stop unless it has a "?" or "!". */
function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function gradeExercise(
  exercise: Gradable,
  learnerSource: string,
  callerOptions: GradeOptions = {},
): ExerciseFeedback {
  const { check } = exercise;
  const options = withGradingLimits(callerOptions);
  const base = {
    kind: check.kind,
    equivalence: EQUIVALENCE[check.kind],
    threshold: thresholdOf(check),
  };
  const compiled = compileLearner(learnerSource, options);
  if (!compiled.ok) {
    const { line, column, message } = compiled.error;
    const where = line === undefined ? "" : ` (line ${line}, column ${column})`;
    return {
      ...base,
      passed: false,
      failedConstraints: [],
      message: `Your code does not compile${where}: ${sentence(message)}`,
      compileError: compiled.error,
    };
  }

  const failed = failedConstraints(compiled.program.circuit, exercise.constraints);
  let outcome: CheckOutcome;
  try {
    outcome = runCheck(check, compiled.program, options);
  } catch (error) {
    // Limits (deadline, size) and constructs the simulator refuses are about the learner's code.
    if (!(error instanceof QuantumError)) throw error;
    const where = error.loc ? ` (line ${error.loc.line})` : "";
    outcome = {
      passed: false,
      message: `Your circuit could not be checked${where}: ${sentence(error.message)}`,
      details: {},
    };
  }

  const passed = outcome.passed && failed.length === 0;
  let message = outcome.message;
  if (outcome.passed && failed.length > 0) {
    message = `${outcome.message.replace(/\.$/, "")}, but your circuit breaks ${plural(failed.length, "constraint")}: ${failed.join(" ")}`;
  }
  return { ...base, ...outcome.details, passed, failedConstraints: failed, message };
}
