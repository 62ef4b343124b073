/**
 * The classical kernel baseline: an SVM with the Gaussian (RBF) kernel K(x, x') = exp(−γ‖x − x'‖²),
 * solved by the same SMO as the quantum kernels (svm.ts), so the two differ only in the kernel.
 * γ defaults to scikit-learn's "scale", 1 / (n_features · Var(X)) with the variance taken over all
 * entries of the training matrix, so the baseline matches what learners get from `SVC()`.
 */
import { fitSvm, svmDecision, type SvmModel } from "../svm";
import { checkedLabels, setAccuracy, type BaselineFit, type LabelledSet } from "./types";

export interface RbfSvmOptions {
  /** Default 1 (scikit-learn's default). */
  readonly C?: number;
  /** A number, or "scale" (the default). */
  readonly gamma?: number | "scale";
}

export interface RbfSvmFit extends BaselineFit {
  readonly name: "rbf-svm";
  readonly gamma: number;
  readonly model: SvmModel;
}

/** scikit-learn's gamma="scale"; a constant training matrix (zero variance) gives 1, as there. */
export function gammaScale(features: readonly (readonly number[])[]): number {
  const d = features[0]?.length ?? 0;
  let count = 0;
  let mean = 0;
  let m2 = 0;
  // Welford's update: one pass, no cancellation when the entries are large and close together.
  for (const row of features) {
    for (const v of row) {
      count++;
      const delta = v - mean;
      mean += delta / count;
      m2 += delta * (v - mean);
    }
  }
  const variance = count > 0 ? m2 / count : 0;
  return variance > 0 ? 1 / (d * variance) : 1;
}

export function rbfKernel(a: readonly number[], b: readonly number[], gamma: number): number {
  let distance2 = 0;
  for (let k = 0; k < a.length; k++) distance2 += (a[k] - b[k]) ** 2;
  return Math.exp(-gamma * distance2);
}

/** K(rows_i, columns_j) for the RBF kernel. */
export function rbfGram(
  rows: readonly (readonly number[])[],
  columns: readonly (readonly number[])[],
  gamma: number,
): number[][] {
  return rows.map((a) => columns.map((b) => rbfKernel(a, b, gamma)));
}

export function fitRbfSvm(
  train: LabelledSet,
  test: LabelledSet,
  options: RbfSvmOptions = {},
): RbfSvmFit {
  if (train.features.length === 0) throw new RangeError("the training set is empty");
  const d = train.features[0].length;
  const y = checkedLabels(train, "training", d);
  const testLabels = checkedLabels(test, "test", d);
  const gamma =
    options.gamma === undefined || options.gamma === "scale"
      ? gammaScale(train.features)
      : options.gamma;
  if (!(gamma > 0) || !Number.isFinite(gamma)) {
    throw new RangeError(`gamma must be positive, got ${gamma}`);
  }
  // Gram built symmetric by construction (exp of a symmetric distance is bitwise symmetric).
  const gram = rbfGram(train.features, train.features, gamma);
  const model = fitSvm(gram, y, { C: options.C ?? 1 });
  const decision = (x: readonly number[]) => {
    if (x.length !== d) throw new RangeError(`expected ${d} features, got ${x.length}`);
    return svmDecision(
      model,
      train.features.map((t) => rbfKernel(x, t, gamma)),
    );
  };
  return {
    name: "rbf-svm",
    gamma,
    model,
    decision,
    trainAccuracy: setAccuracy(decision, train.features, y),
    testAccuracy: setAccuracy(decision, test.features, testLabels),
  };
}
