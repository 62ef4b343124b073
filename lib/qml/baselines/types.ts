/**
 * What a classical baseline is fitted on and what it returns. The baselines see the same
 * train/test split (and the same scaled features) as the quantum model, so the accuracies are
 * comparable side by side.
 */
import { accuracy } from "../metrics";
import { signedLabels } from "../losses";

export interface LabelledSet {
  /** One row per sample. */
  readonly features: readonly (readonly number[])[];
  /** ±1, or 0/1 (0 ↦ −1). */
  readonly labels: readonly number[];
}

export interface BaselineFit {
  readonly name: "logistic" | "rbf-svm";
  readonly trainAccuracy: number;
  /** NaN when the test set is empty. */
  readonly testAccuracy: number;
  /** Real-valued score whose sign is the predicted class (for heat maps over 2-D features). */
  decision(x: readonly number[]): number;
}

/** Checks a set's shape and returns its labels as ±1. */
export function checkedLabels(set: LabelledSet, what: string, dimension?: number): number[] {
  if (set.features.length !== set.labels.length) {
    throw new RangeError(
      `the ${what} set has ${set.features.length} samples but ${set.labels.length} labels`,
    );
  }
  set.features.forEach((row, i) => {
    if (dimension !== undefined && row.length !== dimension) {
      throw new RangeError(
        `${what} sample ${i} has ${row.length} features; the training set has ${dimension}`,
      );
    }
    row.forEach((v, k) => {
      if (!Number.isFinite(v)) throw new RangeError(`${what} sample ${i}, feature ${k} is ${v}`);
    });
  });
  return signedLabels(set.labels);
}

/** Accuracy of a decision function on a set; NaN for an empty set rather than a made-up 0 or 1. */
export function setAccuracy(
  decision: (x: readonly number[]) => number,
  features: readonly (readonly number[])[],
  labels: readonly number[],
): number {
  if (features.length === 0) return NaN;
  return accuracy(labels, features.map(decision));
}
