import { gradeExercise } from "@/lib/grading/grade-exercise";
import { gradeQuiz } from "@/lib/grading/grade-quiz";
import { compile } from "@/lib/quantum/compile";
import { LimitError, QuantumError } from "@/lib/quantum/errors";
import { assertNever } from "@/lib/quantum/ir";
import { layoutCircuit } from "@/lib/quantum/layout";
import { simulate } from "@/lib/quantum/simulate";

import type {
  GradeJob,
  GradeOutcome,
  QuizJob,
  QuizOutcome,
  RunError,
  RunJob,
  RunOutcome,
  RunResult,
  WorkerJob,
} from "./job";

/** Above this many qubits the page gets probabilities, not the 2^n amplitudes (2^12 = 4096 rows). */
export const MAX_STATEVECTOR_QUBITS = 12;
/** At most this many outcome probabilities travel to the browser. */
export const MAX_PROBABILITIES = 1024;

/** Executes any job a worker receives. */
export function executeWorkerJob(job: WorkerJob): RunOutcome | GradeOutcome | QuizOutcome {
  switch (job.kind) {
    case "grade":
      return executeGrade(job);
    case "quiz":
      return executeQuiz(job);
    case "run":
    case undefined:
      return executeJob(job);
    default:
      return assertNever(job, "worker job");
  }
}

export function executeQuiz(job: QuizJob): QuizOutcome {
  try {
    return { ok: true, result: gradeQuiz(job.quiz, job.answers) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** Grades a learner's circuit; compile errors are part of the feedback, not failures. */
export function executeGrade(job: GradeJob): GradeOutcome {
  try {
    return { ok: true, feedback: gradeExercise(job.exercise, job.source) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/**
 * Compiles and simulates one job. Runs inside a worker thread, never on the web process's
 * request thread. Bad programs and exceeded limits come back as values, not exceptions.
 */
export function executeJob(job: RunJob): RunOutcome {
  try {
    const circuit = compile(job.source, { params: { ...job.params }, limits: job.limits });
    const result = simulate(circuit, { shots: job.shots, seed: job.seed, limits: job.limits });
    return {
      ok: true,
      result: capForBrowser({
        ...result,
        layout: layoutCircuit(circuit),
        inputs: circuit.inputs,
        truncated: [],
      }),
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export function describeError(error: unknown): RunError {
  if (error instanceof LimitError) {
    return {
      code: "limit",
      message: error.message,
      limit: error.limit,
      line: error.loc?.line,
      column: error.loc?.column,
    };
  }
  if (error instanceof QuantumError) {
    if (error.code === "limit") return { code: "limit", message: error.message };
    return {
      code: "code",
      message: error.message,
      line: error.loc?.line,
      column: error.loc?.column,
    };
  }
  console.error("simulation failed unexpectedly", error);
  return {
    code: "internal",
    message: "The simulator failed unexpectedly. The problem has been logged.",
  };
}

/** Keeps a result small enough to send: the page never needs 2^20 rows at once. */
export function capForBrowser(result: RunResult): RunResult {
  const truncated: string[] = [...result.truncated];
  let { statevector, probabilities } = result;
  if (statevector && result.numQubits > MAX_STATEVECTOR_QUBITS) {
    statevector = null;
    truncated.push(
      `The state vector has ${2 ** result.numQubits} amplitudes; it is shown only up to ${MAX_STATEVECTOR_QUBITS} qubits. Probabilities and counts are complete below that cap.`,
    );
  }
  const outcomes = Object.entries(probabilities);
  if (outcomes.length > MAX_PROBABILITIES) {
    outcomes.sort((a, b) => b[1] - a[1]);
    probabilities = Object.fromEntries(outcomes.slice(0, MAX_PROBABILITIES));
    truncated.push(
      `Only the ${MAX_PROBABILITIES} most likely of ${outcomes.length} outcomes are listed.`,
    );
  }
  return { ...result, statevector, probabilities, truncated };
}
