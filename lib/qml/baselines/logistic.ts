/**
 * L2-regularised logistic regression, fitted by Newton's method to machine precision. The
 * objective is scikit-learn's (so learners can compare numbers), with the intercept unpenalised:
 *
 *   J(w, b) = ½‖w‖² + C Σ_i log(1 + exp(−y_i (w·x_i + b))),   y_i ∈ {−1, +1}.
 *
 * J is strictly convex in w and convex in b, and the problems are tiny (a few features), so a
 * damped Newton iteration with an exact (d+1)×(d+1) solve converges in a handful of steps.
 */
import { checkedLabels, setAccuracy, type BaselineFit, type LabelledSet } from "./types";

export interface LogisticOptions {
  /** Inverse regularisation strength, as scikit-learn's C. Default 1. */
  readonly C?: number;
  /** Stop when every gradient entry is below this. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export interface LogisticFit extends BaselineFit {
  readonly name: "logistic";
  readonly weights: readonly number[];
  readonly bias: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** J at the solution and its gradient's largest entry (≈ 0 when converged). */
  readonly objective: number;
  readonly gradientNorm: number;
  /** P(y = +1 | x). */
  probability(x: readonly number[]): number;
}

export function fitLogistic(
  train: LabelledSet,
  test: LabelledSet,
  options: LogisticOptions = {},
): LogisticFit {
  const C = options.C ?? 1;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`C must be positive, got ${C}`);
  if (train.features.length === 0) throw new RangeError("the training set is empty");
  const d = train.features[0].length;
  const y = checkedLabels(train, "training", d);
  const testLabels = checkedLabels(test, "test", d);
  const X = train.features;

  // θ = [w_1..w_d, b]
  let theta = new Array<number>(d + 1).fill(0);
  const objective = (t: readonly number[]) => logisticObjective(t, X, y, C);
  let current = objective(theta);
  let iterations = 0;
  let converged = false;
  let gradientNorm = Infinity;
  for (;;) {
    const { gradient, hessian } = derivatives(theta, X, y, C);
    gradientNorm = Math.max(...gradient.map(Math.abs));
    if (gradientNorm <= tolerance) {
      converged = true;
      break;
    }
    if (iterations === maxIterations) break;
    const direction = solveSpd(hessian, gradient).map((v) => -v);
    const slope = direction.reduce((s, v, i) => s + v * gradient[i], 0);
    let step = 1;
    let trial = theta.map((t, i) => t + direction[i]);
    let trialValue = objective(trial);
    // Backtracking (Armijo) keeps the iteration monotone when a full Newton step overshoots,
    // which happens far from the optimum on (nearly) separable data. Once the predicted decrease
    // −slope is below what J can resolve in floating point, the full step is taken: Newton is then
    // in its quadratic phase, and a value test could only reject it by rounding.
    const resolvable = -slope > 1e-12 * Math.max(1, Math.abs(current));
    while (resolvable && trialValue > current + 1e-4 * step * slope) {
      step /= 2;
      if (step < 1e-12) throw new RangeError("logistic regression: the line search failed");
      trial = theta.map((t, i) => t + step * direction[i]);
      trialValue = objective(trial);
    }
    iterations++;
    theta = trial;
    current = trialValue;
  }

  const weights = theta.slice(0, d);
  const bias = theta[d];
  const decision = (x: readonly number[]) => {
    if (x.length !== d) throw new RangeError(`expected ${d} features, got ${x.length}`);
    return weights.reduce((s, w, k) => s + w * x[k], bias);
  };
  return {
    name: "logistic",
    weights,
    bias,
    iterations,
    converged,
    objective: current,
    gradientNorm,
    decision,
    probability: (x) => sigmoid(decision(x)),
    trainAccuracy: setAccuracy(decision, X, y),
    testAccuracy: setAccuracy(decision, test.features, testLabels),
  };
}

/** J(θ); exported so tests can check optimality against the same definition. */
export function logisticObjective(
  theta: readonly number[],
  X: readonly (readonly number[])[],
  y: readonly number[],
  C: number,
): number {
  const d = theta.length - 1;
  let value = 0;
  for (let k = 0; k < d; k++) value += 0.5 * theta[k] * theta[k];
  X.forEach((x, i) => (value += C * softplus(-y[i] * margin(theta, x))));
  return value;
}

function derivatives(
  theta: readonly number[],
  X: readonly (readonly number[])[],
  y: readonly number[],
  C: number,
): { gradient: number[]; hessian: number[][] } {
  const d = theta.length - 1;
  const gradient = theta.map((t, k) => (k < d ? t : 0));
  const hessian = theta.map((_, r) => theta.map((__, c) => (r === c && r < d ? 1 : 0)));
  X.forEach((x, i) => {
    const z = margin(theta, x);
    // d/dz log(1 + e^{−y z}) = −y σ(−y z);  d²/dz² = σ(z) σ(−z).
    const g = -y[i] * sigmoid(-y[i] * z) * C;
    const h = sigmoid(z) * sigmoid(-z) * C;
    for (let r = 0; r <= d; r++) {
      const xr = r < d ? x[r] : 1;
      gradient[r] += g * xr;
      for (let c = 0; c <= d; c++) hessian[r][c] += h * xr * (c < d ? x[c] : 1);
    }
  });
  return { gradient, hessian };
}

function margin(theta: readonly number[], x: readonly number[]): number {
  const d = theta.length - 1;
  let z = theta[d];
  for (let k = 0; k < d; k++) z += theta[k] * x[k];
  return z;
}

/** log(1 + e^t) without overflow for large t or loss of precision for very negative t. */
function softplus(t: number): number {
  return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
}

function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/**
 * Solves H v = g by Cholesky. H is symmetric positive definite in exact arithmetic; when every
 * sample's σ(z)σ(−z) underflows the intercept's row can vanish, so a tiny ridge is added and
 * grown until the factorisation succeeds.
 */
function solveSpd(H: readonly (readonly number[])[], g: readonly number[]): number[] {
  const n = g.length;
  for (let ridge = 0; ; ridge = ridge === 0 ? 1e-12 : ridge * 10) {
    const L = cholesky(H, ridge);
    if (!L) {
      if (ridge > 1) throw new RangeError("the logistic Hessian is not positive definite");
      continue;
    }
    const z = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let s = g[i];
      for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
      z[i] = s / L[i][i];
    }
    const v = new Array<number>(n);
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i];
      for (let k = i + 1; k < n; k++) s -= L[k][i] * v[k];
      v[i] = s / L[i][i];
    }
    return v;
  }
}

function cholesky(H: readonly (readonly number[])[], ridge: number): number[][] | undefined {
  const n = H.length;
  const L = H.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i][j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i][i] = Math.sqrt(s);
      } else {
        L[i][j] = s / L[j][j];
      }
    }
  }
  return L;
}
