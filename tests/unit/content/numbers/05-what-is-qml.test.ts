import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, experimentCell, lessonText } from "../../../support/course-cells";

/** The numbers the "what is QML" lesson's prose states, from its cells and its arithmetic. */
const STEM = "05-what-is-qml";

describe(`${STEM}: the numbers the prose states`, () => {
  it("ten qubits after Hadamards: about 647 distinct bitstrings expected in 1024 shots", () => {
    const expected = 1024 * (1 - (1 - 1 / 1024) ** 1024);
    expect(expected).toBeCloseTo(647, 0);
    const result = circuitCell(STEM, "qml-many-amplitudes");
    expect(result.shots).toBe(1024);
    const distinct = Object.keys(result.counts!).length;
    // "roughly 640": the count of distinct outcomes has a standard deviation near 10.
    expect(distinct).toBeGreaterThan(600);
    expect(distinct).toBeLessThan(690);
  });

  it("a probability of 1/1024 to 10 % of its value needs about 1e5 shots", () => {
    const p = 1 / 1024;
    const shots = (1 - p) / (0.1 ** 2 * p);
    expect(shots).toBeGreaterThan(0.9e5);
    expect(shots).toBeLessThan(1.1e5);
    // the relative standard error at that many shots is 10 %
    expect(Math.sqrt((p * (1 - p)) / shots) / p).toBeCloseTo(0.1, 10);
    expect(lessonText(STEM)).toMatch(/10\^5\$ shots/);
  });

  it("errors compound: 100 gates at 0.5 % run clean about 61 % of the time, 1000 under 1 %", () => {
    expect(0.995 ** 100).toBeCloseTo(0.61, 2);
    expect(0.995 ** 1000).toBeLessThan(0.01);
  });

  it("100 noisy CNOTs: about 61 % error-free, P(00) ≈ 0.61 + 0.39/4 ≈ 0.70, others about 10 %", () => {
    const clean = 0.995 ** 100;
    const p00 = clean + (1 - clean) / 4;
    expect(p00).toBeCloseTo(0.7, 2);
    expect((1 - clean) / 4).toBeCloseTo(0.1, 2);
    const result = circuitCell(STEM, "qml-noise-compounds");
    const counts = result.counts!;
    const sigma = Math.sqrt((p00 * (1 - p00)) / result.shots);
    expect(Math.abs(counts["00"] / result.shots - p00)).toBeLessThan(4 * sigma);
    for (const other of ["01", "10", "11"]) {
      expect(counts[other] / result.shots).toBeGreaterThan(0.06);
      expect(counts[other] / result.shots).toBeLessThan(0.14);
    }
    // 1000 CNOTs: nearly flat
    expect(0.995 ** 1000 + (1 - 0.995 ** 1000) / 4).toBeLessThan(0.26);
  });

  it("the first model outputs cos(0.8) ≈ 0.697 at its defaults", () => {
    const result = circuitCell(STEM, "qml-first-model");
    expect(result.expectations[0].value).toBeCloseTo(Math.cos(0.8), 10);
    expect(result.expectations[0].value).toBeCloseTo(0.697, 3);
  });

  describe("the circles experiment", () => {
    const result = experimentCell(STEM, "qml-train-test-circles");
    const baseline = (name: string) => result.baselines!.find((b) => b.name.startsWith(name))!;

    it("holds out 20 of 80 points", () => {
      expect(result.dataset).toMatchObject({ train: 60, test: 20 });
    });

    it("the loss barely moves for about twenty steps, then falls from about 1.2 to about 0.54", () => {
      const losses = result.history.map((h) => h.loss!);
      expect(losses[0]).toBeCloseTo(1.2, 1);
      expect(losses[19]).toBeGreaterThan(1.1);
      expect(result.metrics.loss).toBeCloseTo(0.54, 1);
    });

    it("the quantum model: about 97 % train, 95 % on the held-out points", () => {
      expect(result.metrics.trainAccuracy).toBeCloseTo(58 / 60, 5);
      expect(result.metrics.testAccuracy).toBeCloseTo(19 / 20, 5);
    });

    it("logistic regression is no better than guessing; the RBF-kernel SVM gets every test point", () => {
      expect(baseline("logistic").testAccuracy).toBeCloseTo(0.45, 5);
      expect(baseline("RBF").testAccuracy).toBe(1);
    });
  });

  describe("quantum data", () => {
    const cell = findLessonCells(lessonText(STEM)).find((c) => c.id === "qml-quantum-data")!.source;
    const PROCESSING = "cx q[0], q[1];\nh q[0];\nc = measure q;";
    const run = (source: string, label: number) =>
      simulate(compile(source, { params: { label } }), { shots: 1024, seed: 1 });

    it("with quantum processing every shot reads 00 for label 0 and 01 for label 1", () => {
      expect(circuitCell(STEM, "qml-quantum-data").counts).toEqual({ "00": 1024 });
      expect(run(cell, 0).counts).toEqual({ "00": 1024 });
      expect(run(cell, 1).counts).toEqual({ "01": 1024 });
    });

    it("measured as it arrives, both labels give 00 and 11 about half each, with identical distributions", () => {
      expect(cell).toContain(PROCESSING);
      const measuredAtOnce = cell.replace(PROCESSING, "c = measure q;");
      const [zero, one] = [run(measuredAtOnce, 0), run(measuredAtOnce, 1)];
      for (const result of [zero, one]) {
        expect(Object.keys(result.counts!).sort()).toEqual(["00", "11"]);
        expect(Math.abs(result.counts!["00"] - 512)).toBeLessThan(3 * 16);
      }
      for (const key of ["00", "01", "10", "11"]) {
        expect(zero.probabilities[key] ?? 0).toBeCloseTo(one.probabilities[key] ?? 0, 10);
      }
      expect(zero.probabilities["00"]).toBeCloseTo(0.5, 10);
    });

    it("measuring each qubit along x would also separate the two labels, by the parity of the bits", () => {
      const alongX = cell.replace(PROCESSING, "h q[0];\nh q[1];\nc = measure q;");
      expect(Object.keys(run(alongX, 0).counts!).sort()).toEqual(["00", "11"]);
      expect(Object.keys(run(alongX, 1).counts!).sort()).toEqual(["01", "10"]);
    });
  });
});
