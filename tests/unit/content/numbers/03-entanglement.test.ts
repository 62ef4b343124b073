import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

import { circuitCell, lessonText } from "../../../support/course-cells";

/** The numbers the entanglement lesson states about its cells: Bell and GHZ counts, the witness, teleportation. */
const STEM = "03-entanglement";
const source = (id: string) => findLessonCells(lessonText(STEM)).find((c) => c.id === id)!.source;
const within3Sigma = (count: number, p: number, shots = 1024) =>
  expect(Math.abs(count - p * shots)).toBeLessThan(3 * Math.sqrt(shots * p * (1 - p)));

describe(STEM, () => {
  it("x q[0] puts the amplitude 1 at index 1, reported as 01", () => {
    const result = circuitCell(STEM, "entangle-bit-order");
    expect(result.statevector![1]).toEqual([1, 0]);
    expect(result.probabilities).toEqual({ "01": 1 });
  });

  it("the Bell pair: 00 and 11 about half each, never 01 or 10, Bloch arrows at the centre", () => {
    const result = circuitCell(STEM, "entangle-bell");
    expect(Object.keys(result.counts!).sort()).toEqual(["00", "11"]);
    within3Sigma(result.counts!["00"], 0.5);
    for (const v of result.bloch) expect(Math.hypot(v.x, v.y, v.z)).toBeLessThan(1e-9);
  });

  it("measured along x the Bell pair still gives only 00 and 11", () => {
    const counts = circuitCell(STEM, "entangle-bell-x-basis").counts!;
    expect(Object.keys(counts).sort()).toEqual(["00", "11"]);
  });

  it("the classical mixture gives all four outcomes, about 256 each", () => {
    const counts = circuitCell(STEM, "entangle-classical-mixture").counts!;
    expect(Object.keys(counts).sort()).toEqual(["00", "01", "10", "11"]);
    for (const n of Object.values(counts)) within3Sigma(n, 0.25);
  });

  it("the witness reads <Z0Z1> = 1, <X0X1> = 1 and their sum 2", () => {
    const values = circuitCell(STEM, "entangle-witness").expectations.map((e) => e.value);
    expect(values[0]).toBeCloseTo(1, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(values[2]).toBeCloseTo(2, 10);
  });

  it("Bob's counts stay 50/50 whatever rotation Alice applies", () => {
    within3Sigma(circuitCell(STEM, "entangle-no-signalling").counts!["0"], 0.5);
    for (const theta of [0, 0.7, 1.9, Math.PI, 5.5]) {
      const result = simulate(compile(source("entangle-no-signalling"), { params: { theta } }), {
        shots: 1,
        seed: 1,
      });
      const bob1 = Object.entries(result.probabilities)
        .filter(([k]) => k[0] === "1")
        .reduce((s, [, p]) => s + p, 0);
      expect(bob1).toBeCloseTo(0.5, 10);
    }
  });

  it("GHZ: only 000 and 111, about 512 each", () => {
    const counts = circuitCell(STEM, "entangle-ghz").counts!;
    expect(Object.keys(counts).sort()).toEqual(["000", "111"]);
    within3Sigma(counts["000"], 0.5);
  });

  it("teleportation: Alice's bits uniform, Bob's bit 1 in about 768 shots; without corrections a fair coin", () => {
    const counts = circuitCell(STEM, "teleport").counts!;
    const alice: Record<string, number> = {};
    let bobOnes = 0;
    for (const [key, n] of Object.entries(counts)) {
      alice[key.slice(1)] = (alice[key.slice(1)] ?? 0) + n;
      if (key[0] === "1") bobOnes += n;
    }
    expect(Object.keys(alice).sort()).toEqual(["00", "01", "10", "11"]);
    for (const n of Object.values(alice)) within3Sigma(n, 0.25);
    expect(Math.sin(Math.PI / 3) ** 2).toBeCloseTo(0.75, 12);
    within3Sigma(bobOnes, 0.75);
    const uncorrected = source("teleport").replace(/^if .*$/gm, "");
    for (const theta of [0.5, 2.0944, 3]) {
      const c = simulate(compile(uncorrected, { params: { theta } }), { shots: 4096, seed: 2 }).counts!;
      const ones = Object.entries(c)
        .filter(([k]) => k[0] === "1")
        .reduce((s, [, n]) => s + n, 0);
      within3Sigma(ones, 0.5, 4096);
    }
  });
});
