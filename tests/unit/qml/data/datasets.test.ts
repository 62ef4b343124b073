import { describe, expect, it } from "vitest";
import {
  adHocModel,
  DatasetError,
  fitMinMax,
  fitStandard,
  listDatasets,
  loadDataset,
  scaleSplit,
  splitDataset,
} from "@/lib/qml/data";

const counts = (labels: number[], k: number) =>
  Array.from({ length: k }, (_, c) => labels.filter((l) => l === c).length);

describe("the data-set registry", () => {
  it("lists every set with a licence and a provenance, and loads each with consistent shapes", () => {
    const infos = listDatasets();
    expect(infos.map((d) => d.id)).toEqual([
      "parity",
      "iris",
      "moons",
      "circles",
      "blobs",
      "ad-hoc",
    ]);
    for (const info of infos) {
      expect(info.licence.length).toBeGreaterThan(10);
      expect(info.provenance.length).toBeGreaterThan(10);
      const data = loadDataset(info.id);
      expect(data.task).toBe("classification");
      expect(data.licence).toBe(info.licence);
      expect(data.features.length).toBe(data.labels.length);
      for (const row of data.features) {
        expect(row).toHaveLength(data.featureNames.length);
        for (const x of row) expect(Number.isFinite(x)).toBe(true);
      }
      for (const l of data.labels) expect(l >= 0 && l < data.classNames.length).toBe(true);
    }
  });

  it("rejects unknown sets and options a set does not read", () => {
    expect(() => loadDataset("mnist")).toThrow(DatasetError);
    expect(() => loadDataset("iris", { noise: 0.1 })).toThrow(/does not take the option "noise"/);
    expect(() => loadDataset("parity", { bits: 7 })).toThrow(/bits/);
    expect(() => loadDataset("iris", { classes: ["setosa", "rose"] })).toThrow(/no class "rose"/);
    expect(() => loadDataset("iris", { features: [0, 4] })).toThrow(/feature 4 does not exist/);
  });
});

describe("parity", () => {
  it("holds every bit string once, labelled by its parity, for n = 2…6", () => {
    for (let n = 2; n <= 6; n++) {
      const data = loadDataset("parity", { bits: n });
      expect(data.features).toHaveLength(2 ** n);
      const keys = new Set(data.features.map((r) => r.join("")));
      expect(keys.size).toBe(2 ** n);
      data.features.forEach((row, i) => {
        expect(data.labels[i]).toBe(row.filter((b) => b === 1).length % 2);
      });
      expect(counts(data.labels, 2)).toEqual([2 ** (n - 1), 2 ** (n - 1)]);
    }
  });
});

describe("iris", () => {
  it("is Fisher's table: 150 rows, 50 per species, the known column sums and samples 35 and 38", () => {
    const data = loadDataset("iris");
    expect(data.features).toHaveLength(150);
    expect(counts(data.labels, 3)).toEqual([50, 50, 50]);
    const sums = [0, 1, 2, 3].map((j) => data.features.reduce((a, r) => a + r[j], 0));
    // Column sums of R's `iris` (Fisher's values).
    [876.5, 458.6, 563.7, 179.9].forEach((s, j) => expect(sums[j]).toBeCloseTo(s, 6));
    expect(data.features[34]).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(data.features[37]).toEqual([4.9, 3.6, 1.4, 0.1]);
  });

  it("selects a class pair (relabelled 0/1 in the order given) and features", () => {
    const data = loadDataset("iris", { classes: ["virginica", "versicolor"], features: [2, 3] });
    expect(data.classNames).toEqual(["virginica", "versicolor"]);
    expect(data.featureNames).toEqual(["petal length (cm)", "petal width (cm)"]);
    expect(data.features).toHaveLength(100);
    expect(counts(data.labels, 2)).toEqual([50, 50]);
    // The first virginica flower in Fisher's table is row 101: 6.3 3.3 6.0 2.5.
    const first = data.labels.indexOf(0);
    expect(data.features[first]).toEqual([6.0, 2.5]);
  });
});

