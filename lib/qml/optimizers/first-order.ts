/**
 * Gradient-based optimisers: plain gradient descent, heavy-ball and Nesterov momentum, Adam.
 * Each step makes exactly one valueAndGradient call at the current iterate, so the value it
 * reports is the loss at the step's input (the point the learner's loss curve is drawn at).
 */
import { evaluateGradient, norm, requireInRange, requirePositive } from "./checks";
import type { Batch, Optimizer, Problem, StepResult } from "./types";

const ONE_GRADIENT = { values: 0, gradients: 1 } as const;

/** x ← x − η ∇f(x). */
export function gradientDescent(stepSize: number): Optimizer {
  requirePositive("stepSize", stepSize);
  return {
    kind: "gd",
    requiresFullBatch: false,
    step(problem: Problem, x: readonly number[], batch?: Batch): StepResult {
      const { value, gradient } = evaluateGradient(problem, x, batch, "gd");
      return {
        x: x.map((xi, i) => xi - stepSize * gradient[i]),
        value,
        valueAt: "start",
        gradientNorm: norm(gradient),
        evaluations: ONE_GRADIENT,
      };
    },
  };
}

/**
 * Momentum in the form PyTorch uses (velocity v accumulates raw gradients):
 *   heavy ball:  v ← μ v + g,   x ← x − η v
 *   Nesterov:    v ← μ v + g,   x ← x − η (g + μ v)
 * The Nesterov form is Sutskever et al.'s "look-ahead" method rewritten so that the gradient is
 * taken at the stored iterate itself (the iterate *is* the look-ahead point); this keeps one
 * gradient call per step and makes the reported value the loss at the parameters we hold.
 */
export function momentumDescent(stepSize: number, momentum: number, nesterov: boolean): Optimizer {
  requirePositive("stepSize", stepSize);
  requireInRange("momentum", momentum, 0, 1, { maxOpen: true });
  let velocity: number[] | undefined;
  return {
    kind: nesterov ? "nesterov" : "momentum",
    requiresFullBatch: false,
    step(problem: Problem, x: readonly number[], batch?: Batch): StepResult {
      const { value, gradient } = evaluateGradient(problem, x, batch, "momentum");
      const v = velocity ?? new Array<number>(x.length).fill(0);
      if (v.length !== x.length) throw new RangeError("the parameter count changed between steps");
      for (let i = 0; i < v.length; i++) v[i] = momentum * v[i] + gradient[i];
      velocity = v;
      const next = x.map((xi, i) =>
        nesterov ? xi - stepSize * (gradient[i] + momentum * v[i]) : xi - stepSize * v[i],
      );
      return {
        x: next,
        value,
        valueAt: "start",
        gradientNorm: norm(gradient),
        evaluations: ONE_GRADIENT,
      };
    },
  };
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1): moment estimates m, v with bias correction
 * m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t), step η m̂ / (√v̂ + ε). Without the correction the first
 * steps would be shrunk by (1 − β1), since m starts at 0.
 */
export function adam(stepSize: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8): Optimizer {
  requirePositive("stepSize", stepSize);
  requireInRange("beta1", beta1, 0, 1, { maxOpen: true });
  requireInRange("beta2", beta2, 0, 1, { maxOpen: true });
  requirePositive("epsilon", epsilon);
  let m: number[] | undefined;
  let v: number[] | undefined;
  let t = 0;
  return {
    kind: "adam",
    requiresFullBatch: false,
    step(problem: Problem, x: readonly number[], batch?: Batch): StepResult {
      const { value, gradient } = evaluateGradient(problem, x, batch, "adam");
      m ??= new Array<number>(x.length).fill(0);
      v ??= new Array<number>(x.length).fill(0);
      if (m.length !== x.length) throw new RangeError("the parameter count changed between steps");
      t += 1;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      const next = new Array<number>(x.length);
      for (let i = 0; i < x.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
        v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
        const mHat = m[i] / correction1;
        const vHat = v[i] / correction2;
        next[i] = x[i] - (stepSize * mHat) / (Math.sqrt(vHat) + epsilon);
      }
      return {
        x: next,
        value,
        valueAt: "start",
        gradientNorm: norm(gradient),
        evaluations: ONE_GRADIENT,
      };
    },
  };
}
