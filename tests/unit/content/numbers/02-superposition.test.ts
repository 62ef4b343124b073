import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/** The numbers the superposition lesson states about its cells: interference and phase kickback. */
const STEM = "02-superposition";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;
const within3Sigma = (count: number, p: number, shots = 1024) =>
  expect(Math.abs(count - p * shots)).toBeLessThan(3 * Math.sqrt(shots * p * (1 - p)));

describe(STEM, () => {
  it("h prepares |+> with amplitudes (0.7071, 0.7071)", () => {
    const [[a0], [a1]] = circuitCell(STEM, "superposition-plus").statevector!;
    expect(a0).toBeCloseTo(0.7071, 4);
    expect(a1).toBeCloseTo(0.7071, 4);
  });

  it("two Hadamards give 0 in every shot", () => {
    expect(circuitCell(STEM, "interference-hh").counts).toEqual({ "0": 1024 });
  });

  it("a measurement in the middle makes four keys, each near 256", () => {
    const counts = circuitCell(STEM, "interference-hh-measured").counts!;
    expect(Object.keys(counts).sort()).toEqual(["00", "01", "10", "11"]);
    for (const n of Object.values(counts)) within3Sigma(n, 0.25);
  });

  it("H P(φ) H: φ = 2π/3 gives P(1) = 3/4 (about 768 of 1024), φ = 0 always 0, φ = π always 1", () => {
    const result = circuitCell(STEM, "interference-phase-slider");
    expect(result.probabilities["1"]).toBeCloseTo(0.75, 4);
    within3Sigma(result.counts!["1"], 0.75);
    const at = (phi: number) =>
      simulate(compile(source("interference-phase-slider"), { params: { phi } }), {
        shots: 1024,
        seed: 1,
      }).counts;
    expect(at(0)).toEqual({ "0": 1024 });
    expect(at(Math.PI)).toEqual({ "1": 1024 });
  });

  it("the constant function f = 1 gives 10 and 11 only, about half each", () => {
    const counts = circuitCell(STEM, "superposition-all-answers").counts!;
    expect(Object.keys(counts).sort()).toEqual(["10", "11"]);
    within3Sigma(counts["10"], 0.5);
  });

  it("Deutsch: the balanced oracle f(x) = x gives 1 in every shot, the constant ones 0", () => {
    expect(circuitCell(STEM, "deutsch-algorithm").counts).toEqual({ "1": 1024 });
    const withOracle = (line: string) =>
      simulate(compile(source("deutsch-algorithm").replace(/^cx q\[0\], q\[1\];.*$/m, line)), {
        shots: 256,
        seed: 1,
      }).counts;
    expect(withOracle("x q[1];")).toEqual({ "0": 256 });
    expect(withOracle("")).toEqual({ "0": 256 });
  });
});
