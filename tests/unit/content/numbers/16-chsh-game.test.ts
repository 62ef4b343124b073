import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/**
 * The numbers the CHSH lesson states about its cells: E(α, β) = cos(α − β) for |Φ+⟩,
 * S = 2√2 at the standard settings, and a winning probability of cos²(π/8).
 */
const STEM = "16-chsh-game";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;

/** E = (N_same − N_different)/N from two-bit counts. */
function correlatorFromCounts(counts: Record<string, number>): number {
  let same = 0;
  let total = 0;
  for (const [key, n] of Object.entries(counts)) {
    total += n;
    if (key[0] === key[1]) same += n;
  }
  return (2 * same - total) / total;
}

const SETTINGS = [
  { alpha: 0, beta: Math.PI / 4, sign: 1 },
  { alpha: 0, beta: -Math.PI / 4, sign: 1 },
  { alpha: Math.PI / 2, beta: Math.PI / 4, sign: 1 },
  { alpha: Math.PI / 2, beta: -Math.PI / 4, sign: -1 },
];

describe(STEM, () => {
  it("the default setting has E = cos(π/4) ≈ 0.707 and the counts estimate it within the shot error", () => {
    const result = circuitCell(STEM, "chsh-correlator");
    expect(result.expectations[0].value).toBeCloseTo(Math.SQRT1_2, 10);
    const estimate = correlatorFromCounts(result.counts!);
    const standardError = Math.sqrt((1 - 0.5) / 1024);
    expect(standardError).toBeCloseTo(0.022, 3);
    expect(Math.abs(estimate - Math.SQRT1_2)).toBeLessThan(3 * standardError);
    // agreement probability (1 + E)/2 ≈ 0.854
    expect((1 + result.expectations[0].value) / 2).toBeCloseTo(0.854, 3);
  });

  it("the four settings from the slider cell estimate S = 2√2 with a standard error of about 0.044", () => {
    const standardError = Math.sqrt((4 * (1 - 0.5)) / 1024);
    expect(standardError).toBeCloseTo(0.044, 3);
    expect((2 * Math.SQRT2 - 2) / standardError).toBeGreaterThan(6);
    const circuits = SETTINGS.map(({ alpha, beta }) =>
      compile(source("chsh-correlator"), { params: { alpha, beta } }),
    );
    const estimates: number[] = [];
    for (let run = 0; run < 20; run++) {
      let s = 0;
      SETTINGS.forEach(({ sign }, i) => {
        const circuit = circuits[i];
        const result = simulate(circuit, { shots: 1024, seed: 100 * run + i });
        expect(result.expectations[0].value).toBeCloseTo(sign * Math.SQRT1_2, 10);
        s += sign * correlatorFromCounts(result.counts!);
      });
      estimates.push(s);
    }
    for (const s of estimates) expect(Math.abs(s - 2 * Math.SQRT2)).toBeLessThan(4 * standardError);
    // "typically within 0.1": 0.1 is 2.3 standard errors, so about 98 % of runs.
    const within = estimates.filter((s) => Math.abs(s - 2 * Math.SQRT2) < 0.1).length;
    expect(within).toBeGreaterThanOrEqual(17);
  });

  it("the side-by-side cell prints 0.707, 0.707, 0.707, -0.707 and S = 2.828", () => {
    const values = circuitCell(STEM, "chsh-all-settings").expectations.map((e) => e.value);
    const r = Math.SQRT1_2;
    [r, r, r, -r, 2 * Math.SQRT2].forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 10));
    expect(values[4]).toBeCloseTo(2.828, 3);
  });

  it("the referee's game is won with probability cos²(π/8): about 874 of 1024 shots, above 768", () => {
    const result = circuitCell(STEM, "chsh-game-referee");
    const win = Math.cos(Math.PI / 8) ** 2;
    expect(win).toBeCloseTo(0.5 + Math.SQRT2 / 4, 12);
    expect(win).toBeCloseTo(0.854, 3);
    expect(result.expectations[0].value).toBeCloseTo(2 * win - 1, 10);
    expect(Math.round(win * 1024)).toBe(874);
    const sigma = Math.sqrt(win * (1 - win) * 1024);
    expect(Math.abs(result.counts!["0"] - 874)).toBeLessThan(3 * sigma);
    expect(result.counts!["0"]).toBeGreaterThan(768);
  });

  it("the singlet starter loses as often as the Bell-pair team wins", () => {
    const starter = findLessonCells(lessonText(STEM)).find((c) => c.id === "chsh-singlet")!;
    const result = simulate(compile(starter.source), { shots: 16, seed: 1 });
    expect(result.expectations[0].value).toBeCloseTo(-Math.SQRT1_2, 10);
  });

  it("no signalling: Alice's own results are 50/50 whatever Bob's angle", () => {
    for (const beta of [0, Math.PI / 4, -Math.PI / 4, 1.3, Math.PI]) {
      const { probabilities } = simulate(
        compile(source("chsh-correlator"), { params: { alpha: 0, beta } }),
        { shots: 1, seed: 1 },
      );
      const alice1 = Object.entries(probabilities)
        .filter(([key]) => key[1] === "1")
        .reduce((sum, [, p]) => sum + p, 0);
      expect(alice1).toBeCloseTo(0.5, 10);
    }
  });

  describe("a classical plan, played", () => {
    const plan = (a0: number, a1: number, b0: number, b1: number) =>
      simulate(compile(source("chsh-classical-plan"), { params: { a0, a1, b0, b1 } }), { shots: 1, seed: 1 })
        .expectations[0].value;
    const winning = (z4: number) => (1 + z4) / 2;

    it("always answering 0 wins exactly 75 %: ⟨Z4⟩ = 0.5, about 768 of 1024 shots", () => {
      const result = circuitCell(STEM, "chsh-classical-plan");
      expect(result.expectations[0].value).toBeCloseTo(0.5, 10);
      const sigma = Math.sqrt(0.75 * 0.25 * 1024);
      expect(Math.abs(result.counts!["0"] - 768)).toBeLessThan(3 * sigma);
    });

    it("each of the sixteen deterministic plans wins exactly 75 % or exactly 25 %", () => {
      const wins: number[] = [];
      for (let bits = 0; bits < 16; bits++) {
        const [a0, a1, b0, b1] = [0, 1, 2, 3].map((k) => (bits >> k) & 1);
        const p = winning(plan(a0, a1, b0, b1));
        // P = 1/2 + S/8 with S = ±2 for a deterministic plan.
        const s = a0 === b0 ? 1 : -1;
        const S = s + (a0 === b1 ? 1 : -1) + (a1 === b0 ? 1 : -1) - (a1 === b1 ? 1 : -1);
        expect(p).toBeCloseTo(0.5 + S / 8, 10);
        wins.push(p);
      }
      for (const p of wins) expect([0.25, 0.75].some((v) => Math.abs(p - v) < 1e-10)).toBe(true);
      expect(Math.max(...wins)).toBeCloseTo(0.75, 10);
      expect(wins.filter((p) => p > 0.5)).toHaveLength(8);
    });

    it("values between 0 and 1 answer 1 with probability sin²(πa/2), and never beat 75 %", () => {
      // Alice's answer to x = 0 alone: with b0 = b1 = 0 and a1 = a0 she wins when a = 0, except on x = y = 1.
      const a = 0.4;
      const pOne = Math.sin((Math.PI * a) / 2) ** 2;
      expect(winning(plan(a, a, 0, 0))).toBeCloseTo(0.75 * (1 - pOne) + 0.25 * pOne, 10);
      const grid = [0, 0.4, 1];
      let best = 0;
      for (const a0 of grid)
        for (const a1 of grid)
          for (const b0 of grid) for (const b1 of grid) best = Math.max(best, winning(plan(a0, a1, b0, b1)));
      expect(best).toBeCloseTo(0.75, 10);
    });
  });
});
