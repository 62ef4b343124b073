/**
 * Argument checks shared by the optimisers. A bad hyperparameter or a NaN from the objective is
 * reported at once, by name, rather than left to turn every later iterate into NaN.
 */
import type { Batch, Problem, ValueAndGradient } from "./types";

export function requireInRange(
  name: string,
  value: number,
  min: number,
  max: number,
  { minOpen = false, maxOpen = false } = {},
): number {
  const below = minOpen ? value <= min : value < min;
  const above = maxOpen ? value >= max : value > max;
  if (!Number.isFinite(value) || below || above) {
    const lo = minOpen ? `(${min}` : `[${min}`;
    const hi = maxOpen ? `${max})` : `${max}]`;
    throw new RangeError(`${name} must be in ${lo}, ${hi}, got ${value}`);
  }
  return value;
}

export function requirePositive(name: string, value: number): number {
  return requireInRange(name, value, 0, Infinity, { minOpen: true, maxOpen: true });
}

export function requireFinite(what: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`${what} is not a finite number: ${value}`);
  return value;
}

/** Calls valueAndGradient, checking that it exists and that its answer is usable. */
export function evaluateGradient(
  problem: Problem,
  x: readonly number[],
  batch: Batch,
  kind: string,
): ValueAndGradient {
  if (!problem.valueAndGradient) {
    throw new TypeError(
      `the ${kind} optimiser needs a gradient: the problem has no valueAndGradient`,
    );
  }
  const result = problem.valueAndGradient(x, batch);
  requireFinite("the objective", result.value);
  if (result.gradient.length !== x.length) {
    throw new RangeError(
      `the gradient has ${result.gradient.length} entries for ${x.length} parameters`,
    );
  }
  result.gradient.forEach((g, i) => requireFinite(`gradient entry ${i}`, g));
  return result;
}

export function evaluateValue(problem: Problem, x: readonly number[], batch: Batch): number {
  return requireFinite("the objective", problem.value(x, batch));
}

export function norm(v: readonly number[]): number {
  let sum = 0;
  for (const e of v) sum += e * e;
  return Math.sqrt(sum);
}
