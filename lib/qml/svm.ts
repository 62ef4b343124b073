/**
 * Soft-margin kernel SVM (C-SVC) on a precomputed Gram matrix, solved in the dual by SMO with
 * LIBSVM's second-order working-set selection (Fan, Chen & Lin 2005, "Working set selection using
 * second order information for training SVM", WSS 2 / Algorithm 1; the update and the bias are
 * LIBSVM's `Solver::solve` and `calculate_rho`). The dual, with Q_ij = y_i y_j K_ij:
 *
 *   min_α  ½ αᵀQα − Σ α_i    subject to  0 ≤ α_i ≤ C,  Σ y_i α_i = 0.
 *
 * A precomputed matrix is what quantum kernels give us (K_ij = |⟨ψ(x_i)|ψ(x_j)⟩|², estimated or
 * exact), so the solver never sees features. No shrinking or kernel cache: n is a few hundred at
 * most and the full matrix is already in memory.
 *
 * Stopping: the maximal KKT violation m(α) − M(α) ≤ tolerance, where
 *   m = max_{t ∈ I_up} −y_t ∇_t,  M = min_{t ∈ I_low} −y_t ∇_t,
 *   I_up = {t : α_t < C, y_t = 1 or α_t > 0, y_t = −1},  I_low = {t : α_t < C, y_t = −1 or α_t > 0, y_t = 1}.
 */

/** LIBSVM's substitute for a non-positive curvature a_ij (non-PSD or duplicate points). */
const TAU = 1e-12;

export interface SvmOptions {
  readonly C: number;
  /** KKT tolerance on m − M; LIBSVM's default is 1e-3, ours is tighter for reference-grade results. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export interface SvmModel {
  readonly C: number;
  /** Dual variables, one per training point, each in [0, C]. */
  readonly alphas: readonly number[];
  readonly labels: readonly number[];
  /** b in f(x) = Σ α_i y_i K(x_i, x) + b (LIBSVM's −ρ). */
  readonly bias: number;
  /** Indices of the training points with α_i > 0. */
  readonly supportVectors: readonly number[];
  /** The dual objective ½ αᵀQα − Σ α_i at the solution (a minimum). */
  readonly objective: number;
  /** m − M at the end; ≤ tolerance when converged. */
  readonly kktGap: number;
  readonly iterations: number;
  /** False only if maxIterations ran out first (the model is still usable, just not optimal). */
  readonly converged: boolean;
}

