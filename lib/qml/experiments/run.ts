/**
 * Runs one experiment cell: parse and check the spec, build the circuit model, then train, fit,
 * scan, minimise or study a plateau, reporting progress as it goes. Deterministic for a given seed.
 */
import { assertNever } from "@/lib/quantum/ir";

import { resolveObservable } from "./hamiltonian";
import { runKernel } from "./kernel";
import { runMinimise } from "./minimise";
import { CircuitModel } from "./model";
import { runPlateau } from "./plateau";
import type { ExperimentProgress, ExperimentResult } from "./result";
import { runScan } from "./scan";
import { ExperimentFieldError } from "./field-error";
import {
  ExperimentSpecError,
  LIMITS,
  measurementOf,
  parseExperiment,
  specLocation,
  type ExperimentSpec,
} from "./spec";
import { Tracker } from "./tracker";
import { runTrain } from "./train";

export interface RunExperimentOptions {
  /** Overrides the spec's seed (the page's seed box; a check's fixed seed). */
  readonly seed?: number;
  readonly onProgress?: (progress: ExperimentProgress) => void;
  readonly maxEvaluations?: number;
  /** The clock that times the run and throttles progress (a test's steps, not the wall's). */
  readonly now?: () => number;
}

export function runExperiment(text: string, options: RunExperimentOptions = {}): ExperimentResult {
  try {
    return run(text, options);
  } catch (error) {
    if (error instanceof ExperimentFieldError) {
      const { line, column } = specLocation(text, error.path);
      throw new ExperimentSpecError(error.message, line, column);
    }
    throw error;
  }
}

function run(text: string, options: RunExperimentOptions): ExperimentResult {
  const parsed = parseExperiment(text);
  const spec: ExperimentSpec =
    options.seed === undefined ? parsed.spec : { ...parsed.spec, seed: options.seed };
  const tracker = new Tracker({
    maxEvaluations: options.maxEvaluations ?? LIMITS.maxEvaluations,
    onProgress: options.onProgress,
    now: options.now,
  });
  const model = new CircuitModel(
    parsed.circuit,
    { ...measurementOf(spec), seed: spec.seed },
    tracker,
  );
  const body = (() => {
    switch (spec.experiment) {
      case "train":
        return runTrain(spec, model, tracker);
      case "kernel":
        return runKernel(spec, model, tracker);
      case "scan":
        return runScan(spec, model, resolveObservable(spec, model).observable, tracker);
      case "minimise":
        return runMinimise(spec, model, tracker);
      case "plateau":
        return runPlateau(spec, model, tracker);
      default:
        return assertNever(spec, "experiment");
    }
  })();
  return { ...body, seed: spec.seed, elapsedMs: tracker.elapsedMs() };
}
