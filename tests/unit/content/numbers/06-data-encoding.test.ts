import { describe, expect, it } from "vitest";

import { circuitCell, experimentCell } from "../../../support/course-cells";

/** The numbers the data-encoding lesson's prose states about its cells. */
const STEM = "06-data-encoding";

/**
 * Fourier amplitudes of samples over one period: the constant a0, then √(a_k² + b_k²) for
 * k = 1, 2, 3, by projecting onto cos kx and sin kx (the last sample repeats the first).
 */
function spectrum(xs: readonly number[], ys: readonly number[]): number[] {
  const n = xs.length - 1;
  const mean = (f: (x: number) => number) =>
    xs.slice(0, n).reduce((sum, x, i) => sum + ys[i] * f(x), 0) / n;
  return [
    mean(() => 1),
    ...[1, 2, 3].map((k) =>
      Math.hypot(2 * mean((x) => Math.cos(k * x)), 2 * mean((x) => Math.sin(k * x))),
    ),
  ];
}

function scanned(cell: string): number[] {
  const result = experimentCell(STEM, cell);
  const landscape = result.landscape!;
  const xs = landscape.axes[0].values;
  return spectrum(xs, landscape.values as number[]);
}

describe(`${STEM}: the numbers the prose states`, () => {
  it("basis encoding of 6: every shot gives 110", () => {
    expect(Object.keys(circuitCell(STEM, "encoding-basis").counts!)).toEqual(["110"]);
  });

  it("angle encoding at π/3 and 2π/3: P(10) = 0.5625, P(00) = P(11) = 0.1875, P(01) = 0.0625", () => {
    const p = circuitCell(STEM, "encoding-angle").probabilities;
    // the sliders' defaults are π/3 and 2π/3 to four decimals
    expect(p["10"]).toBeCloseTo(0.5625, 4);
    expect(p["00"]).toBeCloseTo(0.1875, 4);
    expect(p["11"]).toBeCloseTo(0.1875, 4);
    expect(p["01"]).toBeCloseTo(0.0625, 4);
  });

  it("amplitude encoding of (1, 2, 3, 4): the state (1, 2, 3, 4)/√30", () => {
    const amplitudes = circuitCell(STEM, "encoding-amplitude").statevector!;
    [1, 2, 3, 4].forEach((v, k) => {
      expect(amplitudes[k][0]).toBeCloseTo(v / Math.sqrt(30), 4);
      expect(amplitudes[k][1]).toBeCloseTo(0, 10);
    });
    expect(1 / Math.sqrt(30)).toBeCloseTo(0.1826, 4);
  });

  describe("re-uploading, trained", () => {
    const single = experimentCell(STEM, "encoding-train-single");
    const twice = experimentCell(STEM, "encoding-train-reupload");

    it("holds out 20 of 80 points", () => {
      expect(single.dataset).toMatchObject({ train: 60, test: 20 });
    });

    it("one upload: about 65 % held out, 75 % training, loss near 0.62", () => {
      expect(single.metrics.testAccuracy).toBeCloseTo(13 / 20, 5);
      expect(single.metrics.trainAccuracy).toBeCloseTo(45 / 60, 5);
      expect(single.metrics.loss).toBeCloseTo(0.62, 1);
    });

    it("two uploads: about 85 % held out, 83 % training, loss about 0.48", () => {
      expect(twice.metrics.testAccuracy).toBeCloseTo(17 / 20, 5);
      expect(twice.metrics.trainAccuracy).toBeCloseTo(50 / 60, 5);
      expect(twice.metrics.loss).toBeCloseTo(0.48, 1);
      expect(twice.metrics.testAccuracy).toBeGreaterThan(single.metrics.testAccuracy);
    });

    it("the RBF-kernel SVM gets all 20 held-out points", () => {
      expect(single.baselines![0].testAccuracy).toBe(1);
      expect(twice.baselines![0].testAccuracy).toBe(1);
    });
  });

  describe("the Fourier view", () => {
    it("one upload: a pure frequency-1 sinusoid of amplitude about 0.70, no constant", () => {
      const [a0, a1, a2, a3] = scanned("encoding-fourier-one");
      // the grid runs over ±3.14159, not exactly ±π: leakage below 1e-5
      expect(a0).toBeCloseTo(0, 4);
      expect(a1).toBeCloseTo(0.7, 2);
      expect(a2).toBeCloseTo(0, 4);
      expect(a3).toBeCloseTo(0, 4);
    });

    it("two uploads: constant about -0.27, frequency 1 about 0.70, frequency 2 about 0.42, no 3", () => {
      const [a0, a1, a2, a3] = scanned("encoding-fourier-two");
      expect(a0).toBeCloseTo(-0.27, 2);
      expect(a1).toBeCloseTo(0.7, 2);
      expect(a2).toBeCloseTo(0.42, 2);
      expect(a3).toBeCloseTo(0, 4);
    });
  });
});
