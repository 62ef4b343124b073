import { describe, expect, it } from "vitest";
import {
  alignment,
  centreKernel,
  checkGram,
  clipToPsd,
  kernelSpectrum,
  kernelTargetAlignment,
  offDiagonalStats,
  orderByLabel,
  symmetrise,
} from "@/lib/qml/kernel-matrix";
import { createRng } from "@/lib/quantum/sample";

/** Fidelity kernel of angle-encoded product states: Π_k cos²((x_k − x'_k)/2), a valid kernel. */
function fidelityGram(points: number[][]): number[][] {
  return points.map((a) =>
    points.map((b) => a.reduce((p, ak, k) => p * Math.cos((ak - b[k]) / 2) ** 2, 1)),
  );
}

function randomPoints(n: number, d: number, seed: number, spread = Math.PI): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () =>
    Array.from({ length: d }, () => spread * (2 * rng.next() - 1)),
  );
}

const trace = (K: number[][]) => K.reduce((s, row, i) => s + row[i], 0);

describe("checkGram", () => {
  it("accepts an exact quantum kernel: symmetric, PSD, spectrum largest first summing to the trace", () => {
    const K = fidelityGram(randomPoints(12, 3, 1));
    const check = checkGram(K);
    expect(check.size).toBe(12);
    expect(check.symmetric).toBe(true);
    expect(check.maxAsymmetry).toBe(0);
    expect(check.psd).toBe(true);
    check.spectrum.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(check.spectrum[i]));
    expect(check.spectrum.reduce((s, v) => s + v, 0)).toBeCloseTo(trace(K), 10);
    expect(check.minEigenvalue).toBe(check.spectrum.at(-1));
  });

  it("flags an indefinite matrix and reports its smallest eigenvalue", () => {
    // Eigenvalues 3 and −1.
    const check = checkGram([
      [1, 2],
      [2, 1],
    ]);
    expect(check.psd).toBe(false);
    expect(check.spectrum[0]).toBeCloseTo(3, 12);
    expect(check.minEigenvalue).toBeCloseTo(-1, 12);
  });

  it("flags an asymmetric (estimated) matrix and measures how far off it is", () => {
    const K = [
      [1, 0.52],
      [0.48, 1],
    ];
    const check = checkGram(K);
    expect(check.symmetric).toBe(false);
    expect(check.maxAsymmetry).toBeCloseTo(0.04, 15);
    // The spectrum is that of the symmetric part [[1, 0.5], [0.5, 1]]: 1.5 and 0.5.
    expect(check.spectrum[0]).toBeCloseTo(1.5, 12);
    expect(check.spectrum[1]).toBeCloseTo(0.5, 12);
    expect(symmetrise(K)).toEqual([
      [1, 0.5],
      [0.5, 1],
    ]);
  });

  it("rejects malformed input", () => {
    expect(() => checkGram([])).toThrow(/empty/);
    expect(() => checkGram([[1, 2], [3]])).toThrow(/row 1 has 1 entries/);
    expect(() => checkGram([[NaN]])).toThrow(/NaN/);
  });
});

describe("clipToPsd", () => {
  it("removes the negative part: [[1, 2], [2, 1]] → 3 · vvᵀ with v = (1, 1)/√2", () => {
    const clipped = clipToPsd([
      [1, 2],
      [2, 1],
    ]);
    clipped.flat().forEach((v) => expect(v).toBeCloseTo(1.5, 12));
  });

  it("leaves a PSD kernel unchanged and makes a noisy one PSD", () => {
    const K = fidelityGram(randomPoints(10, 2, 2));
    clipToPsd(K).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(K[i][j], 10)));
    // Shot noise of ±0.1 on a concentrated kernel makes it indefinite.
    const rng = createRng(3);
    const noisy = symmetrise(K.map((row) => row.map((v) => v + 0.2 * (rng.next() - 0.5))));
    expect(checkGram(noisy).psd).toBe(false);
    expect(checkGram(clipToPsd(noisy)).psd).toBe(true);
  });
});

describe("centreKernel", () => {
  it("for a linear kernel equals the Gram matrix of mean-centred features", () => {
    const X = randomPoints(7, 3, 4);
    const linearGram = (P: number[][]) =>
      P.map((a) => P.map((b) => a.reduce((s, ak, k) => s + ak * b[k], 0)));
    const mean = [0, 1, 2].map((k) => X.reduce((s, x) => s + x[k], 0) / X.length);
    const centred = linearGram(X.map((x) => x.map((v, k) => v - mean[k])));
    centreKernel(linearGram(X)).forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(centred[i][j], 12)),
    );
  });

  it("has zero row and column sums", () => {
    const C = centreKernel(fidelityGram(randomPoints(9, 2, 5)));
    C.forEach((row) => expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12));
    C[0].forEach((_, j) => expect(C.reduce((s, row) => s + row[j], 0)).toBeCloseTo(0, 12));
  });
});

