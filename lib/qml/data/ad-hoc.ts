/**
 * The "ad hoc" data set of Havlíček et al., “Supervised learning with quantum-enhanced feature
 * spaces”, Nature 567, 209–212 (2019), as Qiskit Machine Learning builds it
 * (qiskit_machine_learning/datasets/ad_hoc.py, `ad_hoc_data`), step for step:
 *
 * 1. Feature map on n = 2 (or 3) qubits: |Φ(x)⟩ = U_Φ(x) H^⊗n U_Φ(x) H^⊗n |0…0⟩ with the diagonal
 *    U_Φ(x) = exp(i Σ_i x_i Z_i + i Σ_{i<j} (π − x_i)(π − x_j) Z_i Z_j).
 *    As in Qiskit's Kronecker products, Z_0 acts on the most significant bit of the index.
 * 2. A random unitary W: the eigenvectors (columns, eigenvalues descending, each scaled so its
 *    largest component is real and positive, as LAPACK's zgeev returns them) of A = B†B, with
 *    B = R₁ + i R₂ and R₁, R₂ uniform on [0, 1)^{2^n × 2^n}.
 * 3. The observable M = W† D W, with D = diag((−1)^{parity(k)}) for n = 2 and, for n = 3,
 *    D = diag(−1 if k has two or more ones else +1) (Qiskit's majority variant).
 * 4. A grid of count^n points x ∈ {2πk/count}^n (count = 100 for n = 2, 20 for n = 3); each gets
 *    label +1 if ⟨Φ(x)|M|Φ(x)⟩ > Δ, −1 if it is < −Δ, and none inside the gap.
 * 5. Sampling: grid points drawn uniformly (with replacement) until `samples/2` (rounded up) of
 *    label +1 are found (class A, id 0), then `samples/2` (rounded down) of label −1 (class B, id 1).
 *
 * Our random draws come from the engine's seeded generator, so V (hence the labelling) depends on
 * the seed but differs from the one Qiskit draws for the same seed.
 */
import { hermitianEigen } from "../linalg";
import { createRng, randomInt, linspace } from "./random";
import { DatasetError, type Dataset, type DatasetInfo, type DatasetOptions } from "./types";

export const AD_HOC_INFO: DatasetInfo = {
  id: "ad-hoc",
  title: "Ad hoc (Havlíček et al. 2019)",
  description:
    "Points on a grid in [0, 2π)², labelled by the sign of ⟨Φ(x)|V†ZZV|Φ(x)⟩ for the ZZ feature " +
    "map Φ and a random unitary V; points with |⟨…⟩| ≤ Δ (option `gap`, default 0.3) are left " +
    "out. Separable by a quantum kernel built on the same feature map; hard for classical " +
    "kernels. `dimension` 3 uses three qubits and the majority labelling instead of parity.",
  licence:
    "Generated; no third-party data (CC0). The procedure follows Qiskit Machine Learning " +
    "(Apache-2.0).",
  provenance:
    "V. Havlíček et al., Nature 567, 209–212 (2019), arXiv:1804.11326; procedure of " +
    "qiskit_machine_learning.datasets.ad_hoc_data (https://github.com/qiskit-community/" +
    "qiskit-machine-learning), reimplemented and seeded here.",
  options: ["samples", "gap", "seed", "dimension", "features"],
};

export interface AdHocModel {
  readonly dimension: number;
  /** Grid coordinates along each axis: 2πk/count. */
  readonly axis: number[];
  /** ⟨Φ(x)|M|Φ(x)⟩ for any x (not only grid points). */
  expectation(x: readonly number[]): number;
}

function popcount(k: number): number {
  let c = 0;
  for (; k; k &= k - 1) c++;
  return c;
}

/** The feature state U H U H|0⟩ as (re, im) arrays. */
export function adHocState(x: readonly number[]): { re: number[]; im: number[] } {
  const n = x.length;
  const dim = 1 << n;
  const z = (k: number, i: number): number => ((k >> (n - 1 - i)) & 1 ? -1 : 1);
  const phase = Array.from({ length: dim }, (_, k) => {
    let phi = 0;
    for (let i = 0; i < n; i++) {
      phi += x[i] * z(k, i);
      for (let j = i + 1; j < n; j++)
        phi += (Math.PI - x[i]) * (Math.PI - x[j]) * z(k, i) * z(k, j);
    }
    return phi;
  });
  // H^⊗n|0⟩ is uniform; apply U, then H^⊗n (entries ±1/√dim), then U again.
  const s = 1 / Math.sqrt(dim);
  const aRe = phase.map((p) => s * Math.cos(p));
  const aIm = phase.map((p) => s * Math.sin(p));
  const re: number[] = [];
  const im: number[] = [];
  for (let j = 0; j < dim; j++) {
    let br = 0;
    let bi = 0;
    for (let k = 0; k < dim; k++) {
      const sign = popcount(j & k) & 1 ? -s : s;
      br += sign * aRe[k];
      bi += sign * aIm[k];
    }
    const c = Math.cos(phase[j]);
    const d = Math.sin(phase[j]);
    re.push(c * br - d * bi);
    im.push(c * bi + d * br);
  }
  return { re, im };
}

