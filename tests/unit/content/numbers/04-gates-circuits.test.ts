import { describe, expect, it } from "vitest";

import { compile } from "@/lib/quantum/compile";
import { circuitUnitary } from "@/lib/quantum/simulate";

import { circuitCell } from "../../../support/course-cells";

/** The outcomes the gates lesson's prose predicts for its cells. */
const STEM = "04-gates-circuits";

const only = (counts: Record<string, number> | null) => Object.keys(counts ?? {});

/** The largest entrywise distance between two two-qubit circuits' unitaries. */
function unitaryDistance(left: string, right: string): number {
  const unitary = (body: string) =>
    circuitUnitary(compile(`OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\n${body}`));
  const a = unitary(left);
  const b = unitary(right);
  return Math.max(...a.re.map((re, i) => Math.hypot(re - b.re[i], a.im[i] - b.im[i])));
}

describe(`${STEM}: the numbers the prose states`, () => {
  it("CZ = (H ⊗ I) CNOT(q0 → q1) (H ⊗ I) in Qiskit order: the Hadamards go on the target q[1]", () => {
    expect(unitaryDistance("h q[1]; cx q[0], q[1]; h q[1];", "cz q[0], q[1];")).toBeLessThan(1e-12);
    // The same product read in textbook order (H on q[0]) is not CZ.
    expect(unitaryDistance("h q[0]; cx q[0], q[1]; h q[0];", "cz q[0], q[1];")).toBeGreaterThan(0.5);
  });

  it("the reversed CNOT: starting from |10⟩, every shot gives 11", () => {
    const result = circuitCell(STEM, "gates-cnot-reversed");
    expect(only(result.counts)).toEqual(["11"]);
  });

  it("the diagram's circuit gives about half 100 and half 011", () => {
    const result = circuitCell(STEM, "gates-read-diagram");
    expect(Object.keys(result.probabilities).sort()).toEqual(["011", "100"]);
    expect(result.probabilities["100"]).toBeCloseTo(0.5, 10);
    const counts = result.counts!;
    const shots = counts["100"] + counts["011"];
    // Binomial(shots, 1/2): four standard deviations either side of a half.
    expect(Math.abs(counts["100"] / shots - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / shots));
  });

  it("flipping qubit 0 alone reads 001", () => {
    expect(only(circuitCell(STEM, "gates-bit-order").counts)).toEqual(["001"]);
  });

  it("the modifiers end in |11⟩ with amplitude 1", () => {
    const result = circuitCell(STEM, "gates-modifiers");
    expect(result.probabilities["11"]).toBeCloseTo(1, 10);
  });

  it("H, T⁴, H acts as X: the input 0 reads 1 on every shot", () => {
    expect(only(circuitCell(STEM, "gates-x-from-h-and-t").counts)).toEqual(["1"]);
  });
});
