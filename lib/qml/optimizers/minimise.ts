/**
 * The driver: runs an optimiser step by step, reporting each step and asking between steps
 * whether to stop (cancellation, budget). It never runs more than `steps` steps, and it stops
 * early only for a reason it names in `stopReason`.
 */
import { evaluateValue } from "./checks";
import { createOptimizer } from "./create";
import type { Batch, Evaluations, OptimizerSpec, Problem, StepResult, ValueAt } from "./types";

export type StopReason = "steps" | "converged" | "stopped" | "budget";

export interface MinimiseProgress {
  /** 1-based index of the step just taken. */
  readonly step: number;
  /** The iterate after this step. */
  readonly x: readonly number[];
  readonly value: number;
  readonly valueAt: ValueAt;
  readonly gradientNorm?: number;
  /** Evaluations so far, this step included. */
  readonly evaluations: Evaluations;
}

export interface MinimiseOptions {
  readonly steps: number;
  readonly seed?: number;
  /** The batch for step `step` (1-based); undefined (or no function) means the full set. */
  readonly batch?: (step: number) => Batch;
  /** Stop once either total reaches its limit (checked between steps). */
  readonly maxEvaluations?: Partial<Evaluations>;
  readonly onStep?: (progress: MinimiseProgress) => void;
  /** Asked before every step with the steps and evaluations done so far; true stops the run. */
  readonly shouldStop?: (done: { steps: number; evaluations: Evaluations }) => boolean;
}

export interface MinimiseResult {
  readonly x: number[];
  /**
   * The full objective at `x`. Most kinds only know the value where their last step started, so
   * the driver evaluates it once more (counted in `evaluations`); Nelder–Mead already knows it.
   */
  readonly value: number;
  readonly history: readonly MinimiseProgress[];
  readonly evaluations: Evaluations;
  readonly stopReason: StopReason;
}

export function minimise(
  problem: Problem,
  spec: OptimizerSpec,
  x0: readonly number[],
  options: MinimiseOptions,
): MinimiseResult {
  const { steps, onStep, shouldStop, maxEvaluations = {} } = options;
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`steps must be a non-negative whole number, got ${steps}`);
  }
  const optimizer = createOptimizer(spec, { seed: options.seed });
  let x = [...x0];
  let totals: Evaluations = { values: 0, gradients: 0 };
  let last: StepResult | undefined;
  let stopReason: StopReason = "steps";
  const history: MinimiseProgress[] = [];

  for (let step = 1; step <= steps; step++) {
    if (shouldStop?.({ steps: step - 1, evaluations: totals })) {
      stopReason = "stopped";
      break;
    }
    if (overBudget(totals, maxEvaluations)) {
      stopReason = "budget";
      break;
    }
    last = optimizer.step(problem, x, options.batch?.(step));
    x = last.x;
    totals = add(totals, last.evaluations);
    const progress: MinimiseProgress = {
      step,
      x: [...x],
      value: last.value,
      valueAt: last.valueAt,
      ...(last.gradientNorm === undefined ? {} : { gradientNorm: last.gradientNorm }),
      evaluations: totals,
    };
    history.push(progress);
    onStep?.(progress);
    if (last.converged) {
      stopReason = "converged";
      break;
    }
  }

  let value: number;
  if (last?.valueAt === "best") {
    value = last.value;
  } else {
    value = evaluateValue(problem, x, undefined);
    totals = add(totals, { values: 1, gradients: 0 });
  }
  return { x, value, history, evaluations: totals, stopReason };
}

function add(a: Evaluations, b: Evaluations): Evaluations {
  return { values: a.values + b.values, gradients: a.gradients + b.gradients };
}

function overBudget(totals: Evaluations, limit: Partial<Evaluations>): boolean {
  return (
    (limit.values !== undefined && totals.values >= limit.values) ||
    (limit.gradients !== undefined && totals.gradients >= limit.gradients)
  );
}
