/**
 * Classification losses for models whose output is an expectation value f(x) ∈ [−1, 1].
 *
 * Labels are y ∈ {−1, +1} throughout (use `signedLabels` for 0/1 data: 0 ↦ −1, 1 ↦ +1). Each loss
 * comes with its derivative with respect to f, which the trainer chains with the circuit's
 * gradient: ∂L/∂θ = Σ_i ∂L/∂f_i · ∂f_i/∂θ.
 *
 * - square:        (y − f)²
 * - hinge:         max(0, 1 − y f). Because |f| ≤ 1, y f ≤ 1 and this is 1 − y f almost
 *                  everywhere: on a bounded output the hinge never reaches its flat part, so it
 *                  behaves as a linear loss (kept because learners meet it in SVMs).
 * - cross-entropy: binary cross-entropy of p = (1 + f)/2, read as P(y = +1), against
 *                  t = (1 + y)/2; p is clipped to [ε, 1 − ε] so f = ±1 gives a finite loss.
 */

export type LossKind = "square" | "hinge" | "cross-entropy";

export interface Loss {
  readonly kind: LossKind;
  /** Loss of one sample with label y ∈ {−1, +1} and model output f. */
  value(y: number, f: number): number;
  /** ∂ value(y, f) / ∂f. */
  derivative(y: number, f: number): number;
}

/**
 * Clip for cross-entropy (Keras's ε): the loss of one sample is at most −ln(1e-7) ≈ 16.1, so one
 * confidently wrong prediction cannot swamp a batch's mean or its curve on the page.
 */
export const PROBABILITY_CLIP = 1e-7;

const square: Loss = {
  kind: "square",
  value: (y, f) => (checkLabel(y), (y - f) ** 2),
  derivative: (y, f) => (checkLabel(y), -2 * (y - f)),
};

/** At the kink y f = 1 we take the subgradient 0 (the sample is classified with full margin). */
const hinge: Loss = {
  kind: "hinge",
  value: (y, f) => (checkLabel(y), Math.max(0, 1 - y * f)),
  derivative: (y, f) => (checkLabel(y), y * f < 1 ? -y : 0),
};

/**
 * The derivative is that of the unclipped loss evaluated at the clipped p (as PyTorch's BCELoss
 * does), not the clipped loss's own zero slope: a confidently wrong prediction near f = ∓1 should
 * still be pushed back. It is bounded by 1/(2ε) = 5·10⁶; at f = ±1 exactly a circuit's ∂f/∂θ is
 * zero anyway (an extremum of the expectation), so the product stays finite.
 */
const crossEntropy: Loss = {
  kind: "cross-entropy",
  value(y, f) {
    checkLabel(y);
    const p = clipProbability((1 + f) / 2);
    return y > 0 ? -Math.log(p) : -Math.log(1 - p);
  },
  derivative(y, f) {
    checkLabel(y);
    const p = clipProbability((1 + f) / 2);
    // dL/dp = −1/p (y = +1) or 1/(1 − p) (y = −1); dp/df = 1/2.
    return y > 0 ? -1 / (2 * p) : 1 / (2 * (1 - p));
  },
};

const LOSSES: Record<LossKind, Loss> = {
  square,
  hinge,
  "cross-entropy": crossEntropy,
};

export function lossFunction(kind: LossKind): Loss {
  const loss = LOSSES[kind];
  if (!loss) throw new TypeError(`unknown loss ${JSON.stringify(kind)}`);
  return loss;
}

export interface BatchLoss {
  /** Mean loss over the batch. */
  readonly value: number;
  /** ∂(mean loss)/∂f_i for every sample: the per-sample derivative divided by the batch size. */
  readonly derivatives: number[];
}

/** Mean loss of outputs `f` against labels `y` (both ±1-labelled, same length, non-empty). */
export function meanLoss(kind: LossKind, y: readonly number[], f: readonly number[]): BatchLoss {
  if (y.length !== f.length) {
    throw new RangeError(`${y.length} labels for ${f.length} model outputs`);
  }
  if (y.length === 0) throw new RangeError("the mean loss of an empty batch is undefined");
  const loss = lossFunction(kind);
  const n = y.length;
  let total = 0;
  const derivatives = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    total += loss.value(y[i], f[i]);
    derivatives[i] = loss.derivative(y[i], f[i]) / n;
  }
  return { value: total / n, derivatives };
}

/** 0/1 labels to ±1 (0 ↦ −1, 1 ↦ +1); ±1 labels pass unchanged. Anything else throws. */
export function signedLabels(labels: readonly number[]): number[] {
  const zeroOne = labels.every((l) => l === 0 || l === 1);
  return labels.map((l, i) => {
    if (zeroOne) return l === 1 ? 1 : -1;
    if (l === 1 || l === -1) return l;
    throw new RangeError(`label ${i} is ${l}; labels are −1/+1 or 0/1`);
  });
}

function clipProbability(p: number): number {
  return Math.min(1 - PROBABILITY_CLIP, Math.max(PROBABILITY_CLIP, p));
}

function checkLabel(y: number): void {
  if (y !== 1 && y !== -1) throw new RangeError(`a label must be −1 or +1, got ${y}`);
}
