/**
 * Train/test split and feature scaling. Scalers are fitted on the training part only and then
 * applied to both parts, so nothing about the test rows leaks into training.
 */
import { createRng, permutation } from "./random";
import { DatasetError, type Dataset } from "./types";

export interface SplitOptions {
  /** Fraction of the rows (per class when stratified) held out for testing, in (0, 1). */
  readonly testFraction: number;
  readonly seed: number;
  /** Keep each class's share the same in both parts (default true). */
  readonly stratify?: boolean;
}

export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
  /** Row indices into the original data set. */
  readonly trainIndices: number[];
  readonly testIndices: number[];
}

function rows(data: Dataset, indices: number[]): Dataset {
  return {
    ...data,
    features: indices.map((i) => data.features[i]),
    labels: indices.map((i) => data.labels[i]),
  };
}

/**
 * Shuffles with the seed and holds out round(testFraction · size) rows, per class when
 * stratified (each class keeps at least one training row). Both parts keep the shuffled order.
 */
export function splitDataset(data: Dataset, options: SplitOptions): Split {
  const { testFraction, seed, stratify = true } = options;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new DatasetError("bad-option", `testFraction is in (0, 1), got ${testFraction}`);
  }
  const rng = createRng(seed);
  const order = permutation(rng, data.labels.length);
  const groups = stratify
    ? data.classNames.map((_, c) => order.filter((i) => data.labels[i] === c))
    : [order];
  const test = new Set<number>();
  for (const group of groups) {
    const k = Math.min(Math.round(testFraction * group.length), group.length - 1);
    for (const i of group.slice(0, Math.max(k, 0))) test.add(i);
  }
  const trainIndices = order.filter((i) => !test.has(i));
  const testIndices = order.filter((i) => test.has(i));
  return {
    train: rows(data, trainIndices),
    test: rows(data, testIndices),
    trainIndices,
    testIndices,
  };
}

/** A per-feature affine map x ↦ (x − shift) · factor, fitted on training rows. */
export interface Scaler {
  readonly kind: "min-max" | "standard";
  readonly shift: readonly number[];
  readonly factor: readonly number[];
  transform(features: readonly (readonly number[])[]): number[][];
}

function columns(features: readonly (readonly number[])[]): number[][] {
  if (features.length === 0) throw new DatasetError("bad-option", "cannot fit a scaler on no rows");
  const d = features[0].length;
  return Array.from({ length: d }, (_, j) => features.map((row) => row[j]));
}

function scaler(kind: Scaler["kind"], shift: number[], factor: number[]): Scaler {
  return {
    kind,
    shift,
    factor,
    transform: (features) =>
      features.map((row) => {
        if (row.length !== shift.length) {
          throw new DatasetError(
            "bad-option",
            `expected ${shift.length} features, got ${row.length}`,
          );
        }
        return row.map((x, j) => (x - shift[j]) * factor[j]);
      }),
  };
}

/**
 * Min-max scaling of each feature to [lo, hi] (e.g. [0, π] for angle encoding, [−1, 1]) over the
 * training rows; test rows may fall outside. A constant feature maps to the middle of the range.
 */
export function fitMinMax(
  train: readonly (readonly number[])[],
  range: readonly [number, number] = [0, Math.PI],
): Scaler {
  const [lo, hi] = range;
  if (!(hi > lo)) throw new DatasetError("bad-option", `the range [${lo}, ${hi}] is empty`);
  const cols = columns(train);
  const shift: number[] = [];
  const factor: number[] = [];
  for (const c of cols) {
    const min = Math.min(...c);
    const max = Math.max(...c);
    const f = max > min ? (hi - lo) / (max - min) : 0;
    factor.push(f);
    // (x − shift)·f = lo + (x − min)·f  ⇒  shift = min − lo/f; constant columns: (x − shift)·0 …
    shift.push(f > 0 ? min - lo / f : 0);
  }
  const base = scaler("min-max", shift, factor);
  const middle = (lo + hi) / 2;
  return {
    ...base,
    transform: (features) =>
      base.transform(features).map((row) => row.map((x, j) => (factor[j] === 0 ? middle : x))),
  };
}

/** Standardisation: zero mean and unit (population) standard deviation on the training rows. */
export function fitStandard(train: readonly (readonly number[])[]): Scaler {
  const cols = columns(train);
  const shift = cols.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
  const factor = cols.map((c, j) => {
    const sd = Math.sqrt(c.reduce((a, x) => a + (x - shift[j]) ** 2, 0) / c.length);
    return sd > 0 ? 1 / sd : 1;
  });
  return scaler("standard", shift, factor);
}

/** Fits the scaler on split.train and applies it to both parts. */
export function scaleSplit(
  split: Split,
  fit: (train: number[][]) => Scaler,
): Split & { scaler: Scaler } {
  const s = fit(split.train.features);
  return {
    ...split,
    train: { ...split.train, features: s.transform(split.train.features) },
    test: { ...split.test, features: s.transform(split.test.features) },
    scaler: s,
  };
}
