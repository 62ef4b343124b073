import { describe, expect, it } from "vitest";
import { hermitianEigen, symmetricEigen } from "@/lib/qml/linalg";
import { createRng } from "@/lib/quantum/sample";

function randomSymmetric(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) a[i][j] = a[j][i] = 2 * rng.next() - 1;
  }
  return a;
}

function expectEigenpairs(a: number[][], tolerance: number): void {
  const n = a.length;
  const { values, vectors } = symmetricEigen(a);
  expect(values).toHaveLength(n);
  for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
  // Largest residual |Av − λv| and largest departure from orthonormality, checked once each.
  let residual = 0;
  let orthogonality = 0;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let j = 0; j < n; j++) av += a[i][j] * vectors[k][j];
      residual = Math.max(residual, Math.abs(av - values[k] * vectors[k][i]));
    }
    for (let l = 0; l < n; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vectors[k][i] * vectors[l][i];
      orthogonality = Math.max(orthogonality, Math.abs(dot - (k === l ? 1 : 0)));
    }
  }
  expect(residual).toBeLessThan(tolerance);
  expect(orthogonality).toBeLessThan(tolerance);
}

describe("symmetricEigen", () => {
  it("solves random symmetric matrices of several sizes to working precision", () => {
    for (const n of [1, 2, 3, 5, 16, 40]) expectEigenpairs(randomSymmetric(n, 100 + n), 1e-10);
  });

  it("gives the known spectrum of the path-graph Laplacian-like tridiagonal matrix", () => {
    // tridiag(−1, 2, −1) of size n has eigenvalues 2 − 2 cos(kπ/(n+1)).
    const n = 12;
    const a = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)),
    );
    const expected = Array.from(
      { length: n },
      (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)),
    );
    symmetricEigen(a).values.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 12));
    expectEigenpairs(a, 1e-12);
  });

  it("handles degenerate and diagonal matrices", () => {
    const identity = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => (i === j ? 1 : 0)),
    );
    expect(symmetricEigen(identity).values).toEqual([1, 1, 1, 1, 1, 1]);
    expectEigenpairs(identity, 1e-14);
    const zero = [
      [0, 0],
      [0, 0],
    ];
    expect(symmetricEigen(zero).values).toEqual([0, 0]);
    expectEigenpairs(
      [
        [3, 0, 0],
        [0, -1, 0],
        [0, 0, 2],
      ],
      1e-14,
    );
    expect(
      symmetricEigen([
        [3, 0, 0],
        [0, -1, 0],
        [0, 0, 2],
      ]).values,
    ).toEqual([-1, 2, 3]);
  });

  it("rejects non-square, non-symmetric and non-finite input", () => {
    expect(() => symmetricEigen([])).toThrow(/empty/);
    expect(() => symmetricEigen([[1, 2]])).toThrow(/row 0 has 2 entries/);
    expect(() =>
      symmetricEigen([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/not symmetric/);
    expect(() =>
      symmetricEigen([
        [1, NaN],
        [NaN, 1],
      ]),
    ).toThrow(/NaN/);
  });

  it("solves a 256 × 256 matrix (8 qubits)", () => {
    expectEigenpairs(randomSymmetric(256, 7), 1e-9);
  });
});

describe("hermitianEigen", () => {
  it("gives ±1 for Pauli Y with eigenvectors (1, ±i)/√2", () => {
    const { values, vectors } = hermitianEigen(
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, -1],
        [1, 0],
      ],
    );
    expect(values[0]).toBeCloseTo(-1, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    // Y (a, b) = (−i b, i a); check Y v = λ v for the −1 vector.
    const v = vectors[0];
    const yRe = [v.im[1], -v.im[0]];
    const yIm = [-v.re[1], v.re[0]];
    for (let i = 0; i < 2; i++) {
      expect(yRe[i]).toBeCloseTo(-v.re[i], 12);
      expect(yIm[i]).toBeCloseTo(-v.im[i], 12);
    }
  });

  it("solves random Hermitian matrices, including a degenerate one", () => {
    const n = 6;
    const rng = createRng(3);
    const re = randomSymmetric(n, 11);
    const im = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        im[i][j] = 2 * rng.next() - 1;
        im[j][i] = -im[i][j];
      }
    }
    // H ⊕ H is degenerate in every eigenvalue.
    const double = (m: number[][]) =>
      Array.from({ length: 2 * n }, (_, i) =>
        Array.from({ length: 2 * n }, (_, j) =>
          Math.floor(i / n) === Math.floor(j / n) ? m[i % n][j % n] : 0,
        ),
      );
    for (const [a, b] of [
      [re, im],
      [double(re), double(im)],
    ]) {
      const m = a.length;
      const { values, vectors } = hermitianEigen(a, b);
      expect(values).toHaveLength(m);
      for (let k = 0; k < m; k++) {
        const v = vectors[k];
        for (let i = 0; i < m; i++) {
          let hr = 0;
          let hi = 0;
          for (let j = 0; j < m; j++) {
            hr += a[i][j] * v.re[j] - b[i][j] * v.im[j];
            hi += a[i][j] * v.im[j] + b[i][j] * v.re[j];
          }
          expect(Math.abs(hr - values[k] * v.re[i])).toBeLessThan(1e-10);
          expect(Math.abs(hi - values[k] * v.im[i])).toBeLessThan(1e-10);
        }
        for (let l = 0; l < m; l++) {
          let dr = 0;
          let di = 0;
          for (let i = 0; i < m; i++) {
            dr += vectors[l].re[i] * v.re[i] + vectors[l].im[i] * v.im[i];
            di += vectors[l].re[i] * v.im[i] - vectors[l].im[i] * v.re[i];
          }
          expect(Math.hypot(dr - (k === l ? 1 : 0), di)).toBeLessThan(1e-10);
        }
      }
    }
  });
});
