/**
 * The one step-wise interface every optimiser speaks. A step is the unit the experiment runner
 * streams and may stop between (cancellation, evaluation budget), so an optimiser keeps its own
 * state (momenta, simplex, iteration count) and never loops on its own.
 *
 * Evaluations are counted per step because each one is a batch of circuits on the simulator: the
 * page shows circuits run, and budgets are expressed in them.
 */

/** Indices of the training samples a step should use; undefined means all of them. */
export type Batch = readonly number[] | undefined;

export interface ValueAndGradient {
  readonly value: number;
  readonly gradient: readonly number[];
}

/**
 * What is minimised. `batch` is passed through untouched: choosing minibatches is the caller's
 * job, the optimiser only guarantees that every evaluation inside one step uses the same batch.
 */
export interface Problem {
  value(x: readonly number[], batch?: Batch): number;
  /** Required by the gradient kinds (gd, momentum, adam). */
  valueAndGradient?(x: readonly number[], batch?: Batch): ValueAndGradient;
}

export type OptimizerSpec =
  | { readonly kind: "gd"; readonly stepSize: number }
  | {
      readonly kind: "momentum";
      readonly stepSize: number;
      readonly momentum: number;
      readonly nesterov?: boolean;
    }
  /** The same as `momentum` with `nesterov: true` (the experiment spec names it this way). */
  | { readonly kind: "nesterov"; readonly stepSize: number; readonly momentum: number }
  | {
      readonly kind: "adam";
      readonly stepSize: number;
      readonly beta1?: number;
      readonly beta2?: number;
      readonly epsilon?: number;
    }
  | {
      readonly kind: "spsa";
      readonly a: number;
      readonly c: number;
      readonly alpha?: number;
      readonly gamma?: number;
      readonly A?: number;
    }
  | { readonly kind: "nelder-mead"; readonly initialStep?: number; readonly tolerance?: number };

export type OptimizerKind = OptimizerSpec["kind"];

/** Function and gradient evaluations made by one step (or, in a history, so far). */
export interface Evaluations {
  readonly values: number;
  readonly gradients: number;
}

/**
 * Which point `value` belongs to, since no kind can report the value at its new iterate without
 * paying for one more evaluation:
 * - "start": the step's input x (gradient kinds evaluate there to get the gradient);
 * - "estimate": the mean of SPSA's two perturbed values, an O(c_k²)-biased estimate at the input;
 * - "best": the best simplex vertex after the step, which is the returned x (Nelder–Mead).
 */
export type ValueAt = "start" | "estimate" | "best";

export interface StepResult {
  /** The new iterate. */
  readonly x: number[];
  readonly value: number;
  readonly valueAt: ValueAt;
  /** Norm of the gradient (gradient kinds) or of SPSA's gradient estimate. */
  readonly gradientNorm?: number;
  readonly evaluations: Evaluations;
  /** Set by kinds with their own stopping test (Nelder–Mead's simplex tolerance). */
  readonly converged?: boolean;
}

export interface Optimizer {
  readonly kind: OptimizerKind;
  /**
   * True when values from different minibatches must not be mixed: a direct search compares
   * values across steps, so it needs the same (full) objective every time.
   */
  readonly requiresFullBatch: boolean;
  step(problem: Problem, x: readonly number[], batch?: Batch): StepResult;
}

export interface OptimizerOptions {
  /** Seeds the kinds that draw random numbers (SPSA's perturbations); the rest ignore it. */
  readonly seed?: number;
}
