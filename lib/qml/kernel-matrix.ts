/**
 * Helpers around a kernel (Gram) matrix, for the quantum-kernel view and before handing the
 * matrix to the SVM:
 * - is it a valid kernel? (symmetric, positive semidefinite; estimated kernels are neither exactly)
 * - how well does it fit the labels? (kernel-target alignment, plain or centred)
 * - has it concentrated? (off-diagonal mean and variance: for many quantum embeddings K_ij → a
 *   constant exponentially fast in the number of qubits, and the SVM then sees almost nothing)
 * Eigenvalues come from the shared symmetric eigensolver (linalg.ts).
 */
import { symmetricEigen } from "./linalg";

export type Matrix = readonly (readonly number[])[];

export interface GramCheck {
  readonly size: number;
  /** max |K_ij − K_ji|. */
  readonly maxAsymmetry: number;
  readonly symmetric: boolean;
  /** Eigenvalues of the symmetric part, largest first. */
  readonly spectrum: number[];
  readonly minEigenvalue: number;
  /** No eigenvalue below −tolerance · max(1, largest |eigenvalue|). */
  readonly psd: boolean;
}

/**
 * Symmetry and positive semidefiniteness, with a tolerance relative to the matrix's scale: an
 * exact quantum kernel is PSD up to rounding (eigenvalues like −1e-16), an estimated one may not be.
 */
export function checkGram(K: Matrix, tolerance = 1e-10): GramCheck {
  const n = checkSquare(K);
  let maxAsymmetry = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      maxAsymmetry = Math.max(maxAsymmetry, Math.abs(K[i][j] - K[j][i]));
      scale = Math.max(scale, Math.abs(K[i][j]));
    }
  }
  const spectrum = kernelSpectrum(symmetrise(K));
  const minEigenvalue = spectrum[n - 1];
  const largest = Math.max(Math.abs(spectrum[0]), Math.abs(minEigenvalue));
  return {
    size: n,
    maxAsymmetry,
    symmetric: maxAsymmetry <= tolerance * Math.max(1, scale),
    spectrum,
    minEigenvalue,
    psd: minEigenvalue >= -tolerance * Math.max(1, largest),
  };
}

/** (K + Kᵀ)/2: the nearest symmetric matrix, e.g. for a kernel estimated entry by entry with shots. */
export function symmetrise(K: Matrix): number[][] {
  checkSquare(K);
  return K.map((row, i) => row.map((v, j) => (i === j ? v : (v + K[j][i]) / 2)));
}

/** Eigenvalues of a symmetric K, largest first (the order the kernel view plots them in). */
export function kernelSpectrum(K: Matrix): number[] {
  return symmetricEigen(K).values.slice().reverse();
}

/**
 * The nearest PSD matrix in Frobenius norm (Higham 1988): negative eigenvalues set to zero.
 * Shot noise can make an estimated Gram matrix indefinite, and the SVM dual is then no longer
 * convex; clipping restores a valid kernel while moving the entries as little as possible.
 */
export function clipToPsd(K: Matrix): number[][] {
  const n = checkSquare(K);
  const { values, vectors } = symmetricEigen(symmetrise(K));
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  values.forEach((lambda, k) => {
    if (lambda <= 0) return;
    const v = vectors[k];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) out[i][j] += lambda * v[i] * v[j];
    }
  });
  return out;
}

/**
 * H K H with H = I − 11ᵀ/n: the Gram matrix of the features with their mean removed. Centring
 * keeps a large constant part of K (the concentrated part) from dominating the alignment.
 */
export function centreKernel(K: Matrix): number[][] {
  const n = checkSquare(K);
  const rowMeans = K.map((row) => row.reduce((s, v) => s + v, 0) / n);
  const colMeans = K[0].map((_, j) => K.reduce((s, row) => s + row[j], 0) / n);
  const mean = rowMeans.reduce((s, v) => s + v, 0) / n;
  return K.map((row, i) => row.map((v, j) => v - rowMeans[i] - colMeans[j] + mean));
}

/**
 * Alignment ⟨K1, K2⟩_F / (‖K1‖_F ‖K2‖_F) (Cristianini et al. 2001), in [−1, 1]. A zero matrix
 * has no direction, so its alignment with anything is reported as 0 (it carries no information).
 */
export function alignment(K1: Matrix, K2: Matrix): number {
  const n = checkSquare(K1);
  if (checkSquare(K2) !== n) throw new RangeError("the two matrices differ in size");
  let inner = 0;
  let norm1 = 0;
  let norm2 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      inner += K1[i][j] * K2[i][j];
      norm1 += K1[i][j] ** 2;
      norm2 += K2[i][j] ** 2;
    }
  }
  if (norm1 === 0 || norm2 === 0) return 0;
  return inner / Math.sqrt(norm1 * norm2);
}

/**
 * Kernel-target alignment A(K, y yᵀ) for labels y ∈ {−1, +1}; with `centred`, both matrices are
 * centred first (Cortes, Mohri & Rostamizadeh 2012), which is the version that predicts accuracy
 * when the classes are unbalanced or K has a large constant offset.
 */
export function kernelTargetAlignment(
  K: Matrix,
  labels: readonly number[],
  { centred = false } = {},
): number {
  const n = checkSquare(K);
  if (labels.length !== n) throw new RangeError(`${labels.length} labels for a ${n}×${n} kernel`);
  labels.forEach((y, i) => {
    if (y !== 1 && y !== -1) throw new RangeError(`label ${i} is ${y}; expected −1 or +1`);
  });
  const target = labels.map((a) => labels.map((b) => a * b));
  return centred ? alignment(centreKernel(K), centreKernel(target)) : alignment(K, target);
}

export interface OffDiagonalStats {
  readonly mean: number;
  /** Population variance of K_ij over the pairs i < j. */
  readonly variance: number;
}

/** Mean and variance of the off-diagonal entries: the numbers that show kernel concentration. */
export function offDiagonalStats(K: Matrix): OffDiagonalStats {
  const n = checkSquare(K);
  if (n < 2) throw new RangeError("a 1×1 kernel has no off-diagonal entries");
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = (K[i][j] + K[j][i]) / 2;
      count++;
      const delta = v - mean;
      mean += delta / count;
      m2 += delta * (v - mean);
    }
  }
  return { mean, variance: m2 / count };
}

/** Rows and columns reordered so that one class comes first (blocks show in the heat map). */
export function orderByLabel(
  K: Matrix,
  labels: readonly number[],
): { matrix: number[][]; labels: number[]; order: number[] } {
  const n = checkSquare(K);
  if (labels.length !== n) throw new RangeError(`${labels.length} labels for a ${n}×${n} kernel`);
  // Stable: within a class the original order is kept.
  const order = labels
    .map((label, i) => ({ label, i }))
    .sort((a, b) => b.label - a.label)
    .map(({ i }) => i);
  return {
    matrix: order.map((i) => order.map((j) => K[i][j])),
    labels: order.map((i) => labels[i]),
    order,
  };
}

function checkSquare(K: Matrix): number {
  const n = K.length;
  if (n === 0) throw new RangeError("the kernel matrix is empty");
  K.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`row ${i} has ${row.length} entries, expected ${n}`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`kernel entry (${i}, ${j}) is ${v}`);
    });
  });
  return n;
}
