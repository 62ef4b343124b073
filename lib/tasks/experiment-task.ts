/**
 * The "experiment" task: one experiment cell run in a worker, its progress streamed back. Every
 * mistake in the learner's cell comes back located in the cell (spec lines above `---`, circuit
 * lines below), never as a crash.
 */
import { ExperimentSpecError, splitExperiment } from "@/lib/qml/experiments/spec";
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
  try {
    const result = runExperiment(input.source, {
      seed: input.seed,
      onProgress: (progress) => context.progress(progress),
    });
    return { ok: true, value: result };
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
      const offset = splitExperiment(input.source).circuitLine - 1;
      const described = describeError(error);
      return { ok: false, error: { ...described, line: error.loc.line + offset } };
    }
    return { ok: false, error: describeError(error) };
  }
}
