/**
 * Builds an optimiser from its spec. The switch is exhaustive: a new kind in OptimizerSpec fails
 * to compile here until it is handled.
 */
import { adam, gradientDescent, momentumDescent } from "./first-order";
import { nelderMead } from "./nelder-mead";
import { spsa } from "./spsa";
import type { Optimizer, OptimizerOptions, OptimizerSpec } from "./types";

export function createOptimizer(spec: OptimizerSpec, options: OptimizerOptions = {}): Optimizer {
  switch (spec.kind) {
    case "gd":
      return gradientDescent(spec.stepSize);
    case "momentum":
      return momentumDescent(spec.stepSize, spec.momentum, spec.nesterov ?? false);
    case "nesterov":
      return momentumDescent(spec.stepSize, spec.momentum, true);
    case "adam":
      return adam(spec.stepSize, spec.beta1, spec.beta2, spec.epsilon);
    case "spsa":
      return spsa(spec, options.seed ?? 0);
    case "nelder-mead":
      return nelderMead(spec);
    default: {
      const unknown: never = spec;
      throw new TypeError(`unknown optimiser ${JSON.stringify(unknown)}`);
    }
  }
}

/** True for the kinds that call `problem.valueAndGradient` (the runner must supply it). */
export function needsGradient(spec: OptimizerSpec): boolean {
  return (
    spec.kind === "gd" ||
    spec.kind === "momentum" ||
    spec.kind === "nesterov" ||
    spec.kind === "adam"
  );
}
