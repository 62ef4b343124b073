import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { circuitUnitary, simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/**
 * The numbers the QFT and phase-estimation lesson states about its cells, derived from the
 * formulas the lesson teaches (the DFT, the phase-estimation distribution), not copied from a run.
 */
const STEM = "17-qft-phase-estimation";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;

/** P(y) for phase estimation of φ with t counting qubits: sin²(2^t πδ) / (4^t sin²(πδ)). */
function qpeProbability(phi: number, y: number, t: number): number {
  const delta = phi - y / 2 ** t;
  const s = Math.sin(Math.PI * delta);
  if (Math.abs(s) < 1e-12) return 1;
  return Math.sin(2 ** t * Math.PI * delta) ** 2 / (4 ** t * s * s);
}

const bits3 = (y: number) => y.toString(2).padStart(3, "0");

describe(`${STEM}: the quantum Fourier transform`, () => {
  it("qft3 is the 8×8 discrete Fourier transform ω^(xk)/√8 in Qiskit order", () => {
    // The cell without its input preparation: just the gate.
    const gateOnly = source("qft-three-qubits").replace(/^x q\[\d\];$/gm, "");
    const u = circuitUnitary(compile(gateOnly));
    for (let x = 0; x < 8; x++) {
      for (let k = 0; k < 8; k++) {
        const angle = (2 * Math.PI * x * k) / 8;
        expect(u.re[k * 8 + x]).toBeCloseTo(Math.cos(angle) / Math.sqrt(8), 10);
        expect(u.im[k * 8 + x]).toBeCloseTo(Math.sin(angle) / Math.sqrt(8), 10);
      }
    }
  });

  it("QFT|101>: every outcome 1/8, amplitude of |001> = -0.25 - 0.25i, Bloch vectors on the equator", () => {
    const result = circuitCell(STEM, "qft-three-qubits");
    expect(Object.keys(result.probabilities)).toHaveLength(8);
    for (const p of Object.values(result.probabilities)) expect(p).toBeCloseTo(0.125, 10);
    const [re, im] = result.statevector![1];
    expect(re).toBeCloseTo(-0.25, 10);
    expect(im).toBeCloseTo(-0.25, 10);
    // q[j] carries the phase 2π·5·2^j/8.
    result.bloch.forEach((v, j) => {
      const angle = (2 * Math.PI * 5 * 2 ** j) / 8;
      expect(v.x).toBeCloseTo(Math.cos(angle), 10);
      expect(v.y).toBeCloseTo(Math.sin(angle), 10);
      expect(v.z).toBeCloseTo(0, 10);
    });
    expect(result.bloch[2].x).toBeCloseTo(-1, 10);
  });

  it("the period-2 state transforms to 000 and 100 only, each with probability 1/2", () => {
    const result = circuitCell(STEM, "qft-periodic");
    expect(result.probabilities).toEqual({ "000": expect.any(Number), "100": expect.any(Number) });
    expect(result.probabilities["000"]).toBeCloseTo(0.5, 10);
    expect(result.probabilities["100"]).toBeCloseTo(0.5, 10);
    expect(Object.keys(result.counts!).sort()).toEqual(["000", "100"]);
    // "about 512 of the 1024 shots": within three binomial standard deviations (16 each).
    expect(Math.abs(result.counts!["000"] - 512)).toBeLessThan(48);
  });
});

describe(`${STEM}: phase estimation`, () => {
  it("φ = 0.375 reads 011 in all 1024 shots", () => {
    const result = circuitCell(STEM, "qpe-exact");
    expect(result.counts).toEqual({ "011": 1024 });
  });

  it("φ = 0.3 spreads as the formula says: P(010) ≈ 0.578, P(011) ≈ 0.259, the other six ≈ 0.16", () => {
    const result = circuitCell(STEM, "qpe-spread");
    const measured = (y: number) =>
      Object.entries(result.probabilities)
        .filter(([key]) => key.slice(1) === bits3(y))
        .reduce((sum, [, p]) => sum + p, 0);
    for (let y = 0; y < 8; y++) expect(measured(y)).toBeCloseTo(qpeProbability(0.3, y, 3), 10);
    expect(measured(2)).toBeCloseTo(0.578, 3);
    expect(measured(3)).toBeCloseTo(0.259, 3);
    expect(1 - measured(2) - measured(3)).toBeCloseTo(0.16, 2);
    // The two nearest fractions together: at least 8/π².
    expect(measured(2) + measured(3)).toBeGreaterThan(8 / Math.PI ** 2);
    // The counts follow: the most frequent outcome is 010.
    const top = Object.entries(result.counts!).sort((a, b) => b[1] - a[1])[0][0];
    expect(top).toBe("010");
  });

  it("the slider at 0.375 gives the exact case back; at 5/16 the two nearest are tied near 0.41", () => {
    const run = (phi: number) =>
      simulate(compile(source("qpe-spread"), { params: { phi } }), { shots: 1024, seed: 1 });
    expect(run(0.375).counts).toEqual({ "011": 1024 });
    const wide = run(0.3125).probabilities;
    expect(wide["1010"]).toBeCloseTo(qpeProbability(0.3125, 2, 3), 10);
    expect(wide["1011"]).toBeCloseTo(wide["1010"], 10);
    expect(wide["1010"]).toBeGreaterThan(4 / Math.PI ** 2);
    expect(wide["1010"]).toBeLessThan(0.42);
  });
});

describe(`${STEM}: more counting qubits`, () => {
  const result = circuitCell(STEM, "qpe-six-counting");
  /** P(y) read from the probabilities, whose keys carry the target qubit in front. */
  const measured = (y: number) =>
    Object.entries(result.probabilities)
      .filter(([key]) => key.slice(1) === y.toString(2).padStart(6, "0"))
      .reduce((sum, [, p]) => sum + p, 0);

  it("six counting qubits follow the phase-estimation formula with t = 6", () => {
    for (let y = 0; y < 64; y++) expect(measured(y)).toBeCloseTo(qpeProbability(0.3, y, 6), 10);
  });

  it("the nearest of 64 grid points, y = 19 (010011, ≈ 0.297), comes out about 0.875 of the time, against 0.578 with three", () => {
    expect((19).toString(2).padStart(6, "0")).toBe("010011");
    expect(19 / 64).toBeCloseTo(0.297, 3);
    expect(Math.abs(0.3 - 19 / 64)).toBeCloseTo(0.003, 3);
    expect(measured(19)).toBeCloseTo(0.875, 3);
    expect(qpeProbability(0.3, 2, 3)).toBeCloseTo(0.578, 3);
    const top = Object.entries(result.counts!).sort((a, b) => b[1] - a[1])[0][0];
    expect(top).toBe("010011");
  });

  it("the next, y = 20 (010100, 0.3125), about 0.055; all the others together about 0.07", () => {
    expect((20).toString(2).padStart(6, "0")).toBe("010100");
    expect(measured(20)).toBeCloseTo(0.055, 3);
    expect(1 - measured(19) - measured(20)).toBeCloseTo(0.07, 2);
  });

  it("56 more applications of U; a grid eight times finer and an error sixteen times smaller here", () => {
    expect(2 ** 6 - 1 - (2 ** 3 - 1)).toBe(56);
    expect(2 ** 6 / 2 ** 3).toBe(8);
    expect(Math.abs(0.3 - 19 / 64)).toBeCloseTo(0.003125, 12);
    expect(Math.abs(0.3 - 2 / 8) / Math.abs(0.3 - 19 / 64)).toBeCloseTo(16, 10);
  });
});
