/**
 * Nelder–Mead direct search: uses objective values only, one simplex iteration per step.
 *
 * The iteration follows Lagarias, Reeds, Wright & Wright (1998), "Convergence properties of the
 * Nelder–Mead simplex method in low dimensions" (reflect; expand; outside or inside contraction;
 * shrink), with the dimension-adaptive coefficients of Gao & Han (2012), "Implementing the
 * Nelder–Mead simplex algorithm with adaptive parameters":
 *
 *   reflection ρ = 1, expansion χ = 1 + 2/n, contraction ψ = 3/4 − 1/(2n), shrink σ = 1 − 1/n.
 *
 * The fixed 1, 2, 1/2, 1/2 make the expansion ever more dominant as n grows and the method stalls
 * in ten or more dimensions; the adaptive values keep it moving. For n = 1 they would give σ = 0
 * (a shrink collapsing the simplex onto one point), so one dimension keeps the standard values.
 *
 * Stopping (as SciPy's `fatol`/`xatol`): all vertices within `tolerance` of the best one in
 * every coordinate, and all values within `tolerance` of the best value.
 */
import { evaluateValue, requirePositive } from "./checks";
import type { Batch, Optimizer, Problem, StepResult } from "./types";

interface Vertex {
  readonly x: number[];
  readonly f: number;
}

export interface NelderMeadOptions {
  /** Edge length of the initial simplex, along each axis from the starting point. */
  readonly initialStep?: number;
  readonly tolerance?: number;
}

export function coefficients(n: number): {
  rho: number;
  chi: number;
  psi: number;
  sigma: number;
} {
  if (n < 2) return { rho: 1, chi: 2, psi: 0.5, sigma: 0.5 };
  return { rho: 1, chi: 1 + 2 / n, psi: 0.75 - 1 / (2 * n), sigma: 1 - 1 / n };
}

export function nelderMead(options: NelderMeadOptions = {}): Optimizer {
  const initialStep = requirePositive("initialStep", options.initialStep ?? 0.5);
  const tolerance = requirePositive("tolerance", options.tolerance ?? 1e-8);
  let simplex: Vertex[] | undefined;
  let lastReturned: readonly number[] | undefined;

  return {
    kind: "nelder-mead",
    requiresFullBatch: true,
    step(problem: Problem, x: readonly number[], batch?: Batch): StepResult {
      if (batch !== undefined) {
        throw new RangeError(
          "Nelder–Mead compares objective values across steps, so it needs the full training set, not minibatches",
        );
      }
      if (x.length === 0) throw new RangeError("there are no parameters to optimise");
      let values = 0;
      const evaluate = (point: number[]): Vertex => {
        values += 1;
        return { x: point, f: evaluateValue(problem, point, undefined) };
      };
      // A caller that moves the parameters itself (or a first step) gets a fresh simplex.
      if (!simplex || !lastReturned || !sameVector(x, lastReturned)) {
        simplex = [evaluate([...x])];
        for (let i = 0; i < x.length; i++) {
          const vertex = [...x];
          vertex[i] += initialStep;
          simplex.push(evaluate(vertex));
        }
        sortSimplex(simplex);
      }
      const converged = hasConverged(simplex, tolerance);
      if (!converged) iterate(simplex, evaluate);
      const best = simplex[0];
      lastReturned = best.x;
      return {
        x: [...best.x],
        value: best.f,
        valueAt: "best",
        evaluations: { values, gradients: 0 },
        converged: converged || hasConverged(simplex, tolerance),
      };
    },
  };
}

/** One Nelder–Mead iteration on a simplex sorted best first; leaves it sorted. */
function iterate(simplex: Vertex[], evaluate: (point: number[]) => Vertex): void {
  const n = simplex.length - 1;
  const { rho, chi, psi, sigma } = coefficients(n);
  const best = simplex[0];
  const worst = simplex[n];
  const secondWorst = simplex[n - 1];
  const centroid = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) {
    for (let i = 0; i < n; i++) centroid[i] += simplex[v].x[i] / n;
  }
  // Every trial point lies on the line through the centroid and the worst vertex:
  // c + t (c − x_worst) for t = ρ, ρχ, ρψ, −ψ.
  const along = (t: number) => centroid.map((ci, i) => ci + t * (ci - worst.x[i]));

  const reflected = evaluate(along(rho));
  let accepted: Vertex | undefined;
  if (reflected.f < best.f) {
    const expanded = evaluate(along(rho * chi));
    accepted = expanded.f < reflected.f ? expanded : reflected;
  } else if (reflected.f < secondWorst.f) {
    accepted = reflected;
  } else if (reflected.f < worst.f) {
    const outside = evaluate(along(rho * psi));
    if (outside.f <= reflected.f) accepted = outside;
  } else {
    const inside = evaluate(along(-psi));
    if (inside.f < worst.f) accepted = inside;
  }

  if (accepted) {
    simplex[n] = accepted;
  } else {
    for (let v = 1; v <= n; v++) {
      simplex[v] = evaluate(simplex[v].x.map((xi, i) => best.x[i] + sigma * (xi - best.x[i])));
    }
  }
  sortSimplex(simplex);
}

/** Stable sort by value, so ties keep the older vertex first (Lagarias et al.'s rule). */
function sortSimplex(simplex: Vertex[]): void {
  simplex.sort((p, q) => p.f - q.f);
}

function hasConverged(simplex: readonly Vertex[], tolerance: number): boolean {
  const [best, ...rest] = simplex;
  return rest.every(
    (v) =>
      Math.abs(v.f - best.f) <= tolerance &&
      v.x.every((xi, i) => Math.abs(xi - best.x[i]) <= tolerance),
  );
}

function sameVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((ai, i) => Object.is(ai, b[i]));
}
