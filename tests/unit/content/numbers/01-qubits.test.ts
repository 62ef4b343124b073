import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/** The numbers the qubits lesson states about its cells: amplitudes, Born-rule counts, Bloch vectors. */
const STEM = "01-qubits";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;

describe(STEM, () => {
  it("x turns |0> into |1>: amplitudes (0, 1), P(1) = 1", () => {
    const result = circuitCell(STEM, "qubits-flip");
    expect(result.statevector).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(result.probabilities).toEqual({ "1": 1 });
  });

  it("|+> in 1024 shots: mean 512, standard deviation 16, estimate uncertainty ≈ 0.016", () => {
    expect(Math.sqrt(1024 * 0.25)).toBe(16);
    expect(Math.sqrt(0.25 / 1024)).toBeCloseTo(0.016, 3);
    const ones = circuitCell(STEM, "qubits-plus-shots").counts!["1"];
    // "a count anywhere from about 480 to 544 is perfectly normal": two standard deviations
    expect(ones).toBeGreaterThanOrEqual(480);
    expect(ones).toBeLessThanOrEqual(544);
  });

  it("ry(2π/3) gives P(1) = 3/4, about 768 ones; ry(π) gives 1 in every shot", () => {
    const result = circuitCell(STEM, "qubits-ry-slider");
    expect(result.probabilities["1"]).toBeCloseTo(0.75, 4);
    expect(Math.abs(result.counts!["1"] - 768)).toBeLessThan(3 * Math.sqrt(1024 * 0.75 * 0.25));
    const atPi = simulate(compile(source("qubits-ry-slider"), { params: { theta: Math.PI } }), {
      shots: 1024,
      seed: 1,
    });
    expect(atPi.counts).toEqual({ "1": 1024 });
  });

  it("h then s: amplitudes 0.7071 and 0.7071i, probabilities 1/2, Bloch vector +y", () => {
    const result = circuitCell(STEM, "qubits-bloch-y");
    const [[a0, b0], [a1, b1]] = result.statevector!;
    expect(a0).toBeCloseTo(0.7071, 4);
    expect(b0).toBeCloseTo(0, 10);
    expect(a1).toBeCloseTo(0, 10);
    expect(b1).toBeCloseTo(0.7071, 4);
    expect(result.probabilities["0"]).toBeCloseTo(0.5, 10);
    const { x, y, z } = result.bloch[0];
    expect([x, y, z].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 1, 0]);
  });

  it("z after x gives the state vector (0, -1) at the south pole, like |1>", () => {
    const result = circuitCell(STEM, "qubits-global-phase");
    expect(result.statevector![0][0]).toBeCloseTo(0, 10);
    expect(result.statevector![1][0]).toBeCloseTo(-1, 10);
    expect(result.probabilities).toEqual({ "1": expect.closeTo(1, 10) });
    expect(result.bloch[0].z).toBeCloseTo(-1, 10);
  });
});
