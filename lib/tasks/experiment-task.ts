/**
 * The "experiment" task: one experiment cell run in a worker, its progress streamed back. Every
 * mistake in the learner's cell comes back located in the cell (spec lines above `---`, circuit
 * lines below), never as a crash.
 */
import { ExperimentSpecError, splitExperiment } from "@/lib/qml/experiments/spec";
import { exportExperiment, type ExperimentExportFormat } from "@/lib/qml/export";
import type { ExperimentProgress, ExperimentResult } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";
import { ExperimentLimitError } from "@/lib/qml/experiments/tracker";
import { QuantumError } from "@/lib/quantum/errors";
import type { TaskContext } from "@/lib/runner/protocol";

import { describeError, type Outcome } from "./run-circuit";

export interface ExperimentInput {
  readonly source: string;
  readonly seed?: number;
}

export function experimentTask(
  input: ExperimentInput,
  context: TaskContext<ExperimentProgress>,
): Outcome<ExperimentResult> {
  return experimentOutcome(input.source, () =>
    runExperiment(input.source, {
      seed: input.seed,
      onProgress: (progress) => context.progress(progress),
    }),
  );
}

export interface ExperimentExportInput {
  readonly source: string;
  readonly format: ExperimentExportFormat;
  readonly seed?: number;
}

/** The cell as a runnable PennyLane or Qiskit Machine Learning script. */
export function experimentExportTask(input: ExperimentExportInput): Outcome<string> {
  return experimentOutcome(input.source, () =>
    exportExperiment(input.source, input.format, { seed: input.seed }),
  );
}

/** Runs work on an experiment cell, turning the learner's mistakes into located errors. */
export function experimentOutcome<T>(source: string, work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof ExperimentSpecError) {
      return {
        ok: false,
        error: { code: "code", message: error.message, line: error.line, column: error.column },
      };
    }
    if (error instanceof ExperimentLimitError) {
      return { ok: false, error: { code: "limit", limit: error.limit, message: error.message } };
    }
    if (error instanceof QuantumError && error.loc) {
      // The engine counts lines from the circuit's first line; the cell counts from its spec.
      const offset = splitExperiment(source).circuitLine - 1;
      const described = describeError(error);
      return { ok: false, error: { ...described, line: error.loc.line + offset } };
    }
    return { ok: false, error: describeError(error) };
  }
}
