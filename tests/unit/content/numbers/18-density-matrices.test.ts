import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/**
 * The numbers the density-matrix lesson states about its cells: the reduced state of a partly
 * entangled pair, and the statistics of the three channels run with `#pragma noise`. Noisy cells
 * are checked twice: the page's 1024 shots within three binomial standard deviations of the
 * prediction, and a long run close to the density-matrix value itself.
 */
const STEM = "18-density-matrices";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;

function expectCountNear(count: number, p: number, shots = 1024) {
  const sigma = Math.sqrt(p * (1 - p) * shots);
  expect(Math.abs(count - p * shots)).toBeLessThan(3 * sigma);
}

function longRunProbability(id: string, outcome: string): number {
  const result = simulate(compile(source(id)), { shots: 20_000, seed: 7 });
  return (result.counts![outcome] ?? 0) / 20_000;
}

describe(STEM, () => {
  it("at θ = 1.0 both Bloch vectors are (0, 0, cos 1) ≈ (0, 0, 0.540), purity ≈ 0.646", () => {
    const { bloch } = circuitCell(STEM, "dm-entangled-reduced");
    for (const v of bloch) {
      expect(v.x).toBeCloseTo(0, 10);
      expect(v.y).toBeCloseTo(0, 10);
      expect(v.z).toBeCloseTo(Math.cos(1), 10);
    }
    expect(bloch[0].z).toBeCloseTo(0.54, 3);
    expect((1 + bloch[0].z ** 2) / 2).toBeCloseTo(0.646, 3);
  });

  it("at θ = π/2 the pair is a Bell pair and both vectors shrink to the centre", () => {
    const result = simulate(compile(source("dm-entangled-reduced"), { params: { theta: 1.5708 } }), {
      shots: 1,
      seed: 1,
    });
    for (const v of result.bloch) expect(Math.hypot(v.x, v.y, v.z)).toBeLessThan(1e-4);
  });

  it("three depolarising steps at p = 0.2: r_x = 0.512, P(0) = 0.756, about 774 of 1024", () => {
    const p0 = (1 + 0.8 ** 3) / 2;
    expect(p0).toBeCloseTo(0.756, 3);
    expect(Math.round(p0 * 1024)).toBe(774);
    expect(Math.sqrt((p0 * (1 - p0)) / 1024)).toBeCloseTo(0.013, 3);
    expectCountNear(circuitCell(STEM, "dm-depolarizing").counts!["0"], p0);
    expect(longRunProbability("dm-depolarizing", "0")).toBeCloseTo(p0, 2);
  });

  it("five amplitude-damping steps at γ = 0.1 keep |1> with probability 0.9^5 ≈ 0.590", () => {
    const p1 = 0.9 ** 5;
    expect(p1).toBeCloseTo(0.59, 3);
    expectCountNear(circuitCell(STEM, "dm-amplitude-damping").counts!["1"], p1);
    expect(longRunProbability("dm-amplitude-damping", "1")).toBeCloseTo(p1, 2);
  });

  it("five phase-damping steps at λ = 0.2: r_x = 0.8^2.5 ≈ 0.572, P(0) ≈ 0.786", () => {
    const rx = 0.8 ** 2.5;
    expect(rx).toBeCloseTo(0.572, 3);
    const p0 = (1 + rx) / 2;
    expect(p0).toBeCloseTo(0.786, 3);
    expectCountNear(circuitCell(STEM, "dm-phase-damping").counts!["0"], p0);
    expect(longRunProbability("dm-phase-damping", "0")).toBeCloseTo(p0, 2);
  });
});
