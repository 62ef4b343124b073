/**
 * Classification metrics for ±1 labels. A model output f (an expectation value or an SVM
 * decision value) predicts sign(f), with f = 0 counted as +1: the same rule as thresholding
 * p = (1 + f)/2 at p ≥ 0.5, so the two readings of the model never disagree.
 */

/** Predicted class of an output: +1 for f ≥ 0, −1 otherwise. */
export function predictedLabel(f: number): 1 | -1 {
  if (Number.isNaN(f)) throw new RangeError("cannot classify a NaN output");
  return f >= 0 ? 1 : -1;
}

/** Fraction of samples whose predicted class sign(f_i) equals y_i ∈ {−1, +1}. */
export function accuracy(labels: readonly number[], outputs: readonly number[]): number {
  const { truePositive, trueNegative } = confusionMatrix(labels, outputs);
  return (truePositive + trueNegative) / labels.length;
}

/** Counts with +1 as the positive class. */
export interface ConfusionMatrix {
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly trueNegative: number;
  readonly falseNegative: number;
}

export function confusionMatrix(
  labels: readonly number[],
  outputs: readonly number[],
): ConfusionMatrix {
  if (labels.length !== outputs.length) {
    throw new RangeError(`${labels.length} labels for ${outputs.length} outputs`);
  }
  if (labels.length === 0) throw new RangeError("no samples to score");
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  labels.forEach((y, i) => {
    if (y !== 1 && y !== -1) throw new RangeError(`label ${i} is ${y}; expected −1 or +1`);
    const predicted = predictedLabel(outputs[i]);
    if (predicted === 1) {
      if (y === 1) truePositive++;
      else falsePositive++;
    } else if (y === -1) trueNegative++;
    else falseNegative++;
  });
  return { truePositive, falsePositive, trueNegative, falseNegative };
}
