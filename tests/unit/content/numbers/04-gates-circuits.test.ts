import { describe, expect, it } from "vitest";

import { circuitCell } from "../../../support/course-cells";

/** The outcomes the gates lesson's prose predicts for its cells. */
const STEM = "04-gates-circuits";

const only = (counts: Record<string, number> | null) => Object.keys(counts ?? {});

describe(`${STEM}: the numbers the prose states`, () => {
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
