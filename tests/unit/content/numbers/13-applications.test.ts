import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/**
 * The numbers the applications lesson states about its cells: amplification as a rotation,
 * P(1) = sin²((2k+1)θ), Grover search on four items, and amplitude estimation by phase
 * estimation on the Grover operator, whose outcomes y give p̃ = sin²(πy/2^t).
 */
const STEM = "13-applications";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;
const theta = Math.asin(Math.sqrt(0.1));

describe(STEM, () => {
  it("θ = arcsin √0.1 ≈ 0.322 and one Grover step gives P(1) = sin²(3θ) ≈ 0.676", () => {
    expect(theta).toBeCloseTo(0.322, 3);
    const { probabilities } = circuitCell(STEM, "apps-amplitude-amplification");
    expect(probabilities["1"]).toBeCloseTo(Math.sin(3 * theta) ** 2, 10);
    expect(probabilities["1"]).toBeCloseTo(0.676, 3);
  });

  it("a second step gives sin²(5θ) ≈ 0.999 and a third overshoots to sin²(7θ) ≈ 0.603", () => {
    const line = "grover_step(theta) q[0];";
    const withSteps = (k: number) => {
      const src = source("apps-amplitude-amplification").replace(line, Array(k).fill(line).join("\n"));
      return simulate(compile(src), { shots: 1, seed: 1 }).probabilities["1"];
    };
    expect(withSteps(2)).toBeCloseTo(Math.sin(5 * theta) ** 2, 10);
    expect(withSteps(2)).toBeCloseTo(0.999, 2);
    expect(withSteps(3)).toBeCloseTo(Math.sin(7 * theta) ** 2, 10);
    expect(withSteps(3)).toBeCloseTo(0.603, 3);
  });

  it("Grover search over four items reads the marked 11 in all 1024 shots", () => {
    expect(circuitCell(STEM, "apps-grover-2q").counts).toEqual({ "11": 1024 });
  });

  it("amplitude estimation of p = sin²(π/8) ≈ 0.146 reads 001 and 111, half each, both giving p exactly", () => {
    const result = circuitCell(STEM, "apps-amplitude-estimation");
    const byOutcome: Record<string, number> = {};
    for (const [key, p] of Object.entries(result.probabilities)) {
      byOutcome[key.slice(1)] = (byOutcome[key.slice(1)] ?? 0) + p;
    }
    expect(Object.keys(byOutcome).sort()).toEqual(["001", "111"]);
    expect(byOutcome["001"]).toBeCloseTo(0.5, 10);
    expect(byOutcome["111"]).toBeCloseTo(0.5, 10);
    const hidden = Math.sin(Math.PI / 8) ** 2;
    expect(hidden).toBeCloseTo(0.146, 3);
    for (const key of Object.keys(result.counts!)) {
      const y = parseInt(key, 2);
      expect(Math.sin((Math.PI * y) / 8) ** 2).toBeCloseTo(hidden, 12);
    }
    // "about 512 shots each": within three binomial standard deviations (16)
    expect(Math.abs(result.counts!["001"] - 512)).toBeLessThan(48);
  });

  it("Monte Carlo on the same A: 1024 queries, standard error ≈ 0.011, about 150 ones give or take 11", () => {
    const p = Math.sin(Math.PI / 8) ** 2;
    const result = circuitCell(STEM, "apps-monte-carlo");
    expect(result.shots).toBe(1024);
    expect(result.probabilities["1"]).toBeCloseTo(p, 10);
    const standardError = Math.sqrt((p * (1 - p)) / 1024);
    expect(standardError).toBeCloseTo(0.011, 3);
    expect(Math.round(p * 1024)).toBe(150);
    expect(Math.round(1024 * standardError)).toBe(11);
    expect(Math.abs(result.counts!["1"] - p * 1024)).toBeLessThan(3 * 1024 * standardError);
    // Another seed moves the count.
    expect(circuitCell(STEM, "apps-monte-carlo", 2).counts!["1"]).not.toBe(result.counts!["1"]);
  });

  it("amplitude estimation used 15 applications of A or A†: the first A, then A† and A in each of seven Qs", () => {
    const cell = source("apps-amplitude-estimation");
    // Q = A Z A† Z holds one A and one A†: ry(2*t) and ry(-2*t) in grover_step.
    expect(cell).toMatch(/ry\(-2\*t\) a;\n\s*z a;\n\s*ry\(2\*t\) a;/);
    const powers = [...cell.matchAll(/ctrl @ (?:pow\((\d+)\) @ )?grover_step/g)].map((m) => Number(m[1] ?? 1));
    expect(powers).toEqual([1, 2, 4]);
    const qs = powers.reduce((a, b) => a + b, 0);
    expect(qs).toBe(7);
    expect(1 + 2 * qs).toBe(15);
  });

  it("for a p that does not fit the grid the outcomes spread, peaked at the nearest y", () => {
    const spread = simulate(
      compile(source("apps-amplitude-estimation").replace("const float theta = pi/8;", "const float theta = arcsin(sqrt(0.1));")),
      { shots: 1, seed: 1 },
    ).probabilities;
    const byOutcome: Record<string, number> = {};
    for (const [key, p] of Object.entries(spread)) {
      byOutcome[key.slice(1)] = (byOutcome[key.slice(1)] ?? 0) + p;
    }
    expect(Object.keys(byOutcome).length).toBeGreaterThan(2);
    // θ/π ≈ 0.102, so 8θ/π ≈ 0.82: y = 1 (and 7) are the most likely
    const top = Object.entries(byOutcome).sort((a, b) => b[1] - a[1]);
    expect(top.slice(0, 2).map(([k]) => k).sort()).toEqual(["001", "111"]);
  });

  it("random circuit sampling on five qubits: a speckle with max ≈ 5/32, 32·Σp² ≈ 2.0, and F ≈ 1 from the shots", () => {
    const result = circuitCell(STEM, "apps-random-circuit-sampling");
    const p = Object.values(result.probabilities);
    expect(p).toHaveLength(32);
    expect(32 * p.reduce((s, x) => s + x * x, 0)).toBeCloseTo(2.0, 1);
    expect(32 * Math.max(...p)).toBeCloseTo(5, 0);
    let mean = 0;
    for (const [key, n] of Object.entries(result.counts!)) mean += (result.probabilities[key] * n) / 1024;
    expect(Math.abs(32 * mean - 1 - 1)).toBeLessThan(0.15);
    expect(2 ** 53).toBeCloseTo(9e15, -15);
  });

  it("with depolarising noise 0.02 the score falls to about 0.5, above the no-error probability 0.32", () => {
    const src = source("apps-random-circuit-sampling");
    const ideal = circuitCell(STEM, "apps-random-circuit-sampling").probabilities;
    const noisy = compile(
      src.replace('include "stdgates.inc";\n', 'include "stdgates.inc";\n#pragma noise depolarizing 0.02\n'),
    );
    const gates = noisy.ops.filter((op) => op.kind === "gate");
    const oneQubit = gates.filter((op) => op.kind === "gate" && op.qubits.length + op.controls.length === 1);
    expect(oneQubit).toHaveLength(60);
    expect(gates.length - oneQubit.length).toBe(12);
    const noError = (1 - (3 / 4) * 0.02) ** 60 * (1 - (15 / 16) * 0.02) ** 12;
    expect(noError).toBeCloseTo(0.32, 2);
    const xeb = (shots: number, seed: number) => {
      // every noisy shot is its own trajectory: allow for a loaded test machine
      const { counts } = simulate(noisy, { shots, seed, limits: { deadlineMs: 60_000 } });
      let mean = 0;
      for (const [key, n] of Object.entries(counts!)) mean += ((ideal[key] ?? 0) * n) / shots;
      return 32 * mean - 1;
    };
    // One shot's score 32·p(x) spreads by at most its spread under ideal sampling (about 1.4).
    const p = Object.values(ideal);
    const spread = Math.sqrt(32 ** 2 * p.reduce((a, x) => a + x ** 3, 0) - (32 * p.reduce((a, x) => a + x * x, 0)) ** 2);
    expect(spread).toBeLessThan(1.6);
    const longRun = xeb(4000, 7);
    expect(Math.abs(longRun - 0.5)).toBeLessThan(0.05);
    // the erroneous shots keep part of the pattern: F is well above the no-error fraction
    expect(longRun).toBeGreaterThan(noError + 0.1);
    // what the learner sees with the page's 1024 shots
    expect(Math.abs(xeb(1024, 1) - longRun)).toBeLessThan((3 * spread) / Math.sqrt(1024));
  });
});
