/** Test objectives with known minima, shared by the optimiser tests. */
import { createRng } from "@/lib/quantum/sample";
import type { Batch, Problem } from "@/lib/qml/optimizers";

/** f(x) = ½ Σ h_i (x_i − c_i)², minimum 0 at c; condition number max h / min h. */
export function quadratic(h: readonly number[], c: readonly number[]): Problem {
  return {
    value: (x) => x.reduce((s, xi, i) => s + 0.5 * h[i] * (xi - c[i]) ** 2, 0),
    valueAndGradient: (x) => ({
      value: x.reduce((s, xi, i) => s + 0.5 * h[i] * (xi - c[i]) ** 2, 0),
      gradient: x.map((xi, i) => h[i] * (xi - c[i])),
    }),
  };
}

/** Rosenbrock's banana, minimum 0 at (1, 1). */
export const rosenbrock: Problem = {
  value: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  valueAndGradient: ([x, y]) => ({
    value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  }),
};

/** A quadratic observed through Gaussian noise of standard deviation sigma (seeded). */
export function noisyQuadratic(c: readonly number[], sigma: number, seed: number): Problem {
  const rng = createRng(seed);
  const gaussian = () => {
    const u = 1 - rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  };
  return {
    value: (x) => x.reduce((s, xi, i) => s + 0.5 * (xi - c[i]) ** 2, 0) + sigma * gaussian(),
  };
}

/** Wraps a problem, recording every call (which batch, which kind). */
export function recording(problem: Problem): {
  problem: Problem;
  calls: { kind: "value" | "gradient"; x: number[]; batch: Batch }[];
} {
  const calls: { kind: "value" | "gradient"; x: number[]; batch: Batch }[] = [];
  return {
    calls,
    problem: {
      value(x, batch) {
        calls.push({ kind: "value", x: [...x], batch });
        return problem.value(x, batch);
      },
      valueAndGradient: problem.valueAndGradient
        ? (x, batch) => {
            calls.push({ kind: "gradient", x: [...x], batch });
            return problem.valueAndGradient!(x, batch);
          }
        : undefined,
    },
  };
}

export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((s, ai, i) => s + (ai - b[i]) ** 2, 0));
}
