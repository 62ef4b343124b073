import { describe, expect, it } from "vitest";
import {
  fitLogistic,
  fitRbfSvm,
  gammaScale,
  logisticObjective,
  rbfGram,
  rbfKernel,
  type LabelledSet,
} from "@/lib/qml/baselines";
import { svmDecision } from "@/lib/qml/svm";
import { createRng } from "@/lib/quantum/sample";

/** Two concentric rings (radius 0.5 → −1, radius 1 → +1) with a little noise: not linearly separable. */
function circles(n: number, seed: number): LabelledSet {
  const rng = createRng(seed);
  const features: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const outer = i % 2 === 0;
    const r = (outer ? 1 : 0.5) + 0.08 * (rng.next() - 0.5);
    const t = 2 * Math.PI * rng.next();
    features.push([r * Math.cos(t), r * Math.sin(t)]);
    labels.push(outer ? 1 : -1);
  }
  return { features, labels };
}

/** Two Gaussian-ish blobs around (±1, ±0.5), labels 0/1, overlapping slightly. */
function blobs(n: number, seed: number): LabelledSet {
  const rng = createRng(seed);
  const features: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const s = cls ? 1 : -1;
    features.push([s + 1.2 * (rng.next() - 0.5) * 2, 0.5 * s + (rng.next() - 0.5) * 2]);
    labels.push(cls);
  }
  return { features, labels };
}

describe("gamma = 'scale'", () => {
  it("is 1 / (n_features · Var(X)) over all entries, as scikit-learn computes it", () => {
    const X = [
      [1, 2],
      [3, 4],
      [5, 10],
    ];
    const entries = X.flat();
    const mean = entries.reduce((s, v) => s + v, 0) / entries.length;
    const variance = entries.reduce((s, v) => s + (v - mean) ** 2, 0) / entries.length;
    expect(gammaScale(X)).toBeCloseTo(1 / (2 * variance), 15);
    // By hand: mean 25/6, E[x²] = 155/6, population variance 155/6 − 625/36 = 305/36.
    expect(gammaScale(X)).toBeCloseTo(18 / 305, 15);
    expect(
      gammaScale([
        [2, 2],
        [2, 2],
      ]),
    ).toBe(1);
  });
});

describe("RBF-kernel SVM baseline", () => {
  const train = circles(80, 1);
  const test = circles(40, 2);

  it("separates two rings that no line can, with a decision usable for heat maps", () => {
    const fit = fitRbfSvm(train, test);
    expect(fit.name).toBe("rbf-svm");
    expect(fit.gamma).toBeCloseTo(gammaScale(train.features), 15);
    expect(fit.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(fit.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(fit.model.converged).toBe(true);
    // The centre lies inside the inner ring (class −1); the score rises towards the outer ring.
    expect(fit.decision([0, 0])).toBeLessThan(0);
    expect(fit.decision([0.3, 0.5])).toBeLessThan(fit.decision([0.7, 0.7]));
  });

  it("its decision is the SVM's on RBF kernel rows, and its accuracies count sign agreements", () => {
    const fit = fitRbfSvm(train, test, { C: 3, gamma: 2 });
    expect(fit.gamma).toBe(2);
    const rows = rbfGram(test.features, train.features, 2);
    test.features.forEach((x, i) => {
      expect(fit.decision(x)).toBeCloseTo(svmDecision(fit.model, rows[i]), 14);
    });
    const right = test.features.filter(
      (x, i) => (fit.decision(x) >= 0 ? 1 : -1) === test.labels[i],
    );
    expect(fit.testAccuracy).toBe(right.length / test.features.length);
    expect(rbfKernel([0, 0], [1, 1], 0.5)).toBeCloseTo(Math.exp(-1), 15);
  });

  it("an empty test set gives NaN test accuracy, not a made-up number", () => {
    expect(fitRbfSvm(train, { features: [], labels: [] }).testAccuracy).toBeNaN();
  });
});

describe("logistic regression baseline", () => {
  it("converges to a stationary point of J (checked by finite differences)", () => {
    const train = blobs(60, 3);
    const fit = fitLogistic(train, blobs(30, 4), { C: 0.7 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(25);
    const y = train.labels.map((l) => (l === 1 ? 1 : -1));
    const theta = [...fit.weights, fit.bias];
    const J = (t: number[]) => logisticObjective(t, train.features, y, 0.7);
    expect(J(theta)).toBeCloseTo(fit.objective, 12);
    const h = 1e-5;
    theta.forEach((_, k) => {
      const up = theta.map((t, i) => (i === k ? t + h : t));
      const down = theta.map((t, i) => (i === k ? t - h : t));
      expect((J(up) - J(down)) / (2 * h)).toBeCloseTo(0, 6);
      // And a minimum, not a saddle: moving either way costs.
      expect(J(up)).toBeGreaterThan(J(theta));
      expect(J(down)).toBeGreaterThan(J(theta));
    });
    expect(fit.trainAccuracy).toBeGreaterThan(0.85);
    expect(fit.testAccuracy).toBeGreaterThan(0.8);
  });

  it("solves a case known in closed form: x = ±1 labelled by sign, where w = 2C σ(−w), b = 0", () => {
    const C = 1.5;
    const fit = fitLogistic(
      { features: [[1], [-1]], labels: [1, -1] },
      { features: [], labels: [] },
      { C },
    );
    // Stationarity ∂J/∂w = w − 2C σ(−w) = 0, solved here by bisection.
    let lo = 0;
    let hi = 10;
    for (let k = 0; k < 200; k++) {
      const mid = (lo + hi) / 2;
      if (mid - (2 * C) / (1 + Math.exp(mid)) < 0) lo = mid;
      else hi = mid;
    }
    expect(fit.weights[0]).toBeCloseTo(lo, 12);
    expect(fit.bias).toBeCloseTo(0, 12);
    expect(fit.probability([1])).toBeCloseTo(1 / (1 + Math.exp(-lo)), 12);
  });

  it("separable data stay finite thanks to the L2 term, and stronger C means larger weights", () => {
    const data: LabelledSet = { features: [[-2], [-1], [1], [2]], labels: [-1, -1, 1, 1] };
    const weak = fitLogistic(data, data, { C: 0.1 });
    const strong = fitLogistic(data, data, { C: 100 });
    expect(strong.converged && weak.converged).toBe(true);
    expect(Math.abs(strong.weights[0])).toBeGreaterThan(Math.abs(weak.weights[0]));
    expect(strong.trainAccuracy).toBe(1);
  });

  it("cannot separate the rings (the point of the RBF baseline)", () => {
    const fit = fitLogistic(circles(80, 1), circles(40, 2));
    expect(fit.converged).toBe(true);
    expect(fit.testAccuracy).toBeLessThan(0.75);
  });

  it("rejects mismatched data", () => {
    const train: LabelledSet = {
      features: [
        [0, 1],
        [1, 0],
      ],
      labels: [1, -1],
    };
    expect(() => fitLogistic(train, { features: [[1]], labels: [1] })).toThrow(/1 features/);
    expect(() => fitLogistic({ features: [[0]], labels: [1, -1] }, train)).toThrow(
      /1 samples but 2 labels/,
    );
    expect(() => fitRbfSvm(train, train, { gamma: -1 })).toThrow(/gamma/);
  });
});
