import { describe, expect, it } from "vitest";

import { runExperiment } from "@/lib/qml/experiments/run";

import { circuitCell, experimentCell, lessonText } from "../../../support/course-cells";

/** The numbers the quantum-neural-networks lesson's prose states about its cells. */
const STEM = "07-quantum-neural-networks";

const expectation = (stem: string, cell: string, observable: string) =>
  circuitCell(stem, cell).expectations.find((e) => e.observable.replace(/\s/g, "") === observable)!
    .value;

/** The text of an experiment cell of the lesson, by id. */
function cellText(id: string): string {
  const match = new RegExp("```experiment \\{#" + id + "[^}]*\\}\\n([\\s\\S]*?)```").exec(
    lessonText(STEM),
  );
  if (!match) throw new Error(`no experiment cell ${id}`);
  return match[1];
}

describe(`${STEM}: the numbers the prose states`, () => {
  it("⟨Z⟩ from counts at θ = 1: exact cos 1 ≈ 0.540, P(0) ≈ 0.770, about 789 zeros in 1024", () => {
    const result = circuitCell(STEM, "qnn-expectation-from-counts");
    expect(result.expectations[0].value).toBeCloseTo(Math.cos(1), 10);
    expect(Math.cos(0.5) ** 2).toBeCloseTo(0.77, 2);
    expect(1024 * Math.cos(0.5) ** 2).toBeCloseTo(789, 0);
    const n0 = result.counts!["0"];
    const estimate = (2 * n0 - 1024) / 1024;
    // "typically within ±0.03": the standard error is sqrt((1 - cos²1)/1024) ≈ 0.026
    expect(Math.abs(estimate - Math.cos(1))).toBeLessThan(4 * 0.026);
  });

  it("the untrained tiny classifier gets every point wrong: -0.77, -0.79, +0.72, +0.67, score -0.74", () => {
    const outputs = ["Z1", "Z3", "Z5", "Z7"].map((z) => expectation(STEM, "qnn-classifier", z));
    expect(outputs[0]).toBeCloseTo(-0.77, 2);
    expect(outputs[1]).toBeCloseTo(-0.79, 2);
    expect(outputs[2]).toBeCloseTo(0.72, 2);
    expect(outputs[3]).toBeCloseTo(0.67, 2);
    const score = circuitCell(STEM, "qnn-classifier").expectations.at(-1)!.value;
    expect(score).toBeCloseTo(-0.74, 2);
  });

  it("the classifier's best score is about 0.745 near θ ≈ (0.16, 3.17); θ0 = π gives 0.736", () => {
    const points = [
      [0.3, 2.5, 1],
      [2.6, 0.4, 1],
      [0.5, 0.6, -1],
      [2.4, 2.7, -1],
    ];
    const score = (t0: number, t1: number) =>
      points.reduce((s, [a, b, y]) => s + (y * Math.cos(a + t0) * Math.cos(b + t1)) / 4, 0);
    let best = { value: -Infinity, t0: 0, t1: 0 };
    for (let i = 0; i <= 400; i++) {
      for (let j = 0; j <= 400; j++) {
        const t0 = (2 * Math.PI * i) / 400;
        const t1 = (2 * Math.PI * j) / 400;
        const value = score(t0, t1);
        if (value > best.value) best = { value, t0, t1 };
      }
    }
    expect(best.value).toBeCloseTo(0.745, 3);
    expect(score(0.16, 3.17)).toBeCloseTo(0.745, 2);
    expect(score(Math.PI, 0)).toBeCloseTo(0.736, 3);
  });

  it("the parameter shift at θ = 1 gives -0.841, equal to the exact derivative -sin 1", () => {
    const result = circuitCell(STEM, "qnn-parameter-shift");
    const [f, shift, exact] = result.expectations.map((e) => e.value);
    expect(f).toBeCloseTo(0.54, 3);
    expect(shift).toBeCloseTo(-Math.sin(1), 10);
    expect(exact).toBeCloseTo(-Math.sin(1), 10);
    expect(shift).toBeCloseTo(-0.841, 3);
  });

  describe("parity", () => {
    const result = experimentCell(STEM, "qnn-train-parity");

    it("holds out 4 of the 16 strings; starts with every string wrong", () => {
      expect(result.dataset).toMatchObject({ train: 12, test: 4 });
      expect(result.history[0]).toMatchObject({ trainAccuracy: 0, testAccuracy: 0 });
    });

    it("ends with every training and held-out string right, loss about 0.02", () => {
      expect(result.metrics.trainAccuracy).toBe(1);
      expect(result.metrics.testAccuracy).toBe(1);
      expect(result.metrics.loss).toBeGreaterThan(0.005);
      expect(result.metrics.loss).toBeLessThan(0.04);
    });

    it("both baselines get all 4 held-out strings wrong", () => {
      expect(result.baselines).toHaveLength(2);
      for (const baseline of result.baselines!) expect(baseline.testAccuracy).toBe(0);
    });

    it("with init scale 0.5 the loss stalls near 1", () => {
      const stalled = runExperiment(
        cellText("qnn-train-parity").replace("scale: 1.5", "scale: 0.5"),
      );
      expect(stalled.metrics.loss).toBeGreaterThan(0.9);
    });
  });

  describe("Iris", () => {
    it("about 93 % on the 30 test flowers and the 70 training ones; both baselines about 97 %", () => {
      const result = experimentCell(STEM, "qnn-train-iris");
      expect(result.dataset).toMatchObject({ train: 70, test: 30 });
      expect(result.metrics.testAccuracy).toBeCloseTo(28 / 30, 5);
      expect(result.metrics.trainAccuracy).toBeCloseTo(65 / 70, 5);
      for (const baseline of result.baselines!) {
        expect(baseline.testAccuracy).toBeCloseTo(29 / 30, 5);
      }
      expect(result.decision).toBeDefined();
    });

    it("the exercise's starter gets about 87 % of the test flowers", () => {
      expect(experimentCell(STEM, "qnn-exercise-iris").metrics.testAccuracy).toBeCloseTo(
        26 / 30,
        5,
      );
    });

    it("its solution: 40 steps reach about 97 % test and 90 % train with seed 11; 20 steps about 87 %", () => {
      const starter = cellText("qnn-exercise-iris");
      const forty = runExperiment(starter.replace("steps: 5", "steps: 40"), { seed: 11 });
      expect(forty.metrics.testAccuracy).toBeCloseTo(29 / 30, 5);
      expect(forty.metrics.trainAccuracy).toBeCloseTo(0.9, 1);
      const twenty = runExperiment(starter.replace("steps: 5", "steps: 20"), { seed: 11 });
      expect(twenty.metrics.testAccuracy).toBeCloseTo(26 / 30, 5);
    });

    it("the lesson's two-layer model reaches about 97 % with the check's seed 11", () => {
      expect(experimentCell(STEM, "qnn-train-iris", 11).metrics.testAccuracy).toBeCloseTo(
        29 / 30,
        5,
      );
    });
  });

  describe("barren plateaus", () => {
    it("the global toy's nine fixed cosines multiply to about 0.05, near the typical 2^-4.5 ≈ 0.044", () => {
      const result = circuitCell(STEM, "qnn-global-cost");
      const [local, global] = result.expectations.map((e) => e.value);
      expect(local).toBeCloseTo(Math.cos(0.5), 10);
      const product = global / local;
      expect(product).toBeCloseTo(0.05, 2);
      expect(2 ** -4.5).toBeCloseTo(0.044, 3);
      expect(product / 2 ** -4.5).toBeGreaterThan(0.8);
      expect(product / 2 ** -4.5).toBeLessThan(1.25);
    });

    it("the global cost's gradient variance: 0.21 at 2 qubits to 0.005 at 8, slope about -0.62", () => {
      const { plateau } = experimentCell(STEM, "qnn-plateau-variance");
      const variance = (k: number) => plateau!.points.find((p) => p.qubits === k)!.variance;
      expect(variance(2)).toBeCloseTo(0.21, 1);
      expect(variance(8)).toBeCloseTo(0.005, 2);
      expect(plateau!.fit!.rate).toBeCloseTo(-0.62, 1);
      expect(Math.exp(-plateau!.fit!.rate)).toBeCloseTo(1.9, 1);
    });

    it("the local cost's variance stays near 0.2 at every width", () => {
      const local = runExperiment(
        cellText("qnn-plateau-variance").replace("observable: global", "observable: local"),
      );
      for (const point of local.plateau!.points) {
        expect(point.variance).toBeGreaterThan(0.15);
        expect(point.variance).toBeLessThan(0.25);
      }
    });
  });
});
