import { describe, expect, it } from "vitest";

import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "yaml";

import { runLessonCell } from "@/lib/notebook/run-lesson-cell";
import type { ExperimentResult } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";

import { circuitCell, experimentCell, lessonText } from "../../../support/course-cells";

/** The numbers the quantum-kernels lesson states about its cells' outputs. */
const STEM = "08-quantum-kernels";

/** A cell run after the edit the prose asks the learner to make (one text replaced in the lesson). */
function editedCell(cellId: string, from: string, to: string) {
  const text = lessonText(STEM);
  expect(text).toContain(from);
  return runLessonCell(text.replace(from, to), cellId, { seed: 1 });
}

function editedExperiment(cellId: string, from: string, to: string): ExperimentResult {
  const run = editedCell(cellId, from, to);
  if (run.kind !== "experiment") throw new Error(`${cellId} is a circuit cell`);
  return run.result;
}

const rbf = (result: ExperimentResult) => result.baselines!.find((b) => b.name.includes("RBF"))!;

describe(`${STEM}: the numbers the prose states`, () => {
  it("the one-qubit compute–uncompute circuit gives P(0) = cos²(0.4) ≈ 0.848 at the defaults", () => {
    const result = circuitCell(STEM, "kernel-overlap-1q");
    expect(result.probabilities["0"]).toBeCloseTo(Math.cos(0.4) ** 2, 10);
    expect(result.probabilities["0"]).toBeCloseTo(0.848, 3);
  });

  it("the swap test reads 0 with probability (1 + 0.848)/2 ≈ 0.924, about 946 of 1024 shots", () => {
    const result = circuitCell(STEM, "kernel-swap-test");
    // Probabilities are of the whole register (q[2] q[1] q[0]); the ancilla q[0] reads 0 in the even keys.
    const ancillaZero = Object.entries(result.probabilities)
      .filter(([bits]) => bits.endsWith("0"))
      .reduce((sum, [, p]) => sum + p, 0);
    expect(ancillaZero).toBeCloseTo((1 + Math.cos(0.4) ** 2) / 2, 10);
    expect(result.shots).toBe(1024);
    const zeros = result.counts!["0"];
    // Binomial(1024, 0.924): four standard deviations is about 34 counts.
    expect(Math.abs(zeros - 946)).toBeLessThan(4 * Math.sqrt(1024 * 0.924 * 0.076));
  });

  it("the ZZ-map fidelity is about 0.950, and drops to about 0.862 for the nearer point (0.6, 1.1)", () => {
    expect(circuitCell(STEM, "kernel-zz-fidelity").probabilities["00"]).toBeCloseTo(0.95, 3);
    const nearer = editedCell("kernel-zz-fidelity", "zzmap(2.5, 2.0)", "zzmap(0.6, 1.1)");
    if (nearer.kind !== "circuit") throw new Error("a circuit cell");
    expect(nearer.result.probabilities["00"]).toBeCloseTo(0.862, 3);
  });

  describe("the quantum SVM on the ad hoc set", () => {
    const result = experimentCell(STEM, "kernel-adhoc-qsvm");

    it("splits 60 points into 42 training and 18 test points", () => {
      expect(result.dataset!.train).toBe(42);
      expect(result.dataset!.test).toBe(18);
      expect(result.kernel!.matrix).toHaveLength(42);
    });

    it("has a unit diagonal, off-diagonal values averaging about 0.30, and a PSD spectrum summing to 42", () => {
      const { matrix, spectrum, offDiagonalMean } = result.kernel!;
      matrix.forEach((row, i) => expect(row[i]).toBe(1));
      expect(offDiagonalMean).toBeCloseTo(0.3, 1);
      expect(Math.min(...spectrum)).toBeGreaterThan(-1e-9);
      expect(spectrum.reduce((a, b) => a + b, 0)).toBeCloseTo(42, 6);
      expect(spectrum[0]).toBeGreaterThan(13.5);
      expect(spectrum[0]).toBeLessThan(14.5);
    });

    it("classifies every training and test point, with 20 support vectors; the RBF baseline does not", () => {
      expect(result.metrics.trainAccuracy).toBe(1);
      expect(result.metrics.testAccuracy).toBe(1);
      expect(result.metrics.supportVectors).toBe(20);
      expect(rbf(result).trainAccuracy).toBeCloseTo(28 / 42, 10); // "about 67 %"
      expect(rbf(result).testAccuracy).toBeCloseTo(10 / 18, 10); // "56 %"
    });
  });

  describe("kernel concentration as the map widens", () => {
    // The table in the lesson: mean and variance of the off-diagonal kernel values, test accuracy.
    const table = [
      { n: 2, mean: 0.287, variance: 0.054, test: 14 / 18 },
      { n: 4, mean: 0.104, variance: 0.027, test: 12 / 18 },
      { n: 6, mean: 0.057, variance: 0.019, test: 13 / 18 },
      { n: 8, mean: 0.039, variance: 0.015, test: 13 / 18 },
    ];
    const at = (n: number) =>
      n === 8
        ? experimentCell(STEM, "kernel-concentration")
        : editedExperiment("kernel-concentration", "const int n = 8;", `const int n = ${n};`);
    const results = table.map((row) => ({ row, result: at(row.n) }));

    for (const { row, result } of results) {
      it(`n = ${row.n}: mean ${row.mean}, variance ${row.variance}, test accuracy ${Math.round(100 * row.test)} %`, () => {
        expect(result.kernel!.offDiagonalMean).toBeCloseTo(row.mean, 3);
        expect(result.kernel!.offDiagonalVariance).toBeCloseTo(row.variance, 3);
        expect(result.metrics.testAccuracy).toBeCloseTo(row.test, 10);
      });
    }

    it("the mean and the spread shrink as qubits are added, and training accuracy reaches 93 % at n = 8", () => {
      const means = results.map(({ result }) => result.kernel!.offDiagonalMean);
      const variances = results.map(({ result }) => result.kernel!.offDiagonalVariance);
      for (let i = 1; i < means.length; i++) {
        expect(means[i]).toBeLessThan(means[i - 1]);
        expect(variances[i]).toBeLessThan(variances[i - 1]);
      }
      expect(results[3].result.metrics.trainAccuracy).toBeCloseTo(39 / 42, 10);
    });

    it("a 1,000-shot estimate near k = 0.03 has a standard error of about 0.005", () => {
      expect(Math.sqrt((0.03 * 0.97) / 1000)).toBeCloseTo(0.005, 3);
    });
  });

  describe("the feature-map exercise", () => {
    it("the starter (the ZZ map on the moons) gets half the test points; the RBF baseline about 88 %", () => {
      const result = experimentCell(STEM, "kernel-choose-map");
      expect(result.metrics.testAccuracy).toBeCloseTo(0.5, 10);
      expect(rbf(result).testAccuracy).toBeCloseTo(21 / 24, 10);
    });

    it("the worked solution reaches about 83 % on the held-out points", () => {
      const file = path.join(process.cwd(), "content", "courses", "qml-foundations", `${STEM}.exercises.yaml`);
      const { exercises } = parse(readFileSync(file, "utf8")) as {
        exercises: { cell: string; solution: string }[];
      };
      const exercise = exercises.find((e) => e.cell === "kernel-choose-map")!;
      const solution = /```experiment\n([\s\S]*?)```/.exec(exercise.solution)![1];
      const result = runExperiment(solution);
      expect(result.metrics.testAccuracy).toBeCloseTo(20 / 24, 10);
      expect(result.metrics.testAccuracy).toBeGreaterThanOrEqual(0.8);
    });
  });
});