export function adHocModel(seed: number, dimension: number): AdHocModel {
  if (dimension !== 2 && dimension !== 3) {
    throw new DatasetError("bad-option", `ad-hoc: dimension is 2 or 3, got ${dimension}`);
  }
  const dim = 1 << dimension;
  const rng = createRng(seed);
  // NumPy draws all of R₁, then all of R₂, row by row; so do we.
  const r1 = Array.from({ length: dim }, () => Array.from({ length: dim }, () => rng.next()));
  const r2 = Array.from({ length: dim }, () => Array.from({ length: dim }, () => rng.next()));
  // A = B†B, B = R₁ + i R₂: A_jk = Σ_l (R₁_lj − i R₂_lj)(R₁_lk + i R₂_lk).
  const aRe = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  const aIm = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (let j = 0; j < dim; j++) {
    for (let k = 0; k < dim; k++) {
      for (let l = 0; l < dim; l++) {
        aRe[j][k] += r1[l][j] * r1[l][k] + r2[l][j] * r2[l][k];
        aIm[j][k] += r1[l][j] * r2[l][k] - r2[l][j] * r1[l][k];
      }
    }
  }
  // Columns of W are eigenvectors, eigenvalues descending; M = W† D W.
  const eigen = hermitianEigen(aRe, aIm);
  // M = W†DW depends on the eigenvectors' phases (it is not Σ d_k v_k v_k†), so fix them as
  // LAPACK's zgeev (NumPy's eig) does: the largest component real and positive.
  const columns = eigen.vectors
    .slice()
    .reverse()
    .map((v) => {
      let top = 0;
      v.re.forEach((_, i) => {
        if (Math.hypot(v.re[i], v.im[i]) > Math.hypot(v.re[top], v.im[top])) top = i;
      });
      const r = Math.hypot(v.re[top], v.im[top]);
      const cr = v.re[top] / r;
      const ci = -v.im[top] / r;
      return {
        re: v.re.map((x, i) => x * cr - v.im[i] * ci),
        im: v.re.map((x, i) => x * ci + v.im[i] * cr),
      };
    });
  const d = Array.from({ length: dim }, (_, k) =>
    dimension === 2 ? (popcount(k) & 1 ? -1 : 1) : popcount(k) >= 2 ? -1 : 1,
  );
  const expectation = (x: readonly number[]): number => {
    if (x.length !== dimension) throw new RangeError(`expected ${dimension} coordinates`);
    const psi = adHocState(x);
    // (Wψ)_a = Σ_b W_ab ψ_b with W_ab = component a of eigenvector b; then Σ_a d_a |(Wψ)_a|².
    let total = 0;
    for (let a = 0; a < dim; a++) {
      let wr = 0;
      let wi = 0;
      for (let b = 0; b < dim; b++) {
        const vr = columns[b].re[a];
        const vi = columns[b].im[a];
        wr += vr * psi.re[b] - vi * psi.im[b];
        wi += vr * psi.im[b] + vi * psi.re[b];
      }
      total += d[a] * (wr * wr + wi * wi);
    }
    return total;
  };
  return {
    dimension,
    axis: linspace(0, 2 * Math.PI, dimension === 2 ? 100 : 20, false),
    expectation,
  };
}

export function adHoc(options: DatasetOptions): Dataset {
  const seed = options.seed ?? 0;
  const dimension = options.dimension ?? 2;
  const gap = options.gap ?? 0.3;
  const samples = options.samples ?? 100;
  if (!(gap >= 0 && gap < 1)) {
    throw new DatasetError("bad-option", `ad-hoc: gap is a number in [0, 1), got ${gap}`);
  }
  if (!Number.isInteger(samples) || samples < 2 || samples > 10_000) {
    throw new DatasetError("bad-option", "ad-hoc: samples is a whole number from 2 to 10000");
  }
  const model = adHocModel(seed, dimension);
  const count = model.axis.length;
  // Label every grid point once (+1, −1, or 0 inside the gap), index = Σ_i k_i count^(n−1−i).
  const grid: number[] = [];
  const point = (index: number): number[] => {
    const x: number[] = [];
    for (let i = dimension - 1; i >= 0; i--) {
      x[i] = model.axis[index % count];
      index = Math.floor(index / count);
    }
    return x;
  };
  const total = count ** dimension;
  for (let g = 0; g < total; g++) {
    const e = model.expectation(point(g));
    grid.push(e > gap ? 1 : e < -gap ? -1 : 0);
  }
  const features: number[][] = [];
  const labels: number[] = [];
  // A second stream (seed + 1) for the draws, so the labelling does not depend on `samples`.
  const rng = createRng(seed + 1);
  [1, -1].forEach((label, id) => {
    const want = id === 0 ? Math.ceil(samples / 2) : Math.floor(samples / 2);
    if (!grid.includes(label)) {
      throw new DatasetError(
        "bad-option",
        `ad-hoc: no grid point has label ${label} with gap ${gap}`,
      );
    }
    for (let found = 0; found < want;) {
      let g = 0;
      for (let i = 0; i < dimension; i++) g = g * count + randomInt(rng, count);
      if (grid[g] === label) {
        features.push(point(g));
        labels.push(id);
        found++;
      }
    }
  });
  const { options: _, ...info } = AD_HOC_INFO;
  return {
    ...info,
    task: "classification",
    features,
    labels,
    featureNames: Array.from({ length: dimension }, (_, i) => `x${i}`),
    classNames: ["A", "B"],
    options: { seed, dimension, gap, samples },
  };
}