describe("moons, circles and blobs", () => {
  it("are deterministic per seed and change with it", () => {
    for (const id of ["moons", "circles", "blobs"]) {
      const a = loadDataset(id, { seed: 3, samples: 60 });
      expect(loadDataset(id, { seed: 3, samples: 60 })).toEqual(a);
      expect(loadDataset(id, { seed: 4, samples: 60 }).features).not.toEqual(a.features);
      expect(counts(a.labels, 2)).toEqual([30, 30]);
    }
  });

  it("lie on their curves without noise, and spread by about the noise with it", () => {
    const moons = loadDataset("moons", { noise: 0, samples: 51 });
    expect(counts(moons.labels, 2)).toEqual([25, 26]);
    moons.features.forEach(([x, y], i) => {
      const r = moons.labels[i] === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(r).toBeCloseTo(1, 12);
      expect(moons.labels[i] === 0 ? y >= -1e-12 : y <= 0.5 + 1e-12).toBe(true);
    });
    const circles = loadDataset("circles", { noise: 0 });
    circles.features.forEach(([x, y], i) =>
      expect(Math.hypot(x, y)).toBeCloseTo(circles.labels[i] === 0 ? 1 : 0.5, 12),
    );
    // With noise σ the radial error has a standard deviation close to σ.
    const noisy = loadDataset("circles", { noise: 0.1, samples: 2000, seed: 9 });
    const errors = noisy.features.map(
      ([x, y], i) => Math.hypot(x, y) - (noisy.labels[i] === 0 ? 1 : 0.5),
    );
    const sd = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });

  it("blobs: centres inside [−10, 10]², one class per centre, spread of the given deviation", () => {
    const data = loadDataset("blobs", { centers: 3, samples: 3000, seed: 1 });
    expect(counts(data.labels, 3)).toEqual([1000, 1000, 1000]);
    for (let c = 0; c < 3; c++) {
      const rows = data.features.filter((_, i) => data.labels[i] === c);
      const mean = [0, 1].map((j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
      for (const m of mean) expect(Math.abs(m)).toBeLessThan(10.2);
      const sd = Math.sqrt(rows.reduce((a, r) => a + (r[0] - mean[0]) ** 2, 0) / rows.length);
      expect(sd).toBeGreaterThan(0.93);
      expect(sd).toBeLessThan(1.07);
    }
  });
});

describe("ad hoc (Havlíček et al.)", () => {
  it("matches a NumPy run of Qiskit's procedure on the same random matrices", () => {
    // Reference values from qiskit_machine_learning's ad_hoc_data code run in NumPy with R₁, R₂
    // taken from createRng(5) (the draws adHocModel(5, n) makes), at three points.
    const reference: [number, number[][], number[]][] = [
      [
        2,
        [
          [0.3, 1.7],
          [5.5, 2.2],
          [3, 3],
        ],
        [0.24585516, -0.08378632, -0.46578747],
      ],
      [
        3,
        [
          [0.3, 1.7, 4.1],
          [5.5, 2.2, 0.9],
          [3, 3, 6],
        ],
        [-0.05319876, 0.40615626, 0.51527015],
      ],
    ];
    for (const [n, points, values] of reference) {
      const model = adHocModel(5, n);
      points.forEach((x, i) => expect(model.expectation(x)).toBeCloseTo(values[i], 8));
    }
  });

  it("labels every sample by the sign of the expectation, outside the gap, balanced", () => {
    const gap = 0.3;
    const data = loadDataset("ad-hoc", { seed: 2, samples: 80, gap });
    const model = adHocModel(2, 2);
    expect(counts(data.labels, 2)).toEqual([40, 40]);
    data.features.forEach((x, i) => {
      const e = model.expectation(x);
      expect(Math.abs(e)).toBeGreaterThan(gap);
      expect(e > 0 ? 0 : 1).toBe(data.labels[i]);
      for (const v of x) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(2 * Math.PI);
        // On the grid 2πk/100.
        expect(
          Math.abs((v * 100) / (2 * Math.PI) - Math.round((v * 100) / (2 * Math.PI))),
        ).toBeLessThan(1e-9);
      }
    });
    expect(loadDataset("ad-hoc", { seed: 2, samples: 80, gap })).toEqual(data);
    expect(() => loadDataset("ad-hoc", { gap: 0.999 })).toThrow(/no grid point/);
  });
});

describe("splitting and scaling", () => {
  it("splits deterministically, stratified, without overlap", () => {
    const data = loadDataset("iris");
    const a = splitDataset(data, { testFraction: 0.2, seed: 5 });
    expect(splitDataset(data, { testFraction: 0.2, seed: 5 })).toEqual(a);
    expect(splitDataset(data, { testFraction: 0.2, seed: 6 }).testIndices).not.toEqual(
      a.testIndices,
    );
    expect(counts(a.test.labels, 3)).toEqual([10, 10, 10]);
    expect(counts(a.train.labels, 3)).toEqual([40, 40, 40]);
    const all = [...a.trainIndices, ...a.testIndices].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 150 }, (_, i) => i));
    a.testIndices.forEach((row, i) => expect(a.test.features[i]).toEqual(data.features[row]));
    const loose = splitDataset(data, { testFraction: 0.2, seed: 5, stratify: false });
    expect(loose.test.labels).toHaveLength(30);
  });

  it("fits min-max and standard scalers on the training part only", () => {
    const split = splitDataset(loadDataset("moons", { samples: 200 }), {
      testFraction: 0.3,
      seed: 1,
    });
    const mm = scaleSplit(split, (train) => fitMinMax(train, [0, Math.PI]));
    for (let j = 0; j < 2; j++) {
      const col = mm.train.features.map((r) => r[j]);
      expect(Math.min(...col)).toBeCloseTo(0, 12);
      expect(Math.max(...col)).toBeCloseTo(Math.PI, 12);
    }
    const scaler = fitMinMax(split.train.features, [-1, 1]);
    expect(scaler.transform([[1e6, 1e6]])[0][0]).toBeGreaterThan(1); // test rows are not clipped
    const st = scaleSplit(split, fitStandard);
    for (let j = 0; j < 2; j++) {
      const col = st.train.features.map((r) => r[j]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const sd = Math.sqrt(col.reduce((a, x) => a + (x - mean) ** 2, 0) / col.length);
      expect(mean).toBeCloseTo(0, 12);
      expect(sd).toBeCloseTo(1, 12);
    }
    // A constant feature maps to the middle of the range.
    expect(fitMinMax([[2], [2]], [0, 1]).transform([[2], [5]])).toEqual([[0.5], [0.5]]);
  });
});
