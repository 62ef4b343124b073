import { describe, expect, it } from "vitest";
import { fitSvm, svmDecision, svmDecisions, type SvmModel } from "@/lib/qml/svm";
import { createRng } from "@/lib/quantum/sample";
import { biasInterval, dualObjective, enumerateDual, projectedGradientDual } from "./svm-reference";

type Kernel = (a: readonly number[], b: readonly number[]) => number;
const rbf =
  (gamma: number): Kernel =>
  (a, b) =>
    Math.exp(-gamma * a.reduce((s, ai, k) => s + (ai - b[k]) ** 2, 0));
const linear: Kernel = (a, b) => a.reduce((s, ai, k) => s + ai * b[k], 0);
/** Fidelity kernel of the angle-encoded product state ⊗_k RY(x_k)|0⟩: Π cos²((x_k − x'_k)/2). */
const fidelity: Kernel = (a, b) => a.reduce((p, ai, k) => p * Math.cos((ai - b[k]) / 2) ** 2, 1);

function gram(points: number[][], kernel: Kernel, others = points): number[][] {
  return others.map((a) => points.map((b) => kernel(a, b)));
}

/** Random points in [−1, 1]^d labelled by a noisy tilted line, both classes guaranteed. */
function dataset(n: number, d: number, seed: number, flip = 0.15): { x: number[][]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => 2 * rng.next() - 1));
  const y = x.map((p) => {
    const side = p[0] + 0.5 * (p[1] ?? 0) > 0.1 ? 1 : -1;
    return rng.next() < flip ? -side : side;
  });
  y[0] = 1;
  y[1] = -1;
  return { x, y };
}

/** Checks the KKT conditions of the dual directly from the returned model. */
function expectKkt(K: number[][], y: number[], model: SvmModel, tol: number): void {
  const { alphas, bias, C } = model;
  expect(Math.abs(alphas.reduce((s, a, i) => s + a * y[i], 0))).toBeLessThan(1e-10);
  alphas.forEach((a, i) => {
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThanOrEqual(C);
    const f = svmDecision(model, K[i]);
    const margin = y[i] * f;
    if (a === 0) expect(margin).toBeGreaterThanOrEqual(1 - tol);
    else if (a === C) expect(margin).toBeLessThanOrEqual(1 + tol);
    else expect(margin).toBeCloseTo(1, -Math.log10(tol) - 0.5);
  });
  expect(Number.isFinite(bias)).toBe(true);
}

describe("SMO against exhaustive active-set enumeration (n ≤ 8)", () => {
  const cases = [
    { name: "RBF γ = 1", kernel: rbf(1), n: 8, C: 1, seed: 1 },
    { name: "RBF γ = 3, C = 10", kernel: rbf(3), n: 8, C: 10, seed: 2 },
    { name: "RBF γ = 0.5, C = 0.3", kernel: rbf(0.5), n: 7, C: 0.3, seed: 3 },
    { name: "fidelity kernel, C = 2", kernel: fidelity, n: 8, C: 2, seed: 4 },
    { name: "fidelity kernel, C = 100", kernel: fidelity, n: 6, C: 100, seed: 5 },
  ];
  for (const { name, kernel, n, C, seed } of cases) {
    it(`${name}: same alphas, objective, bias and decisions`, () => {
      const { x, y } = dataset(n, 2, seed);
      const K = gram(x, kernel);
      const model = fitSvm(K, y, { C });
      const reference = enumerateDual(K, y, C);
      expect(model.converged).toBe(true);
      expect(model.kktGap).toBeLessThan(1e-6);
      expect(model.objective).toBeCloseTo(reference.objective, 6);
      expect(model.objective).toBeCloseTo(dualObjective(K, y, model.alphas), 10);
      model.alphas.forEach((a, i) => expect(a).toBeCloseTo(reference.alphas[i], 5));
      expect(model.bias).toBeGreaterThanOrEqual(reference.bias.lo - 1e-6);
      expect(model.bias).toBeLessThanOrEqual(reference.bias.hi + 1e-6);
      expectKkt(K, y, model, 1e-5);

      // New points: decision values from their kernel rows against the training set.
      const fresh = dataset(20, 2, seed + 100).x;
      const rows = gram(x, kernel, fresh);
      const b = (reference.bias.lo + reference.bias.hi) / 2;
      const expected = rows.map((row) =>
        row.reduce((s, k, i) => s + reference.alphas[i] * y[i] * k, b),
      );
      const ours = svmDecisions(model, rows);
      ours.forEach((f, i) => {
        expect(f).toBeCloseTo(expected[i], 5);
        if (Math.abs(expected[i]) > 1e-4) expect(Math.sign(f)).toBe(Math.sign(expected[i]));
      });
    });
  }

  it("a singular (linear) kernel: the dual optimum is not unique, but its value and f are", () => {
    const { x, y } = dataset(8, 2, 6);
    const K = gram(x, linear); // rank 2 for 8 points
    const model = fitSvm(K, y, { C: 1 });
    const reference = enumerateDual(K, y, 1);
    expect(model.objective).toBeCloseTo(reference.objective, 6);
    // The primal w = Σ α_i y_i x_i is unique.
    const w = (alphas: readonly number[]) =>
      [0, 1].map((k) => alphas.reduce((s, a, i) => s + a * y[i] * x[i][k], 0));
    w(model.alphas).forEach((wk, k) => expect(wk).toBeCloseTo(w(reference.alphas)[k], 5));
  });
});

