/**
 * Dense linear algebra for small matrices: the symmetric eigenproblem (kernel spectra, exact
 * ground energies) and its Hermitian extension through the real 2n × 2n embedding.
 *
 * The symmetric solver is the EISPACK pair `tred2` + `tql2` (Householder reduction to tridiagonal
 * form, then the implicit QL method with Wilkinson-like shifts), as in JAMA's
 * EigenvalueDecomposition. It is O(n³), backward stable and orthogonal to working precision, so it
 * serves both a 4 × 4 Hamiltonian and a 256 × 256 one (8 qubits) or a Gram matrix of a few hundred
 * points. What it does not do: sparse or iterative methods, non-symmetric matrices.
 */
import { checkQubits, type PauliSum } from "@/lib/quantum/observables";

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  readonly values: number[];
  /** vectors[k] is the unit eigenvector of values[k] (one row per eigenvalue). */
  readonly vectors: number[][];
}

export interface HermitianEigen {
  /** Eigenvalues in ascending order (each once, although the real embedding doubles them). */
  readonly values: number[];
  /** vectors[k] = (re, im) of the unit eigenvector of values[k]. */
  readonly vectors: { re: number[]; im: number[] }[];
}

/** QL sweeps allowed per eigenvalue before we call the input pathological (30 is EISPACK's). */
const MAX_QL_ITERATIONS = 60;

function checkSquare(matrix: readonly (readonly number[])[], what: string): number {
  const n = matrix.length;
  if (n === 0) throw new RangeError(`${what}: the matrix is empty`);
  for (let i = 0; i < n; i++) {
    if (matrix[i].length !== n) {
      throw new RangeError(`${what}: row ${i} has ${matrix[i].length} entries, expected ${n}`);
    }
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(matrix[i][j])) {
        throw new RangeError(`${what}: entry (${i}, ${j}) is ${matrix[i][j]}`);
      }
    }
  }
  return n;
}

function checkSymmetric(matrix: readonly (readonly number[])[], n: number, what: string): void {
  let scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scale += Math.abs(matrix[i][j]);
  const tolerance = 1e-10 * Math.max(scale / n, 1e-300);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(matrix[i][j] - matrix[j][i]) > tolerance) {
        throw new RangeError(
          `${what}: not symmetric, (${i}, ${j}) = ${matrix[i][j]} but (${j}, ${i}) = ${matrix[j][i]}`,
        );
      }
    }
  }
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of a real symmetric matrix. Only the
 * symmetric part is used; a matrix that is not symmetric to 1e-10 (relative) throws RangeError.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = checkSquare(matrix, "symmetricEigen");
  checkSymmetric(matrix, n, "symmetricEigen");
  // V starts as the symmetric part of the input and ends holding the eigenvectors in its columns.
  const V: number[][] = [];
  for (let i = 0; i < n; i++) {
    V.push(Array.from({ length: n }, (_, j) => (matrix[i][j] + matrix[j][i]) / 2));
  }
  const d = new Array<number>(n).fill(0);
  const e = new Array<number>(n).fill(0);
  tred2(V, d, e, n);
  tql2(V, d, e, n);

  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => d[a] - d[b]);
  return {
    values: order.map((k) => d[k]),
    vectors: order.map((k) => V.map((row) => row[k])),
  };
}

/** Householder reduction to tridiagonal form (d: diagonal, e: sub-diagonal), accumulating V. */
function tred2(V: number[][], d: number[], e: number[], n: number): void {
  for (let j = 0; j < n; j++) d[j] = V[n - 1][j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[i - 1][j];
        V[i][j] = 0;
        V[j][i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j][i] = f;
        g = e[j] + V[j][j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k][j] * d[k];
          e[k] += V[k][j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k][j] -= f * e[k] + g * d[k];
        d[j] = V[i - 1][j];
        V[i][j] = 0;
      }
    }
    d[i] = h;
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    V[n - 1][i] = V[i][i];
    V[i][i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k][i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k][i + 1] * V[k][j];
        for (let k = 0; k <= i; k++) V[k][j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k][i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[n - 1][j];
    V[n - 1][j] = 0;
  }
  V[n - 1][n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e), rotating V's columns into eigenvectors. */
function tql2(V: number[][], d: number[], e: number[], n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > MAX_QL_ITERATIONS) {
          throw new RangeError(`symmetricEigen: QL did not converge for eigenvalue ${l}`);
        }
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;

        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            h = V[k][i + 1];
            V[k][i + 1] = s * V[k][i] + c * h;
            V[k][i] = c * V[k][i] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

/**
 * Eigen-decomposition of the Hermitian matrix H = re + i·im through the real symmetric embedding
 * [[re, −im], [im, re]]: each eigenvalue λ of H appears twice there, with eigenvectors (x, y) and
 * (−y, x) for the complex eigenvector x + i·y. We take every other eigenvalue of the sorted list,
 * and within a degenerate block a Gram–Schmidt over the complex vectors of that block.
 */
