/**
 * The reference solution's run of an experiment exercise, for the curves shown beside the
 * learner's. It depends only on the exercise (the reference text, the fixed fields, the seed), so
 * each process runs it once and keeps it: per process by design (each worker of the pool warms
 * its own), never shared state. Bounded, oldest first out, so edited content cannot grow it.
 */
import type { ExperimentResult } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";

import { CheckDefinitionError } from "./programs";

const MAX_ENTRIES = 32;
const runs = new Map<string, ExperimentResult>();

/** Runs `text` with `seed` (once per process); a failure is the exercise's bug, not the learner's. */
export function referenceRun(text: string, seed: number): ExperimentResult {
  const key = `${seed}\n${text}`;
  const cached = runs.get(key);
  if (cached) return cached;
  let result: ExperimentResult;
  try {
    result = runExperiment(text, { seed });
  } catch (error) {
    throw new CheckDefinitionError(
      `the check's reference solution does not run: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (runs.size >= MAX_ENTRIES) runs.delete(runs.keys().next().value!);
  runs.set(key, result);
  return result;
}

/** How many reference runs this process keeps (for tests). */
export function cachedReferenceRuns(): number {
  return runs.size;
}