describe("kernel-target alignment", () => {
  const y = [1, 1, -1, -1, 1];
  const ideal = y.map((a) => y.map((b) => a * b));

  it("is 1 for the ideal kernel y yᵀ, −1 for its negative and 1/√n for the identity", () => {
    expect(kernelTargetAlignment(ideal, y)).toBeCloseTo(1, 15);
    expect(
      kernelTargetAlignment(
        ideal.map((r) => r.map((v) => -v)),
        y,
      ),
    ).toBeCloseTo(-1, 15);
    const identity = y.map((_, i) => y.map((__, j) => (i === j ? 1 : 0)));
    expect(kernelTargetAlignment(identity, y)).toBeCloseTo(1 / Math.sqrt(5), 15);
  });

  it("centring discounts a constant offset that the plain alignment rewards", () => {
    // An all-ones kernel separates nothing; plain alignment still gives (Σy)²/n² = 1/25,
    // centred alignment gives 0 (the centred kernel is zero).
    const ones = y.map(() => y.map(() => 1));
    expect(kernelTargetAlignment(ones, y)).toBeCloseTo(1 / 25, 15);
    expect(kernelTargetAlignment(ones, y, { centred: true })).toBe(0);
    // Adding a constant to a good kernel lowers the plain alignment but not the centred one.
    const shifted = ideal.map((r) => r.map((v) => v + 3));
    expect(kernelTargetAlignment(shifted, y)).toBeLessThan(0.5);
    expect(kernelTargetAlignment(shifted, y, { centred: true })).toBeCloseTo(1, 12);
  });

  it("is symmetric in its arguments and checks labels", () => {
    const K = fidelityGram(randomPoints(5, 2, 6));
    expect(alignment(K, ideal)).toBeCloseTo(alignment(ideal, K), 15);
    expect(() => kernelTargetAlignment(K, [1, 0, 1, -1, 1])).toThrow(/label 1 is 0/);
    expect(() => kernelTargetAlignment(K, [1, -1])).toThrow(/2 labels for a 5×5/);
  });
});

describe("offDiagonalStats (kernel concentration)", () => {
  it("are the mean and population variance of the entries above the diagonal", () => {
    const K = [
      [1, 0.2, 0.4],
      [0.2, 1, 0.9],
      [0.4, 0.9, 1],
    ];
    const { mean, variance } = offDiagonalStats(K);
    expect(mean).toBeCloseTo(0.5, 15);
    expect(variance).toBeCloseTo((0.09 + 0.01 + 0.16) / 3, 15);
  });

  it("shrink as the fidelity kernel of random product states spreads over more qubits", () => {
    // For uniformly random angles each factor cos²(Δ/2) has mean 1/2: K_ij → 2^−d.
    const stats = [1, 4, 8].map((d) => offDiagonalStats(fidelityGram(randomPoints(40, d, 7))));
    expect(stats[1].variance).toBeLessThan(stats[0].variance);
    expect(stats[2].variance).toBeLessThan(stats[1].variance / 4);
    expect(stats[2].mean).toBeLessThan(0.05);
    expect(() => offDiagonalStats([[1]])).toThrow(/no off-diagonal/);
  });
});

describe("kernelSpectrum and orderByLabel", () => {
  it("the spectrum of a diagonal matrix is its diagonal, largest first", () => {
    expect(
      kernelSpectrum([
        [2, 0, 0],
        [0, 5, 0],
        [0, 0, 1],
      ]),
    ).toEqual([5, 2, 1]);
  });

  it("puts class +1 first, keeping the original order within each class", () => {
    const K = [
      [1, 0.1, 0.2],
      [0.1, 1, 0.3],
      [0.2, 0.3, 1],
    ];
    const ordered = orderByLabel(K, [-1, 1, -1]);
    expect(ordered.order).toEqual([1, 0, 2]);
    expect(ordered.labels).toEqual([1, -1, -1]);
    expect(ordered.matrix).toEqual([
      [1, 0.1, 0.3],
      [0.1, 1, 0.2],
      [0.3, 0.2, 1],
    ]);
  });
});
