/**
 * Independent solvers for the C-SVM dual, used only to check the SMO solver in lib/qml/svm.ts:
 *
 *   min_α ½ αᵀQα − Σ α_i,  0 ≤ α_i ≤ C,  Σ y_i α_i = 0,   Q_ij = y_i y_j K_ij.
 *
 * - `enumerateDual`: exhaustive active-set enumeration. Every split of the indices into
 *   {α = 0}, {α = C} and free is tried; for the free ones the KKT equations are a linear system,
 *   and a split whose solution is feasible and satisfies the KKT inequalities is optimal. Exact up
 *   to rounding, 3^n systems, so n ≤ 8.
 * - `projectedGradientDual`: FISTA (Beck & Teboulle 2009) with adaptive restart and an exact
 *   projection onto the feasible set (a bisection on the equality constraint's multiplier), for
 *   larger n.
 */

export interface ReferenceSolution {
  readonly alphas: number[];
  readonly objective: number;
  /** The bias b (f = Σ α y K + b) is unique if some α is free; otherwise any b in [lo, hi]. */
  readonly bias: { lo: number; hi: number };
}

export function dualObjective(K: number[][], y: number[], alpha: readonly number[]): number {
  let value = 0;
  for (let i = 0; i < y.length; i++) {
    value -= alpha[i];
    for (let j = 0; j < y.length; j++) value += 0.5 * alpha[i] * alpha[j] * y[i] * y[j] * K[i][j];
  }
  return value;
}

function gradient(K: number[][], y: number[], alpha: readonly number[]): number[] {
  return y.map((yi, i) => yi * y.reduce((s, yj, j) => s + alpha[j] * yj * K[i][j], 0) - 1);
}

/** Interval of b = −ρ allowed by the KKT inequalities at α (G_i + b y_i ≥ 0 at 0, ≤ 0 at C, = 0 free). */
export function biasInterval(
  K: number[][],
  y: number[],
  alpha: readonly number[],
  C: number,
  slack = 1e-9,
): { lo: number; hi: number } {
  const G = gradient(K, y, alpha);
  let lo = -Infinity;
  let hi = Infinity;
  let free = 0;
  let sum = 0;
  y.forEach((yi, i) => {
    if (alpha[i] <= slack) {
      // G_i + b y_i ≥ 0
      if (yi > 0) lo = Math.max(lo, -G[i]);
      else hi = Math.min(hi, G[i]);
    } else if (alpha[i] >= C - slack) {
      // G_i + b y_i ≤ 0
      if (yi > 0) hi = Math.min(hi, -G[i]);
      else lo = Math.max(lo, G[i]);
    } else {
      free++;
      sum += -G[i] * yi;
    }
  });
  if (free > 0) return { lo: sum / free, hi: sum / free };
  return { lo, hi };
}

export function enumerateDual(K: number[][], y: number[], C: number): ReferenceSolution {
  const n = y.length;
  if (n > 8) throw new Error("enumeration is for n ≤ 8");
  let best: ReferenceSolution | undefined;
  const states = new Array<number>(n).fill(0); // 0: α = 0, 1: α = C, 2: free
  for (let code = 0; code < 3 ** n; code++) {
    let c = code;
    for (let i = 0; i < n; i++) {
      states[i] = c % 3;
      c = Math.floor(c / 3);
    }
    const candidate = solveSplit(K, y, C, states);
    if (candidate && (!best || candidate.objective < best.objective)) best = candidate;
  }
  if (!best) throw new Error("no KKT point found");
  return best;
}

