/**
 * Two-dimensional toy sets made by scikit-learn's procedures (sklearn/datasets/
 * _samples_generator.py: make_moons, make_circles, make_blobs), step for step, with our seeded
 * generator in place of NumPy's: the same seed gives the same rows here on every machine, but
 * not the rows scikit-learn gives for that seed.
 */
import { createRng, gaussian, linspace, permutation } from "./random";
import { DatasetError, type Dataset, type DatasetInfo, type DatasetOptions } from "./types";

const SKLEARN =
  "Procedure of scikit-learn's sklearn.datasets.{name} (Pedregosa et al., JMLR 12, 2825–2830 " +
  "(2011); https://scikit-learn.org), reimplemented and seeded here.";
const LICENCE = "Generated; no third-party data (CC0). scikit-learn itself is BSD-3-Clause.";

export const MOONS_INFO: DatasetInfo = {
  id: "moons",
  title: "Two moons",
  description:
    "Two interleaving half circles. make_moons: ⌊n/2⌋ points (cos t, sin t) for t evenly spaced " +
    "on [0, π] (class 0) and the rest at (1 − cos t, 1/2 − sin t) (class 1); rows shuffled, then " +
    "Gaussian noise of standard deviation `noise` (default 0.1) added to each coordinate.",
  licence: LICENCE,
  provenance: SKLEARN.replace("{name}", "make_moons"),
  options: ["samples", "noise", "seed", "features"],
};

export const CIRCLES_INFO: DatasetInfo = {
  id: "circles",
  title: "Concentric circles",
  description:
    "A circle inside a circle. make_circles with factor 0.5: ⌊n/2⌋ points evenly spaced on the " +
    "unit circle (angles 2πk/m, end point excluded; class 0) and the rest on the circle of radius " +
    "0.5 (class 1); rows shuffled, then Gaussian noise of standard deviation `noise` (default " +
    "0.05) added to each coordinate.",
  licence: LICENCE,
  provenance: SKLEARN.replace("{name}", "make_circles"),
  options: ["samples", "noise", "seed", "features"],
};

export const BLOBS_INFO: DatasetInfo = {
  id: "blobs",
  title: "Gaussian blobs",
  description:
    "Isotropic Gaussian clusters. make_blobs: `centers` (default 2) centres drawn uniformly from " +
    "the box [−10, 10]², then n/centers points around each (the remainder to the first " +
    "centres) with standard deviation 1 (`noise` overrides it); class = index of the centre; " +
    "rows shuffled.",
  licence: LICENCE,
  provenance: SKLEARN.replace("{name}", "make_blobs"),
  options: ["samples", "noise", "seed", "centers", "features"],
};

function count(options: DatasetOptions, id: string, fallback: number): number {
  const n = options.samples ?? fallback;
  if (!Number.isInteger(n) || n < 2 || n > 10_000) {
    throw new DatasetError("bad-option", `${id}: samples is a whole number from 2 to 10000`);
  }
  return n;
}

function noiseOf(options: DatasetOptions, id: string, fallback: number): number {
  const s = options.noise ?? fallback;
  if (!(s >= 0) || !Number.isFinite(s)) {
    throw new DatasetError("bad-option", `${id}: noise is a non-negative number, got ${s}`);
  }
  return s;
}

/** Shuffles rows and labels together, then adds N(0, σ²) to every coordinate (sklearn's order). */
function shuffleAndNoise(
  points: number[][],
  labels: number[],
  sigma: number,
  seed: number,
): { features: number[][]; labels: number[] } {
  const rng = createRng(seed);
  const order = permutation(rng, points.length);
  const features = order.map((i) => [...points[i]]);
  const shuffled = order.map((i) => labels[i]);
  if (sigma > 0)
    for (const row of features)
      for (let j = 0; j < row.length; j++) row[j] += sigma * gaussian(rng);
  return { features, labels: shuffled };
}

function build(
  info: DatasetInfo,
  rows: { features: number[][]; labels: number[] },
  classNames: string[],
  options: DatasetOptions,
): Dataset {
  const { options: _, ...rest } = info;
  return {
    ...rest,
    task: "classification",
    ...rows,
    featureNames: ["x0", "x1"],
    classNames,
    options,
  };
}

export function moons(options: DatasetOptions): Dataset {
  const n = count(options, "moons", 100);
  const noise = noiseOf(options, "moons", 0.1);
  const seed = options.seed ?? 0;
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const points = [
    ...linspace(0, Math.PI, nOut).map((t) => [Math.cos(t), Math.sin(t)]),
    ...linspace(0, Math.PI, nIn).map((t) => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]),
  ];
  const labels = [...new Array<number>(nOut).fill(0), ...new Array<number>(nIn).fill(1)];
  const rows = shuffleAndNoise(points, labels, noise, seed);
  return build(MOONS_INFO, rows, ["upper moon", "lower moon"], { samples: n, noise, seed });
}

export function circles(options: DatasetOptions): Dataset {
  const n = count(options, "circles", 100);
  const noise = noiseOf(options, "circles", 0.05);
  const seed = options.seed ?? 0;
  const factor = 0.5;
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const points = [
    ...linspace(0, 2 * Math.PI, nOut, false).map((t) => [Math.cos(t), Math.sin(t)]),
    ...linspace(0, 2 * Math.PI, nIn, false).map((t) => [
      factor * Math.cos(t),
      factor * Math.sin(t),
    ]),
  ];
  const labels = [...new Array<number>(nOut).fill(0), ...new Array<number>(nIn).fill(1)];
  const rows = shuffleAndNoise(points, labels, noise, seed);
  return build(CIRCLES_INFO, rows, ["outer", "inner"], { samples: n, noise, seed });
}

export function blobs(options: DatasetOptions): Dataset {
  const n = count(options, "blobs", 100);
  const std = noiseOf(options, "blobs", 1);
  const seed = options.seed ?? 0;
  const k = options.centers ?? 2;
  if (!Number.isInteger(k) || k < 2 || k > 6 || k > n) {
    throw new DatasetError("bad-option", `blobs: centers is a whole number from 2 to 6`);
  }
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => [-10 + 20 * rng.next(), -10 + 20 * rng.next()]);
  const points: number[][] = [];
  const labels: number[] = [];
  centres.forEach((c, i) => {
    const size = Math.floor(n / k) + (i < n % k ? 1 : 0);
    for (let s = 0; s < size; s++) {
      points.push([c[0] + std * gaussian(rng), c[1] + std * gaussian(rng)]);
      labels.push(i);
    }
  });
  const order = permutation(rng, n);
  const rows = { features: order.map((i) => points[i]), labels: order.map((i) => labels[i]) };
  return build(
    BLOBS_INFO,
    rows,
    centres.map((_, i) => `blob ${i}`),
    { samples: n, noise: std, seed, centers: k },
  );
}