export function hermitianEigen(
  re: readonly (readonly number[])[],
  im: readonly (readonly number[])[],
): HermitianEigen {
  const n = checkSquare(re, "hermitianEigen (real part)");
  if (checkSquare(im, "hermitianEigen (imaginary part)") !== n) {
    throw new RangeError("hermitianEigen: the real and imaginary parts differ in size");
  }
  const big: number[][] = [];
  for (let i = 0; i < 2 * n; i++) big.push(new Array<number>(2 * n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      big[i][j] = re[i][j];
      big[i + n][j + n] = re[i][j];
      big[i][j + n] = -im[i][j];
      big[i + n][j] = im[i][j];
    }
  }
  const { values, vectors } = symmetricEigen(big);
  // Each eigenvalue of H is a pair in the embedding; within a (possibly larger) degenerate block
  // the 2k real vectors span k complex directions, which Gram–Schmidt picks out.
  const outValues: number[] = [];
  const outVectors: { re: number[]; im: number[] }[] = [];
  const scale = Math.max(1, ...values.map(Math.abs));
  let start = 0;
  while (start < 2 * n) {
    let end = start + 1;
    while (end < 2 * n && values[end] - values[end - 1] <= 1e-9 * scale) end++;
    const basis: { re: number[]; im: number[] }[] = [];
    const candidates = vectors
      .slice(start, end)
      .map((v) => ({ re: v.slice(0, n), im: v.slice(n) }));
    // Pivoted Gram–Schmidt: the residuals' squares sum to 2(k − m) over the 2k candidates after
    // m picks, so the largest has norm² ≥ 1/k and the picks stay well conditioned.
    while (basis.length < (end - start) / 2) {
      let best = -1;
      let bestNorm = 0;
      candidates.forEach((v, c) => {
        let norm = 0;
        for (let i = 0; i < n; i++) norm += v.re[i] ** 2 + v.im[i] ** 2;
        if (norm > bestNorm) {
          bestNorm = norm;
          best = c;
        }
      });
      if (best < 0 || bestNorm < 1e-12) break;
      const norm = Math.sqrt(bestNorm);
      const b = {
        re: candidates[best].re.map((x) => x / norm),
        im: candidates[best].im.map((x) => x / norm),
      };
      basis.push(b);
      for (const v of candidates) {
        // v -= ⟨b|v⟩ b
        let pr = 0;
        let pi = 0;
        for (let i = 0; i < n; i++) {
          pr += b.re[i] * v.re[i] + b.im[i] * v.im[i];
          pi += b.re[i] * v.im[i] - b.im[i] * v.re[i];
        }
        for (let i = 0; i < n; i++) {
          v.re[i] -= pr * b.re[i] - pi * b.im[i];
          v.im[i] -= pr * b.im[i] + pi * b.re[i];
        }
      }
    }
    const mean = values.slice(start, end).reduce((a, b) => a + b, 0) / (end - start);
    for (const b of basis) {
      outValues.push(mean);
      outVectors.push(b);
    }
    start = end;
  }
  if (outValues.length !== n) {
    throw new RangeError(`hermitianEigen: found ${outValues.length} eigenvalues, expected ${n}`);
  }
  return { values: outValues, vectors: outVectors };
}

/**
 * The dense 2^n × 2^n matrix (re, im) of a Pauli sum, in the engine's qubit order (qubit q is
 * bit q of the row index). P = i^{#Y} X^x Z^z maps |k⟩ to i^{#Y} (−1)^{popcount(k & z)} |k ⊕ x⟩.
 */
export function pauliSumMatrix(
  sum: PauliSum,
  numQubits: number,
): { re: number[][]; im: number[][] } {
  if (!Number.isInteger(numQubits) || numQubits < 1 || numQubits > 12) {
    throw new RangeError(`a dense Pauli-sum matrix needs 1 to 12 qubits, got ${numQubits}`);
  }
  checkQubits(sum, numQubits);
  const dim = 1 << numQubits;
  const re = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  const im = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (const term of sum.terms) {
    let x = 0;
    let z = 0;
    let ys = 0;
    for (const f of term.factors) {
      if (f.pauli !== "Z") x |= 1 << f.qubit;
      if (f.pauli !== "X") z |= 1 << f.qubit;
      if (f.pauli === "Y") ys++;
    }
    // i^{ys} as (real, imaginary).
    const [pr, pi] = [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ][ys & 3];
    for (let k = 0; k < dim; k++) {
      let bits = k & z;
      let sign = 1;
      for (; bits; bits &= bits - 1) sign = -sign;
      re[k ^ x][k] += term.coeff * sign * pr;
      im[k ^ x][k] += term.coeff * sign * pi;
    }
  }
  return { re, im };
}

/**
 * The lowest eigenvalue of a Pauli sum (its exact ground energy), by dense diagonalisation:
 * the real symmetric solver when no term has an odd number of Y factors, the Hermitian
 * embedding otherwise. numQubits defaults to 1 + the highest qubit named.
 */
export function exactGroundEnergy(sum: PauliSum, numQubits?: number): number {
  return exactGroundState(sum, numQubits).energy;
}

/** The lowest eigenvalue and one of its unit eigenvectors (re, im; engine qubit order). */
export function exactGroundState(
  sum: PauliSum,
  numQubits?: number,
): { energy: number; re: number[]; im: number[] } {
  const n =
    numQubits ?? Math.max(1, ...sum.terms.flatMap((t) => t.factors.map((f) => f.qubit + 1)));
  const { re, im } = pauliSumMatrix(sum, n);
  if (im.every((row) => row.every((v) => v === 0))) {
    const { values, vectors } = symmetricEigen(re);
    return { energy: values[0], re: vectors[0], im: new Array<number>(re.length).fill(0) };
  }
  const { values, vectors } = hermitianEigen(re, im);
  return { energy: values[0], ...vectors[0] };
}
