import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/**
 * The numbers the noise lesson states about its cells, each derived from the channel's
 * definition: bit flips and phase flips with probability p, the depolarising channel's p/4 per
 * Pauli, readout flips, zero-noise extrapolation by folding, and the bit-flip code's syndromes.
 */
const STEM = "12-noise-error-correction";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;

const fraction = (counts: Record<string, number>, keys: string[]) =>
  keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0) /
  Object.values(counts).reduce((a, b) => a + b, 0);

/** |observed − p| within three binomial standard deviations for `shots` shots. */
function expectNear(observed: number, p: number, shots: number) {
  expect(Math.abs(observed - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / shots));
}

describe(`${STEM}: noise in the counts`, () => {
  it("an environment-controlled bit flip at p = 0.1 gives 45 % 00 and 11, 5 % 01 and 10", () => {
    const { probabilities } = circuitCell(STEM, "noise-bell-bitflip");
    // probabilities are keyed by all three qubits (q[2] the environment first)
    const marginal = (bits: string) =>
      Object.entries(probabilities)
        .filter(([k]) => k.slice(1) === bits)
        .reduce((s, [, p]) => s + p, 0);
    expect(marginal("00")).toBeCloseTo(0.45, 10);
    expect(marginal("11")).toBeCloseTo(0.45, 10);
    expect(marginal("01")).toBeCloseTo(0.05, 10);
    expect(marginal("10")).toBeCloseTo(0.05, 10);
  });

  it("the phase flip is invisible along z and shows as 5 % each of 01 and 10 along x", () => {
    const along = (src: string) => {
      const { probabilities } = simulate(compile(src, { params: { p: 0.1 } }), { shots: 1, seed: 1 });
      return (bits: string) =>
        Object.entries(probabilities)
          .filter(([k]) => k.slice(1) === bits)
          .reduce((s, [, p]) => s + p, 0);
    };
    const x = along(source("noise-bell-dephasing"));
    expect(x("01")).toBeCloseTo(0.05, 10);
    expect(x("10")).toBeCloseTo(0.05, 10);
    expect(x("00")).toBeCloseTo(0.45, 10);
    // delete the two measurement-basis Hadamards (the last two lines before the measurements)
    const z = along(source("noise-bell-dephasing").replace("h q[0];\nh q[1];\n", ""));
    expect(z("00")).toBeCloseTo(0.5, 10);
    expect(z("11")).toBeCloseTo(0.5, 10);
  });

  it("depolarising 0.1 after every gate puts about p/2 = 5 % of the shots on 01 or 10", () => {
    // 8 of the 16 two-qubit Pauli strings after cx flip exactly one bit: p · 8/16.
    const p = 0.1 * (8 / 16);
    expectNear(fraction(circuitCell(STEM, "noise-bell-pragma").counts!, ["01", "10"]), p, 1024);
    const long = simulate(compile(source("noise-bell-pragma")), { shots: 20_000, seed: 3 });
    expect(fraction(long.counts!, ["01", "10"])).toBeCloseTo(p, 2);
  });

  it("the playground: 1 % from the gate, 9.5 % from readout, about 0.103 (106 of 1024) together", () => {
    const gate = 0.02 * (8 / 16);
    const readout = 2 * 0.05 * 0.95;
    const total = gate * (1 - readout) + (1 - gate) * readout;
    expect(gate).toBeCloseTo(0.01, 12);
    expect(readout).toBeCloseTo(0.095, 12);
    expect(total).toBeCloseTo(0.103, 3);
    expect(Math.round(total * 1024)).toBe(106);
    expect(Math.sqrt(total * (1 - total) * 1024)).toBeCloseTo(10, 0);
    const result = circuitCell(STEM, "noise-playground");
    expectNear(fraction(result.counts!, ["01", "10"]), total, 1024);
    // The probabilities (the state before measurement) show only the gate's share.
    const fromState = (result.probabilities["01"] ?? 0) + (result.probabilities["10"] ?? 0);
    expectNear(fromState, gate, 1024);
    const long = simulate(compile(source("noise-playground")), { shots: 20_000, seed: 5 });
    expect(fraction(long.counts!, ["01", "10"])).toBeCloseTo(total, 2);
  });
});