export function fitSvm(
  gram: readonly (readonly number[])[],
  labels: readonly number[],
  options: SvmOptions,
): SvmModel {
  const { C } = options;
  const tolerance = options.tolerance ?? 1e-6;
  const n = labels.length;
  const maxIterations = options.maxIterations ?? Math.max(1_000_000, 100 * n);
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`C must be positive, got ${C}`);
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be positive, got ${tolerance}`);
  checkProblem(gram, labels);

  const y = Float64Array.from(labels);
  const K = gram;
  const alpha = new Float64Array(n);
  // ∇ = Qα − e; α = 0 at the start.
  const G = new Float64Array(n).fill(-1);
  const atUpper = (t: number) => alpha[t] >= C;
  const atLower = (t: number) => alpha[t] <= 0;
  const inUp = (t: number) => (y[t] > 0 ? !atUpper(t) : !atLower(t));
  const inLow = (t: number) => (y[t] > 0 ? !atLower(t) : !atUpper(t));

  let iterations = 0;
  let gap = Infinity;
  while (iterations < maxIterations) {
    // i: the most violating index in I_up (first-order choice).
    let i = -1;
    let m = -Infinity;
    for (let t = 0; t < n; t++) {
      if (inUp(t) && -y[t] * G[t] >= m) {
        m = -y[t] * G[t];
        i = t;
      }
    }
    // j: in I_low, the index whose pairing with i decreases the objective most under a
    // second-order model, −(m + y_t ∇_t)² / a_it (Fan, Chen & Lin's WSS 2).
    let j = -1;
    let M = Infinity;
    let best = Infinity;
    for (let t = 0; t < n; t++) {
      if (!inLow(t)) continue;
      const v = -y[t] * G[t];
      if (v < M) M = v;
      const b = m - v;
      if (b > 0) {
        const a = K[i][i] + K[t][t] - 2 * K[i][t];
        const decrease = -(b * b) / (a > 0 ? a : TAU);
        if (decrease <= best) {
          best = decrease;
          j = t;
        }
      }
    }
    gap = m - M;
    if (gap < tolerance || j === -1) break;
    iterations++;
    updatePair(i, j);
  }

  function updatePair(i: number, j: number): void {
    const oldI = alpha[i];
    const oldJ = alpha[j];
    // Minimise exactly along the feasible direction that keeps y_i α_i + y_j α_j fixed, then
    // clip to the box (LIBSVM's two cases; C is the same for both points here).
    if (y[i] !== y[j]) {
      const a = K[i][i] + K[j][j] - 2 * K[i][j];
      const delta = (-G[i] - G[j]) / (a > 0 ? a : TAU);
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > 0) {
        if (alpha[i] > C) {
          alpha[i] = C;
          alpha[j] = C - diff;
        }
      } else if (alpha[j] > C) {
        alpha[j] = C;
        alpha[i] = C + diff;
      }
    } else {
      const a = K[i][i] + K[j][j] - 2 * K[i][j];
      const delta = (G[i] - G[j]) / (a > 0 ? a : TAU);
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > C) {
        if (alpha[i] > C) {
          alpha[i] = C;
          alpha[j] = sum - C;
        }
        if (alpha[j] > C) {
          alpha[j] = C;
          alpha[i] = sum - C;
        }
      } else {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = sum;
        }
        if (alpha[i] < 0) {
          alpha[i] = 0;
          alpha[j] = sum;
        }
      }
    }
    const dI = alpha[i] - oldI;
    const dJ = alpha[j] - oldJ;
    for (let t = 0; t < n; t++) {
      G[t] += y[t] * (y[i] * K[i][t] * dI + y[j] * K[j][t] * dJ);
    }
  }

  let objective = 0;
  for (let t = 0; t < n; t++) objective += alpha[t] * (G[t] - 1);
  objective /= 2;

  const supportVectors: number[] = [];
  for (let t = 0; t < n; t++) if (alpha[t] > 0) supportVectors.push(t);
  return {
    C,
    alphas: Array.from(alpha),
    labels: Array.from(y),
    bias: -rho(y, G, alpha, C),
    supportVectors,
    objective,
    kktGap: gap,
    iterations,
    converged: gap < tolerance,
  };
}

/**
 * ρ from the KKT conditions: for a free α_t (0 < α_t < C), y_t ∇_t = ρ exactly, so average those;
 * with no free α only an interval [lb, ub] is known and its midpoint is taken (LIBSVM's rule).
 */
function rho(y: Float64Array, G: Float64Array, alpha: Float64Array, C: number): number {
  let ub = Infinity;
  let lb = -Infinity;
  let sumFree = 0;
  let free = 0;
  for (let t = 0; t < y.length; t++) {
    const yG = y[t] * G[t];
    if (alpha[t] >= C) {
      if (y[t] < 0) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (alpha[t] <= 0) {
      if (y[t] > 0) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      free++;
      sumFree += yG;
    }
  }
  if (free > 0) return sumFree / free;
  if (Number.isFinite(ub) && Number.isFinite(lb)) return (ub + lb) / 2;
  return Number.isFinite(ub) ? ub : lb;
}

/** f(x) = Σ α_i y_i K(x_i, x) + b, given x's kernel row against every training point. */
export function svmDecision(model: SvmModel, kernelRow: readonly number[]): number {
  if (kernelRow.length !== model.alphas.length) {
    throw new RangeError(
      `a kernel row needs ${model.alphas.length} entries (one per training point), got ${kernelRow.length}`,
    );
  }
  let f = model.bias;
  for (const t of model.supportVectors) f += model.alphas[t] * model.labels[t] * kernelRow[t];
  return f;
}

/** Decision values for several points (rows of K(new, train)). */
export function svmDecisions(
  model: SvmModel,
  kernelRows: readonly (readonly number[])[],
): number[] {
  return kernelRows.map((row) => svmDecision(model, row));
}

function checkProblem(gram: readonly (readonly number[])[], labels: readonly number[]): void {
  const n = labels.length;
  if (n < 2) throw new RangeError("an SVM needs at least two training points");
  if (gram.length !== n || gram.some((row) => row.length !== n)) {
    throw new RangeError(`the Gram matrix must be ${n}×${n}, one row and column per label`);
  }
  let positives = 0;
  labels.forEach((label, i) => {
    if (label !== 1 && label !== -1) throw new RangeError(`label ${i} is ${label}; expected ±1`);
    if (label === 1) positives++;
  });
  if (positives === 0 || positives === n) {
    throw new RangeError("the training labels must contain both classes");
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const a = gram[i][j];
      const b = gram[j][i];
      if (!Number.isFinite(a)) throw new RangeError(`Gram entry (${i}, ${j}) is ${a}`);
      // The solver reads both triangles; an asymmetric (e.g. shot-estimated) matrix must be
      // symmetrised first (kernel-matrix.ts), not silently half-used.
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) {
        throw new RangeError(`the Gram matrix is not symmetric at (${i}, ${j}): ${a} vs ${b}`);
      }
    }
  }
}