describe("SMO against a projected-gradient (FISTA) solver on larger sets", () => {
  for (const [kernelName, kernel] of [
    ["RBF", rbf(2)],
    ["fidelity", fidelity],
  ] as const) {
    it(`${kernelName} kernel, n = 40, 3 features`, () => {
      const { x, y } = dataset(40, 3, 11);
      const K = gram(x, kernel);
      const C = 5;
      const model = fitSvm(K, y, { C });
      const reference = projectedGradientDual(K, y, C);
      expect(model.converged).toBe(true);
      expect(model.objective).toBeCloseTo(reference.objective, 6);
      // No spurious objective advantage either way: SMO is at least as good, to rounding.
      expect(model.objective).toBeLessThanOrEqual(reference.objective + 1e-9);
      expectKkt(K, y, model, 1e-5);
      const fresh = dataset(30, 3, 12).x;
      const rows = gram(x, kernel, fresh);
      const b = (reference.bias.lo + reference.bias.hi) / 2;
      svmDecisions(model, rows).forEach((f, i) => {
        const expected = rows[i].reduce((s, k, j) => s + reference.alphas[j] * y[j] * k, b);
        expect(f).toBeCloseTo(expected, 4);
      });
    });
  }
});

describe("behaviour", () => {
  it("separable data with a large C are classified perfectly", () => {
    const { x, y } = dataset(60, 2, 21, 0);
    const K = gram(x, rbf(1));
    const model = fitSvm(K, y, { C: 1e4 });
    expect(model.converged).toBe(true);
    const predictions = svmDecisions(model, K).map((f) => (f >= 0 ? 1 : -1));
    expect(predictions).toEqual(y);
    // Hard-margin regime: every training point on or outside the margin.
    K.forEach((row, i) => expect(y[i] * svmDecision(model, row)).toBeGreaterThan(1 - 1e-5));
  });

  it("a small C makes (almost) every point a support vector, a large C only a few", () => {
    const { x, y } = dataset(60, 2, 22, 0);
    const K = gram(x, rbf(1));
    const soft = fitSvm(K, y, { C: 1e-3 });
    const hard = fitSvm(K, y, { C: 1e3 });
    expect(soft.supportVectors.length).toBeGreaterThanOrEqual(54);
    expect(hard.supportVectors.length).toBeLessThan(soft.supportVectors.length / 2);
    expect(soft.supportVectors).toEqual(soft.alphas.flatMap((a, i) => (a > 0 ? [i] : [])));
  });

  it("stops at the KKT tolerance asked for", () => {
    const { x, y } = dataset(50, 2, 23);
    const K = gram(x, rbf(1));
    const loose = fitSvm(K, y, { C: 1, tolerance: 1e-2 });
    const tight = fitSvm(K, y, { C: 1 });
    expect(loose.kktGap).toBeLessThan(1e-2);
    expect(tight.kktGap).toBeLessThan(1e-6);
    expect(tight.iterations).toBeGreaterThan(loose.iterations);
    const capped = fitSvm(K, y, { C: 1, maxIterations: 3 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(3);
  });

  it("uses the bias interval's midpoint when no alpha is free (LIBSVM's rule)", () => {
    const { x, y } = dataset(30, 2, 24);
    const K = gram(x, rbf(1));
    const model = fitSvm(K, y, { C: 1e-3 });
    const free = model.alphas.filter((a) => a > 0 && a < model.C);
    if (free.length === 0) {
      const { lo, hi } = biasInterval(K, y, model.alphas, model.C, 0);
      expect(model.bias).toBeCloseTo((lo + hi) / 2, 8);
    } else {
      expect(model.bias).toBeCloseTo(biasInterval(K, y, model.alphas, model.C, 0).lo, 6);
    }
  });

  it("is deterministic", () => {
    const { x, y } = dataset(30, 2, 25);
    const K = gram(x, fidelity);
    expect(fitSvm(K, y, { C: 1 })).toEqual(fitSvm(K, y, { C: 1 }));
  });
});

describe("input checks", () => {
  const K = [
    [1, 0.5],
    [0.5, 1],
  ];
  it("rejects malformed problems with a reason", () => {
    expect(() => fitSvm(K, [1, 1], { C: 1 })).toThrow(/both classes/);
    expect(() => fitSvm(K, [1, 0], { C: 1 })).toThrow(/label 1 is 0/);
    expect(() => fitSvm(K, [1, -1, 1], { C: 1 })).toThrow(/3×3/);
    expect(() => fitSvm(K, [1, -1], { C: 0 })).toThrow(/C must be positive/);
    expect(() =>
      fitSvm(
        [
          [1, 0.5],
          [0.4, 1],
        ],
        [1, -1],
        { C: 1 },
      ),
    ).toThrow(/not symmetric/);
    expect(() =>
      fitSvm(
        [
          [1, NaN],
          [NaN, 1],
        ],
        [1, -1],
        { C: 1 },
      ),
    ).toThrow(/NaN/);
  });
  it("needs one kernel entry per training point for a decision", () => {
    const model = fitSvm(K, [1, -1], { C: 1 });
    expect(() => svmDecision(model, [0.3])).toThrow(/2 entries/);
  });
});
