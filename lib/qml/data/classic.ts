/**
 * The two fixed data sets: n-bit parity (every bit string, labelled by its parity) and Fisher's
 * Iris, stored in iris.json. Option handling shared by all sets (feature subsets, class pairs)
 * lives in select.ts.
 */
import iris from "./iris.json" with { type: "json" };
import { DatasetError, type Dataset, type DatasetInfo, type DatasetOptions } from "./types";

export const PARITY_INFO: DatasetInfo = {
  id: "parity",
  title: "n-bit parity",
  description:
    "All 2^n bit strings of length n (n = 2…6, option `bits`, default 3), labelled by their " +
    "parity (odd number of ones = 1). Feature b0 is the least significant bit, as qubit 0 is in " +
    "Qiskit's order. Not linearly separable for n ≥ 2: the classic test of a model's expressivity.",
  licence: "Generated; no third-party data (CC0).",
  provenance: "Defined here: label(x) = x₀ ⊕ x₁ ⊕ … ⊕ x_{n−1}, over all x ∈ {0,1}^n.",
  options: ["bits", "features"],
};

export function parity(options: DatasetOptions): Dataset {
  const bits = options.bits ?? 3;
  if (!Number.isInteger(bits) || bits < 2 || bits > 6) {
    throw new DatasetError("bad-option", `parity: bits is a whole number from 2 to 6, got ${bits}`);
  }
  const features: number[][] = [];
  const labels: number[] = [];
  for (let k = 0; k < 1 << bits; k++) {
    const row = Array.from({ length: bits }, (_, j) => (k >> j) & 1);
    features.push(row);
    labels.push(row.reduce((a, b) => a ^ b, 0));
  }
  const { options: _, ...info } = PARITY_INFO;
  return {
    ...info,
    title: `${bits}-bit parity`,
    task: "classification",
    features,
    labels,
    featureNames: Array.from({ length: bits }, (_, j) => `b${j}`),
    classNames: ["even", "odd"],
    options: { bits },
  };
}

export const IRIS_INFO: DatasetInfo = {
  id: "iris",
  title: "Iris (Fisher, Anderson)",
  description:
    "150 iris flowers, 50 of each of three species (setosa, versicolor, virginica), with four " +
    "measurements in cm: sepal length and width, petal length and width. Measured by Edgar " +
    "Anderson on the Gaspé peninsula and published by R. A. Fisher. Pick two classes with " +
    "`classes` (e.g. versicolor vs virginica, the hard pair) and features with `features`.",
  licence:
    "Public domain (published 1936); the UCI Machine Learning Repository distributes it under " +
    "CC BY 4.0.",
  provenance:
    "R. A. Fisher, “The use of multiple measurements in taxonomic problems”, Annals of Eugenics " +
    "7(2), 179–188 (1936), Table I; E. Anderson, Bulletin of the American Iris Society 59, 2–5 " +
    "(1935). Values as in Fisher's table, identical to R's `iris` and scikit-learn's copy; the " +
    "UCI file (https://archive.ics.uci.edu/dataset/53/iris) differs in samples 35 and 38, which " +
    "UCI documents as errors.",
  options: ["features", "classes"],
};

export function irisData(): Dataset {
  const { options: _, ...info } = IRIS_INFO;
  return {
    ...info,
    task: "classification",
    features: iris.rows.map((r) => r.slice(0, 4)),
    labels: iris.rows.map((r) => r[4]),
    featureNames: [...iris.featureNames],
    classNames: [...iris.classNames],
    options: {},
  };
}