describe(`${STEM}: zero-noise extrapolation`, () => {
  const p = 0.05;
  const exact = [1, 3, 5].map((n) => (1 - p) ** n);
  const richardson = (e: number[]) => (15 * e[0] - 10 * e[1] + 3 * e[2]) / 8;

  it("the exact values are 0.95, 0.857, 0.774; linear gives 0.993 and Richardson 0.9997", () => {
    expect(exact[0]).toBeCloseTo(0.95, 12);
    expect(exact[1]).toBeCloseTo(0.857, 3);
    expect(exact[2]).toBeCloseTo(0.774, 3);
    // least-squares line through (1, E1), (3, E3), (5, E5), evaluated at 0
    const mean = (exact[0] + exact[1] + exact[2]) / 3;
    const slope = (exact[2] - exact[0]) / 4;
    expect(mean - 3 * slope).toBeCloseTo(0.993, 3);
    expect(richardson(exact)).toBeCloseTo(0.9997, 4);
  });

  it("the cell's three expectation values and its Richardson line sit within their shot errors", () => {
    const values = circuitCell(STEM, "zne-folding").expectations.map((e) => e.value);
    const sigma = exact.map((e) => Math.sqrt((1 - e * e) / 1024));
    expect(sigma[0]).toBeGreaterThan(0.009);
    expect(sigma[2]).toBeLessThan(0.02);
    exact.forEach((e, i) => expect(Math.abs(values[i] - e)).toBeLessThan(3 * sigma[i]));
    expect(values[3]).toBeCloseTo(richardson(values.slice(0, 3)), 10);
    // "about 1.00 ± 0.03": the standard error of the combination, three times E1's
    const sigmaR = Math.sqrt(
      (15 / 8) ** 2 * sigma[0] ** 2 + (10 / 8) ** 2 * sigma[1] ** 2 + (3 / 8) ** 2 * sigma[2] ** 2,
    );
    expect(sigmaR).toBeCloseTo(0.028, 3);
    expect(sigma[0]).toBeCloseTo(0.01, 3);
    expect(sigmaR / sigma[0]).toBeGreaterThan(2.5);
    expect((sigmaR / sigma[0]) ** 2).toBeCloseTo(8, 0);
    expect(Math.abs(values[3] - 1)).toBeLessThan(3 * sigmaR);
  });

  it("with many shots the mitigated value converges to the ideal 1, the raw one stays at 0.95", () => {
    const result = simulate(compile(source("zne-folding")), { shots: 20_000, seed: 11 });
    const values = result.expectations.map((e) => e.value);
    expect(values[0]).toBeCloseTo(0.95, 2);
    expect(Math.abs(values[3] - 1)).toBeLessThan(0.02);
  });
});

describe(`${STEM}: the bit-flip code`, () => {
  it("the syndrome points at the flipped qubit and the check reads 0 in all 1024 shots", () => {
    expect(circuitCell(STEM, "qec-bitflip-code").counts).toEqual({ "0 11": 1024 });
    const withError = (line: string) =>
      simulate(compile(source("qec-bitflip-code").replace("x data[1];", line)), {
        shots: 256,
        seed: 1,
      }).counts;
    expect(withError("x data[0];")).toEqual({ "0 01": 256 });
    expect(withError("x data[2];")).toEqual({ "0 10": 256 });
    expect(withError("")).toEqual({ "0 00": 256 });
  });

  it("without correction, an error on data[0] leaves out = 1 in about 29 % of the shots", () => {
    const uncorrected = source("qec-bitflip-code")
      .replace(/^if .*$/gm, "")
      .replace("x data[1];", "x data[0];");
    const { counts } = simulate(compile(uncorrected), { shots: 1024, seed: 1 });
    const ones = fraction(counts!, Object.keys(counts!).filter((k) => k.startsWith("1")));
    expect(1 - Math.sin(1) ** 2).toBeCloseTo(0.29, 2);
    expectNear(ones, 1 - Math.sin(1) ** 2, 1024);
    for (const err of ["x data[1];", "x data[2];"]) {
      const other = source("qec-bitflip-code")
        .replace(/^if .*$/gm, "")
        .replace("x data[1];", err);
      const c = simulate(compile(other), { shots: 256, seed: 1 }).counts!;
      expect(Object.keys(c).every((k) => k.startsWith("0"))).toBe(true);
    }
  });

  it("p_L = 3p² − 2p³ is 0.028 at p = 0.1 and about 0.0003 at p = 0.01", () => {
    const pL = (p: number) => 3 * p ** 2 - 2 * p ** 3;
    expect(pL(0.1)).toBeCloseTo(0.028, 12);
    expect(pL(0.01)).toBeCloseTo(0.0003, 4);
  });

  describe("the race between a bare and a logical qubit", () => {
    const pL = (p: number) => 3 * p ** 2 - 2 * p ** 3;
    /** The cell's two expectation values: P(bare qubit reads 1), P(logical qubit reads 1). */
    const errors = (p: number) =>
      simulate(compile(source("qec-break-even"), { params: { p } }), { shots: 1, seed: 1 })
        .expectations.map((e) => e.value);

    it("at the default p = 0.1 the logical qubit is wrong 2.8 % of the time, the bare one 10 %", () => {
      const [bare, logical] = circuitCell(STEM, "qec-break-even").expectations.map((e) => e.value);
      expect(bare).toBeCloseTo(0.1, 10);
      expect(logical).toBeCloseTo(pL(0.1), 10);
      expect(logical).toBeCloseTo(0.028, 10);
    });

    it("at p = 0.01 p_L is about 0.0003, more than thirty times better than p", () => {
      const [bare, logical] = errors(0.01);
      expect(bare).toBeCloseTo(0.01, 10);
      expect(logical).toBeCloseTo(pL(0.01), 10);
      expect(logical).toBeCloseTo(0.0003, 4);
      expect(bare / logical).toBeGreaterThan(30);
    });

    it("above break-even, at p = 0.6, the code loses: 64.8 % against 60 %", () => {
      const [bare, logical] = errors(0.6);
      expect(bare).toBeCloseTo(0.6, 10);
      expect(logical).toBeCloseTo(pL(0.6), 10);
      expect(logical).toBeCloseTo(0.648, 10);
      expect(logical).toBeGreaterThan(bare);
    });

    it("break-even is p = 1/2: equal there, the code wins below and loses above", () => {
      const [bare, logical] = errors(0.5);
      expect(logical).toBeCloseTo(bare, 10);
      for (const p of [0.05, 0.3, 0.45]) {
        const [b, l] = errors(p);
        expect(l).toBeLessThan(b);
      }
      for (const p of [0.55, 0.8, 0.95]) {
        const [b, l] = errors(p);
        expect(l).toBeGreaterThan(b);
      }
    });
  });
});
