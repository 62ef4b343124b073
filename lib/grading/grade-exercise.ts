/**
 * Grading one attempt at an exercise (or a quiz's circuit question): compile the learner's
 * circuit, run the check its kind names, measure the constraints, and explain the result. An
 * experiment check (accuracy, energy, ratio) re-runs the learner's whole experiment cell; a
 * gradient check differentiates the circuit of either kind of cell.
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
import { checkExperiment } from "./check-experiment";
import { checkGradient } from "./check-gradient";
import { checkState } from "./check-state";
import { checkUnitary } from "./check-unitary";
import { failedConstraints } from "./constraints";
import { compileCellCircuit, type CellLanguage } from "./experiment-cell";
import {
  EQUIVALENCE,
  type CheckOutcome,
  type CompileErrorInfo,
  type ExerciseFeedback,
  sentence,
} from "./feedback";
import {
  compileLearner,
  plural,
  withGradingLimits,
  type GradeOptions,
  type Program,
} from "./programs";
import { CHECK_CELLS, type Check, type Constraints } from "./schemas";

/** What grading needs: an exercise, or a quiz's circuit question. */
export interface Gradable {
  readonly check: Check;
  readonly constraints?: Constraints;
  /** The exercise cell's language (default qasm); content validation matched it to the check. */
  readonly language?: CellLanguage;
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
    case "energy":
    case "gradient":
      return check.tolerance;
    case "accuracy":
      return check.minTestAccuracy;
    case "ratio":
      return check.minRatio;
    default:
      return assertNever(check, "check");
  }
}

/** The learner's circuit, compiled: the ordinary compiler for circuit checks, else symbolic. */
type Learner =
  | {
      readonly ok: true;
      readonly program: Program;
      readonly run: (options: GradeOptions) => CheckOutcome;
    }
  | { readonly ok: false; readonly error: CompileErrorInfo };

function prepare(exercise: Gradable, source: string, options: GradeOptions): Learner {
  const { check } = exercise;
  switch (check.kind) {
    case "state":
    case "unitary":
    case "distribution":
    case "expectation": {
      const compiled = compileLearner(source, options);
      if (!compiled.ok) return compiled;
      const { program } = compiled;
      const run = (o: GradeOptions) => {
        switch (check.kind) {
          case "state":
            return checkState(check, program, o);
          case "unitary":
            return checkUnitary(check, program, o);
          case "distribution":
            return checkDistribution(check, program, o);
          case "expectation":
            return checkExpectation(check, program, o);
        }
      };
      return { ok: true, program, run };
    }
    case "accuracy":
    case "energy":
    case "ratio":
    case "gradient": {
      const language =
        CHECK_CELLS[check.kind] === "experiment" ? "experiment" : (exercise.language ?? "qasm");
      const compiled = compileCellCircuit(source, language, options.limits);
      if (!compiled.ok) return compiled;
      const run = (o: GradeOptions) =>
        check.kind === "gradient"
          ? checkGradient(check, compiled.circuit, compiled.offset)
          : checkExperiment(check, source, o);
      return { ok: true, program: compiled.program, run };
    }
    default:
      return assertNever(check, "check");
  }
}

/** The sentence a graded attempt adds when the learner's circuit names noise. */
export function noiseIgnored(line: number): string {
  return `Your \`#pragma noise\` (line ${line}) is left out of the graded run: the check judges the ideal circuit exactly, without noise.`;
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
  const learner = prepare(exercise, learnerSource, options);
  if (!learner.ok) {
    const { line, column, message } = learner.error;
    const where = line === undefined ? "" : ` (line ${line}, column ${column})`;
    return {
      ...base,
      passed: false,
      failedConstraints: [],
      message: `Your code does not compile${where}: ${sentence(message)}`,
      compileError: learner.error,
    };
  }

  const failed = failedConstraints(learner.program.circuit, exercise.constraints);
  let outcome: CheckOutcome;
  try {
    outcome = learner.run(options);
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
  // Every circuit check compares exact states, unitaries or probabilities, so noise a learner
  // names can neither pass nor fail an attempt; the sentence says it was left out.
  const noise = learner.program.circuit.noise;
  if (noise) message = `${message} ${noiseIgnored(noise.loc.line)}`;
  return {
    ...base,
    ...outcome.details,
    passed,
    failedConstraints: failed,
    message,
    ...(outcome.compileError ? { compileError: outcome.compileError } : {}),
  };
}
