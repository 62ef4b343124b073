import path from "node:path";

import { describe, expect, it } from "vitest";

import { gradeExercise } from "@/lib/grading/grade-exercise";
import { loadLessonChecks } from "@/lib/grading/load-checks";
import { runLessonCell } from "@/lib/notebook/run-lesson-cell";

import { circuitCell, lessonText } from "../../../support/course-cells";

/** The outcomes the FAQ lesson states for its cells, and what its exercise accepts. */
const STEM = "15-faq";

const program = (body: string) =>
  `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\n${body}\n`;

describe(`${STEM}: the numbers the prose states`, () => {
  it("the 12-qubit GHZ cell gives only all zeros and all ones, about half each, from 4096 amplitudes", () => {
    const result = circuitCell(STEM, "faq-ghz-12");
    expect(result.numQubits).toBe(12);
    expect(2 ** result.numQubits).toBe(4096);
    const counts = result.counts!;
    expect(Object.keys(counts).sort()).toEqual(["000000000000", "111111111111"]);
    const shots = counts["000000000000"] + counts["111111111111"];
    expect(Math.abs(counts["000000000000"] / shots - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / shots));
  });

  describe("interference", () => {
    it("two Hadamards give 0 every time", () => {
      expect(Object.keys(circuitCell(STEM, "faq-interference").counts!)).toEqual(["0"]);
    });

    it("an s between them gives 50/50 again", () => {
      const text = lessonText(STEM).replace("// try adding: s q[0];", "s q[0];");
      const run = runLessonCell(text, "faq-interference", { seed: 1 });
      if (run.kind !== "circuit") throw new Error("a circuit cell");
      expect(run.result.probabilities["0"]).toBeCloseTo(0.5, 10);
      expect(run.result.probabilities["1"]).toBeCloseTo(0.5, 10);
    });
  });

  it("no-signalling: q[0] stays 50/50 whatever the angle on q[1]", () => {
    const source = lessonText(STEM);
    for (const angle of ["0", "1.0", "pi/3", "2", "pi"]) {
      const text = source.replace("@range angle 0 2*pi 1.0", `@range angle 0 2*pi ${angle}`);
      const run = runLessonCell(text, "faq-no-signalling", { seed: 1 });
      if (run.kind !== "circuit") throw new Error("a circuit cell");
      const q0IsOne = Object.entries(run.result.probabilities)
        .filter(([bits]) => bits.endsWith("1"))
        .reduce((sum, [, p]) => sum + p, 0);
      expect(q0IsOne).toBeCloseTo(0.5, 10);
    }
  });

  describe("the interference exercise demands interference", async () => {
    const { exercises } = await loadLessonChecks(
      path.join(process.cwd(), "content"),
      "qml-foundations",
      STEM,
    );
    const exercise = exercises.find((e) => e.cell === "faq-interfere-to-one")!;
    const grade = (body: string) => gradeExercise(exercise, program(body)).passed;

    it.each(["h q[0];\nz q[0];\nh q[0];", "h q[0];\ns q[0];\ns q[0];\nh q[0];", "h q[0];\nrz(pi) q[0];\nh q[0];"])(
      "accepts a phase of π between Hadamards: %s",
      (body) => expect(grade(body)).toBe(true),
    );

    it.each([
      ["a bit flip after the superposition (50/50)", "h q[0];\nx q[0];"],
      ["undoing the superposition, then flipping", "h q[0];\nh q[0];\nx q[0];"],
      ["a Y flip", "h q[0];\nh q[0];\ny q[0];"],
      ["a quarter-turn phase (50/50)", "h q[0];\ns q[0];\nh q[0];"],
    ])("rejects %s", (_, body) => expect(grade(body)).toBe(false));
  });
});