function solveSplit(
  K: number[][],
  y: number[],
  C: number,
  states: readonly number[],
): ReferenceSolution | undefined {
  const n = y.length;
  const free = states.flatMap((s, i) => (s === 2 ? [i] : []));
  const alpha = states.map((s) => (s === 1 ? C : 0));
  const q = (i: number, j: number) => y[i] * y[j] * K[i][j];
  if (free.length > 0) {
    // Unknowns α_F and b: Σ_{j∈F} Q_ij α_j + b y_i = 1 − Σ_{j at C} Q_ij C  (i ∈ F),
    //                     Σ_{j∈F} y_j α_j = −Σ_{j at C} y_j C.
    const m = free.length + 1;
    const A = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
    free.forEach((i, r) => {
      free.forEach((j, k) => (A[r][k] = q(i, j)));
      A[r][m - 1] = y[i];
      let rhs = 1;
      for (let j = 0; j < n; j++) if (states[j] === 1) rhs -= q(i, j) * C;
      A[r][m] = rhs;
    });
    free.forEach((j, k) => (A[m - 1][k] = y[j]));
    let rhs = 0;
    for (let j = 0; j < n; j++) if (states[j] === 1) rhs -= y[j] * C;
    A[m - 1][m] = rhs;
    const solution = gaussSolve(A);
    if (!solution) return undefined;
    free.forEach((i, k) => (alpha[i] = solution[k]));
    if (free.some((i) => alpha[i] <= 1e-12 || alpha[i] >= C - 1e-12)) return undefined;
  } else if (Math.abs(alpha.reduce((s, a, i) => s + a * y[i], 0)) > 1e-12) {
    return undefined;
  }
  const bias = biasInterval(K, y, alpha, C, 0);
  const G = gradient(K, y, alpha);
  // Every KKT inequality must hold with the chosen b.
  const b = free.length > 0 ? bias.lo : (bias.lo + bias.hi) / 2;
  if (!(bias.lo <= bias.hi + 1e-9)) return undefined;
  const ok = states.every((s, i) => {
    const r = G[i] + b * y[i];
    return s === 0 ? r >= -1e-9 : s === 1 ? r <= 1e-9 : Math.abs(r) <= 1e-9;
  });
  if (!ok) return undefined;
  return { alphas: alpha, objective: dualObjective(K, y, alpha), bias };
}

/** Gaussian elimination with partial pivoting on an augmented matrix; undefined if singular. */
function gaussSolve(A: number[][]): number[] | undefined {
  const m = A.length;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(A[r][col]) > Math.abs(A[pivot][col])) pivot = r;
    if (Math.abs(A[pivot][col]) < 1e-12) return undefined;
    [A[col], A[pivot]] = [A[pivot], A[col]];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const factor = A[r][col] / A[col][col];
      for (let k = col; k <= m; k++) A[r][k] -= factor * A[col][k];
    }
  }
  return A.map((row, i) => row[m] / row[i]);
}

/** Euclidean projection onto {0 ≤ α ≤ C, yᵀα = 0}: α = clip(z − λ y, 0, C) with yᵀα(λ) = 0. */
function project(z: readonly number[], y: number[], C: number): number[] {
  const at = (lambda: number) => z.map((zi, i) => Math.min(C, Math.max(0, zi - lambda * y[i])));
  const residual = (lambda: number) => at(lambda).reduce((s, a, i) => s + a * y[i], 0);
  // residual is non-increasing in λ; bracket the root, then bisect to machine precision.
  let lo = -1;
  let hi = 1;
  while (residual(lo) < 0) lo *= 2;
  while (residual(hi) > 0) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (residual(mid) > 0) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2);
}

export function projectedGradientDual(
  K: number[][],
  y: number[],
  C: number,
  tolerance = 1e-10,
): ReferenceSolution {
  const n = y.length;
  // Lipschitz constant of ∇: λ_max(Q) ≤ max row sum of |Q| (Gershgorin).
  const L = Math.max(...K.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
  let alpha = new Array<number>(n).fill(0);
  let momentumPoint = [...alpha];
  let t = 1;
  for (let iteration = 0; iteration < 1_000_000; iteration++) {
    const G = gradient(K, y, momentumPoint);
    const next = project(
      momentumPoint.map((a, i) => a - G[i] / L),
      y,
      C,
    );
    const change = Math.max(...next.map((a, i) => Math.abs(a - alpha[i])));
    // Gradient-based adaptive restart (O'Donoghue & Candès 2015): drop the momentum when it
    // points uphill, which turns FISTA's O(1/k²) into linear convergence on this convex QP.
    const uphill =
      momentumPoint.reduce((s, y, i) => s + (y - next[i]) * (next[i] - alpha[i]), 0) > 0;
    if (uphill) t = 1;
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    momentumPoint = next.map((a, i) => a + ((t - 1) / tNext) * (a - alpha[i]));
    alpha = next;
    t = tNext;
    if (change < tolerance && iteration > 10) break;
  }
  return {
    alphas: alpha,
    objective: dualObjective(K, y, alpha),
    bias: biasInterval(K, y, alpha, C, 1e-7),
  };
}
